package org.cairn.console.api;

/**
 * What a {@link BackgroundView} learns from the host while it loads, and tells it: whether the load is still
 * wanted, and a line of progress shown under "Reading..." in the details pane. Safe to call from any thread.
 *
 * @since 1.2
 */
public interface LoadMonitor {

    /**
     * @return whether the user left the node or refreshed it, so the result will not be shown; stop early then
     *         (return any view: the host drops it)
     */
    boolean isCanceled();

    /**
     * Shows a line of progress in the details pane, for example {@code "Rebuilding the index: 4,000 of 10,000"}.
     * The default shows nothing.
     *
     * @param text the line, plain text
     */
    default void progress(String text) {
    }
}
