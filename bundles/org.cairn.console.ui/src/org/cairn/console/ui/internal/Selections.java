package org.cairn.console.ui.internal;

import java.util.List;
import java.util.Objects;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.ui.internal.handlers.NoTasksVisible;
import org.eclipse.e4.core.contexts.IEclipseContext;

/** Publishes the console's selection into the main window's e4 context, under the keys of {@link ConsoleIds}. */
public final class Selections {

    private Selections() {
    }

    /** Publishes the node selected in the console tree; the details pane's items are cleared. */
    public static void node(IEclipseContext window, ConsoleNode node) {
        window.set(ConsoleIds.SELECTED_NODE, node);
        window.set(ConsoleIds.SELECTED_NODE_TYPE, node.nodeTypeId());
        items(window, List.of());
    }

    /** Publishes the items selected in the details pane, and their common type when they share one. */
    public static void items(IEclipseContext window, List<? extends ResultItem> items) {
        List<ResultItem> copy = List.copyOf(items);
        window.set(ConsoleIds.SELECTED_ITEMS, copy);
        String type = copy.isEmpty() ? null : copy.get(0).itemTypeId();
        for (ResultItem item : copy) {
            if (!Objects.equals(type, item.itemTypeId())) {
                type = null;
                break;
            }
        }
        if (type == null) {
            window.remove(ConsoleIds.SELECTED_ITEM_TYPE);
        } else {
            window.set(ConsoleIds.SELECTED_ITEM_TYPE, type);
        }
        NoTasksVisible.update(window);
    }
}
