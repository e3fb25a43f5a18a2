package org.cairn.console.ui.internal;

/** Event topics (e4 event broker) inside the host; not API. */
public final class Topics {

    /** Another console was created or opened; the data is the {@code ConsoleDocument}. */
    public static final String DOCUMENT = "org/cairn/console/internal/document";

    /**
     * Snap-ins were added, removed or moved; the tree reloads the Console Root. The data is the node to select
     * afterwards, or {@link #NO_NODE}.
     */
    public static final String STRUCTURE = "org/cairn/console/internal/structure";

    /** Select this node in the console tree (opening a result item that stands for a node). */
    public static final String SELECT_NODE = "org/cairn/console/internal/selectNode";

    /** The console's dirty state or file changed: the window title follows. Data: {@link #NO_NODE}. */
    public static final String TITLE = "org/cairn/console/internal/title";

    /** The column layout of a node type changed; the data is the node type id. */
    public static final String COLUMNS = "org/cairn/console/internal/columns";

    /** Placeholder event data (the broker does not carry {@code null}). */
    public static final String NO_NODE = "";

    private Topics() {
    }
}
