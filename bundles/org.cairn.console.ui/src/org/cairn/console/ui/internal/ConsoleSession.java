package org.cairn.console.ui.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.core.ColumnState;
import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.core.ViewState;
import org.cairn.console.core.WindowLayout;

/**
 * The console the window shows and the view state that goes into its file: one per application, in the
 * application context; used on the Display thread. The tree reports its expanded and selected nodes here, the
 * details pane the column layouts, so that Save can write them.
 */
public final class ConsoleSession {

    private ConsoleDocument document = new ConsoleDocument();
    private ViewState pending = ViewState.EMPTY;
    private WindowLayout pendingLayout = WindowLayout.DEFAULT;
    private final Map<String, List<ColumnState>> columns = new HashMap<>();
    private List<List<String>> expanded = List.of();
    private Optional<List<String>> selected = Optional.empty();
    private final ChildReader childReader = new ChildReader();

    /** @return the reader of the children of nodes that read them in the background */
    public ChildReader childReader() {
        return childReader;
    }

    /**
     * Before a node is refreshed (Action → Refresh, a changed property sheet, a snap-in's action): the children read
     * in the background of it and beneath it are read again, and reads under way are not kept.
     */
    public void refreshing(org.cairn.console.api.ConsoleNode node) {
        childReader.forget();
        document.forgetChildren(node);
    }

    /** @return the console shown */
    public ConsoleDocument document() {
        return document;
    }

    /**
     * Shows another console. The tree restores {@code view} when it next loads; the window applies {@code layout}.
     */
    public void replace(ConsoleDocument newDocument, ViewState view, WindowLayout layout) {
        if (newDocument != document) {
            document.close(); // its snap-ins' connections go with it
        }
        document = newDocument;
        pending = view;
        pendingLayout = layout;
        columns.clear();
        columns.putAll(view.columns());
        expanded = view.expanded();
        selected = view.selected();
    }

    /** The window closes: the console's snap-ins release what they hold open. */
    public void close() {
        document.close();
    }

    /** @return the view state the tree should restore for the current console, once */
    public ViewState takePendingView() {
        ViewState view = pending;
        pending = ViewState.EMPTY;
        return view;
    }

    /** @return the window layout recorded in the current console's file */
    public WindowLayout pendingLayout() {
        return pendingLayout;
    }

    /** Records the tree's state, as key paths. */
    public void treeState(List<List<String>> expandedPaths, Optional<List<String>> selectedPath) {
        expanded = List.copyOf(expandedPaths);
        selected = selectedPath;
    }

    /** @return the column layout the user chose for a node type */
    public Optional<List<ColumnState>> columns(String nodeType) {
        return Optional.ofNullable(columns.get(nodeType));
    }

    /** Records the column layout of a node type. */
    public void setColumns(String nodeType, List<ColumnState> layout) {
        columns.put(nodeType, List.copyOf(layout));
    }

    /** @return the view state to save */
    public ViewState viewState() {
        return new ViewState(expanded, selected, columns);
    }
}
