package org.cairn.console.api;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What the host gives an action, a custom view or a properties sheet while it runs: the current selection and
 * a few services (simple dialogs, refresh, the system browser) that need no UI toolkit in the snap-in. Snap-ins
 * that need richer UI use an e4 handler contributed by a model fragment, or {@link #adapt(Class)}.
 * <p>
 * Only valid during the call it was passed to, on the Display thread.
 */
public interface ActionContext {

    /** @return the node selected in the console tree */
    ConsoleNode node();

    /** @return the items selected in the details pane, in display order; empty when none */
    List<ResultItem> selectedItems();

    /**
     * Reloads a node: its children in the console tree and, when it is shown, the details pane. Calls
     * {@link ConsoleNode#refresh()} first.
     */
    void refresh(ConsoleNode node);

    /**
     * Tells the host that the settings of the snap-in (its root's {@link SnapInRoot#settings()}) changed, so that
     * the console has unsaved changes.
     */
    void settingsChanged();

    /**
     * Asks the user for a line of text.
     *
     * @param title   the dialog title
     * @param prompt  the question
     * @param initial the text the field starts with
     * @return the text, or empty when the user cancelled
     */
    Optional<String> askText(String title, String prompt, String initial);

    /** @return whether the user answered Yes to the question */
    boolean confirm(String title, String question);

    /** Shows an information message. */
    void showMessage(String title, String message);

    /**
     * Opens a web address in the system browser.
     *
     * @throws ConsoleException when no browser could be started
     */
    void openInBrowser(URI address) throws ConsoleException;

    /**
     * An escape hatch to the host's UI objects for snap-ins that do have a UI toolkit: the SWT host answers
     * {@code org.eclipse.swt.widgets.Shell}.
     *
     * @return the host's object of that type, if it has one
     */
    <T> Optional<T> adapt(Class<T> type);
}
