package org.cairn.console.api;

import java.util.Map;
import java.util.Optional;

/**
 * A snap-in: a kind of node tree the user can add to a console (File → Add/Remove Snap-in...). Register it as an
 * OSGi service, typically a Declarative Services component:
 *
 * <pre>
 * &#64;Component(service = SnapIn.class)
 * public final class NotesSnapIn implements SnapIn { ... }
 * </pre>
 *
 * The console lists every registered {@code SnapIn} service in its Add/Remove Snap-in dialog, follows services
 * that come and go at run time (bundles installed, started, stopped), and creates a root node each time the user
 * adds the snap-in or opens a console file that contains it.
 * <p>
 * Implementations must be thread-safe: the descriptive methods may be called from any thread.
 */
public interface SnapIn {

    /**
     * @return the snap-in's id, stable forever: console files refer to the snap-in by it, for example
     *         {@code org.cairn.certificates}
     */
    String id();

    /** @return the name in the Add/Remove Snap-in dialog and the About box, for example "Certificates" */
    String name();

    /** @return who provides it, for example "Cairn" */
    String vendor();

    /** @return the snap-in's version, shown in the About box, for example "1.0.0" */
    String version();

    /** @return a few sentences shown under the lists of the Add/Remove Snap-in dialog */
    String description();

    /** @return the snap-in's icon; the default is the host's generic snap-in icon */
    default Icon icon() {
        return Icon.of(Icon.Kind.SNAP_IN);
    }

    /**
     * @return the configuration step shown when the user adds the snap-in (the Certificates snap-in asks which
     *         account to manage): a {@link ConfigurationForm} the host lays out, or an
     *         {@code org.cairn.console.api.swt.ConfigurationPage} drawn by the snap-in. Empty (the default)
     *         adds the snap-in with no settings. Called each time the user adds the snap-in: return a new
     *         page object each time.
     */
    default Optional<SnapInConfiguration> configuration() {
        return Optional.empty();
    }

    /**
     * @return whether other snap-ins can be added beneath this snap-in's root (the Folder snap-in); the host
     *         then shows their roots after the root's own children
     */
    default boolean container() {
        return false;
    }

    /**
     * Creates the root node, from the settings the configuration step produced or a console file recorded.
     * Must not block for long: defer I/O to {@link ConsoleNode#children()}.
     *
     * @param settings the settings; empty for a snap-in without configuration
     * @return a new root node
     * @throws ConsoleException when the settings are not usable (the host shows the message and loads the rest
     *                          of the console)
     */
    SnapInRoot createRoot(Map<String, String> settings) throws ConsoleException;
}
