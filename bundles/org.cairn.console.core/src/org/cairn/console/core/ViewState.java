package org.cairn.console.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a console's view that a console file keeps: which nodes are expanded and selected (each as the
 * {@code ConsoleNode.key()}s from the Console Root down), and the column layouts by node type id.
 *
 * @param expanded the expanded nodes' key paths
 * @param selected the selected node's key path
 * @param columns  column layouts, by the node type id of the node whose list they belong to
 */
public record ViewState(List<List<String>> expanded, Optional<List<String>> selected,
        Map<String, List<ColumnState>> columns) {

    /** The state of a new console: nothing expanded or selected, default columns. */
    public static final ViewState EMPTY = new ViewState(List.of(), Optional.empty(), Map.of());

    /** Copies the collections. */
    public ViewState {
        expanded = expanded.stream().map(List::copyOf).toList();
        selected = selected.map(List::copyOf);
        columns = Map.copyOf(columns);
        columns.values().forEach(List::copyOf);
    }
}
