package org.cairn.console.api;

import java.util.Objects;

/**
 * A details pane whose contents take time to read (a large store whose index must be rebuilt, a lock another
 * program holds, a slow disk): the host shows "Reading..." at once and keeps the window answering, calls
 * {@link #load(LoadMonitor)} on a background thread, and shows the view it returns when it arrives.
 * <p>
 * Return one from {@link ConsoleNode#resultView()}; that method itself stays quick (it runs on the Display thread)
 * and only says how to load. The host cancels a load when the user selects another node or presses F5 (Action →
 * Refresh, which starts a new one), and drops a result that arrives for a node no longer shown; a load should look
 * at {@link LoadMonitor#isCanceled()} between steps and stop early, but it is never interrupted (a store half
 * written must not be left behind). A host older than 1.2 shows its "cannot show this view" message instead.
 *
 * @since 1.2
 */
public interface BackgroundView extends ResultView {

    /**
     * Reads the view's contents. Called on a background thread, never on the Display thread: touch no widget here.
     * For a {@link ListView}, the host also asks its {@link ListView#columns()} and {@link ListView#items()} on
     * that thread, so a list may be computed lazily.
     *
     * @param monitor tells whether the load is still wanted, and takes progress text for the details pane
     * @return the view to show: a {@link ListView}, a {@link MessageView} or an
     *         {@code org.cairn.console.api.swt.CustomView} (whose controls the host then creates on the Display
     *         thread); never {@code null}
     * @throws ConsoleException when the contents cannot be read; its message is shown in the details pane
     */
    ResultView load(LoadMonitor monitor) throws ConsoleException;

    /** A load as a lambda: {@code BackgroundView.of(monitor -> ListView.of(columns, readRows(monitor)))}. */
    @FunctionalInterface
    interface Loader {
        /**
         * @param monitor as {@link BackgroundView#load(LoadMonitor)}
         * @return as {@link BackgroundView#load(LoadMonitor)}
         * @throws ConsoleException as {@link BackgroundView#load(LoadMonitor)}
         */
        ResultView load(LoadMonitor monitor) throws ConsoleException;
    }

    /**
     * @param loader the work, run on a background thread
     * @return a background view that runs {@code loader}
     */
    static BackgroundView of(Loader loader) {
        Objects.requireNonNull(loader, "loader");
        return loader::load;
    }
}
