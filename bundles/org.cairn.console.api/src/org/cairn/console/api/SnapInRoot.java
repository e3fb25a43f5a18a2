package org.cairn.console.api;

import java.util.Map;

/**
 * The root node of a snap-in added to a console, as created by {@link SnapIn#createRoot(Map)}. The host saves
 * its {@link #settings()} in the console file and passes them back to {@code createRoot} when the file is
 * opened.
 */
public interface SnapInRoot extends ConsoleNode {

    /**
     * @return the settings that recreate this root, for example {@code scope=user}; plain strings, never
     *         secrets (console files are not encrypted). Call {@link ActionContext#settingsChanged()} when they
     *         change after creation.
     */
    Map<String, String> settings();

    /**
     * The console no longer shows this root: the snap-in was removed (Add/Remove Snap-in), its console was replaced
     * (File → New, File → Open) or closed, or the snap-in stopped. Release what the root holds open (a connection to
     * another computer, a login); the root is not used again. Called once, on the Display thread: return quickly
     * (close without waiting for a peer). The default holds nothing.
     *
     * @since 1.4
     */
    default void close() {
    }
}
