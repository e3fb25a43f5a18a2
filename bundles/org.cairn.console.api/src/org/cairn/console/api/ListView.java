package org.cairn.console.api;

import java.util.List;

/**
 * A details pane the host renders as a table: the node's {@link #columns()} and {@link #items()}. The host sorts
 * it when a heading is clicked, lets the user show, hide and reorder columns (View → Customize Columns...), and
 * writes it out with Action → Export List....
 * <p>
 * The host asks for the items each time the node is shown or refreshed, on the Display thread (on a background
 * thread when a {@link BackgroundView} returned the list), and draws the table virtually: for large lists, return
 * a {@link List} whose {@code get} is cheap (an array-backed list). A list that takes time to read (disk, locks)
 * belongs in a {@link BackgroundView} (since 1.2), so that the window keeps answering.
 */
public interface ListView extends ResultView {

    /** @return the columns, in their default order; at least one */
    List<Column> columns();

    /** @return the rows */
    List<? extends ResultItem> items();

    /** @return the message shown instead of an empty table */
    default String emptyMessage() {
        return "There are no items to show in this view.";
    }

    /**
     * @param columns the columns
     * @param items   the rows
     * @return a list view of fixed columns and rows
     */
    static ListView of(List<Column> columns, List<? extends ResultItem> items) {
        List<Column> fixedColumns = List.copyOf(columns);
        List<? extends ResultItem> fixedItems = List.copyOf(items);
        if (fixedColumns.isEmpty()) {
            throw new IllegalArgumentException("A list view needs at least one column");
        }
        return new ListView() {
            @Override
            public List<Column> columns() {
                return fixedColumns;
            }

            @Override
            public List<? extends ResultItem> items() {
                return fixedItems;
            }
        };
    }
}
