package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** A tree (SWTBot's {@code SWTBotTree}): {@code bot.tree().expandNode("Console Root", "Certificates")}. */
public final class SWTBotTree extends AbstractSWTBot<Tree> {

    /** Wraps {@code tree}. */
    public SWTBotTree(Tree tree) {
        super(tree);
    }

    /** @return the top-level items, now */
    public SWTBotTreeItem[] getAllItems() {
        return syncExec(() -> Arrays.stream(widget.getItems()).map(SWTBotTreeItem::new).toArray(SWTBotTreeItem[]::new));
    }

    /** @return the top-level item {@code text}, waiting for it */
    public SWTBotTreeItem getTreeItem(String text) {
        return Wait.find(display, "top-level tree item '" + text + "'",
                () -> syncExec(() -> SWTBotTreeItem.child(widget.getItems(), text)),
                () -> syncExec(() -> "The tree's top-level items are " + SWTBotTreeItem.texts(widget.getItems())));
    }

    /** Expands each node along {@code path}, from a top-level item down; @return the last node */
    public SWTBotTreeItem expandNode(String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("expandNode needs the path of a node, e.g. \"Console Root\"");
        }
        SWTBotTreeItem node = getTreeItem(path[0]).expand();
        for (int i = 1; i < path.length; i++) {
            node = node.getNode(path[i]).expand();
        }
        return node;
    }

    /** Selects the top-level items {@code texts} and sends SWT.Selection. */
    public SWTBotTree select(String... texts) {
        TreeItem[] items = Arrays.stream(texts).map(text -> getTreeItem(text).widget).toArray(TreeItem[]::new);
        post(() -> {
            widget.setSelection(items);
            Event event = new Event();
            event.item = items.length > 0 ? items[0] : null;
            widget.notifyListeners(SWT.Selection, event);
        });
        return this;
    }

    /** Clears the selection and sends SWT.Selection. */
    public SWTBotTree unselect() {
        post(() -> {
            widget.deselectAll();
            widget.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** @return the texts of the selected items */
    public List<String> selection() {
        return syncExec(() -> SWTBotTreeItem.texts(widget.getSelection()));
    }

    /** @return the number of selected items */
    public int selectionCount() {
        return syncExec(widget::getSelectionCount);
    }

    /** @return the number of top-level items */
    public int rowCount() {
        return syncExec(widget::getItemCount);
    }

    /** @return whether the tree has top-level items */
    public boolean hasItems() {
        return rowCount() > 0;
    }
}
