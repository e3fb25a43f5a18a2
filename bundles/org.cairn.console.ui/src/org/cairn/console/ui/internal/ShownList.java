package org.cairn.console.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.cairn.console.api.Column;
import org.cairn.console.api.ResultItem;
import org.cairn.console.core.ColumnState;

/**
 * The list the details pane shows now, published in the window context under {@link #KEY} for Export List...,
 * Customize Columns... and the status bar; absent when the details pane shows no list.
 *
 * @param nodeTypeId the node type whose list it is (column layouts are kept per node type)
 * @param columns    the columns the view defines
 * @param layout     the columns' current order, widths and visibility
 * @param items      the rows in display order
 * @param selection  the selected rows, in display order
 */
public record ShownList(String nodeTypeId, List<Column> columns, List<ColumnState> layout,
        List<? extends ResultItem> items, Supplier<List<ResultItem>> selection) {

    /** Key in the window context. */
    public static final String KEY = "org.cairn.console.internal.shownList";

    /** @return the headings of the shown columns, in display order */
    public List<String> headings() {
        Map<String, Column> byId = columns.stream().collect(Collectors.toMap(Column::id, Function.identity()));
        return layout.stream().filter(ColumnState::shown).map(c -> byId.get(c.id()).title()).toList();
    }

    /** @return the ids of the shown columns, in display order */
    public List<String> shownColumnIds() {
        return layout.stream().filter(ColumnState::shown).map(ColumnState::id).toList();
    }
}
