package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** A tree node (SWTBot's {@code SWTBotTreeItem}). */
public final class SWTBotTreeItem extends AbstractSWTBot<TreeItem> {

    private final Tree tree;

    /** Wraps {@code item}. */
    public SWTBotTreeItem(TreeItem item) {
        super(item);
        this.tree = UIThreadRunnable.syncExec(display, item::getParent);
    }

    /** Sends SWT.Expand (lazy trees create children there), then expands the node. */
    public SWTBotTreeItem expand() {
        toggle(true);
        return this;
    }

    /** Sends SWT.Collapse, then collapses the node. */
    public SWTBotTreeItem collapse() {
        toggle(false);
        return this;
    }

    private void toggle(boolean expand) {
        post(() -> {
            if (widget.getExpanded() != expand) {
                Event event = new Event();
                event.item = widget;
                tree.notifyListeners(expand ? SWT.Expand : SWT.Collapse, event);
                if (!widget.isDisposed()) {
                    widget.setExpanded(expand);
                }
            }
        });
    }

    /** @return whether the node is expanded */
    public boolean isExpanded() {
        return syncExec(widget::getExpanded);
    }

    /** @return the child {@code text}, waiting for it; expand the node first if children come lazily */
    public SWTBotTreeItem getNode(String text) {
        return Wait.find(display, "child '" + text + "' of " + this, () -> syncExec(() -> child(widget.getItems(), text)),
                () -> syncExec(() -> Widgets.describe(widget) + (widget.getExpanded() ? "" : " (collapsed: expand() it)")
                        + " has children " + texts(widget.getItems())));
    }

    /** @return the texts of the children, now */
    public List<String> getNodes() {
        return syncExec(() -> texts(widget.getItems()));
    }

    /** @return the children, now */
    public SWTBotTreeItem[] getItems() {
        return syncExec(() -> Arrays.stream(widget.getItems()).map(SWTBotTreeItem::new).toArray(SWTBotTreeItem[]::new));
    }

    /** Selects this node alone and sends SWT.Selection, as a click does. */
    public SWTBotTreeItem select() {
        post(() -> {
            tree.setSelection(widget);
            tree.notifyListeners(SWT.Selection, itemEvent());
        });
        return this;
    }

    /** Same as {@link #select()}. */
    public SWTBotTreeItem click() {
        return select();
    }

    /** Selects the node, then sends SWT.MouseDoubleClick and SWT.DefaultSelection (JFace's double-click). */
    public SWTBotTreeItem doubleClick() {
        select();
        post(() -> {
            Rectangle bounds = widget.getBounds();
            Event mouse = itemEvent();
            mouse.button = 1;
            mouse.count = 2;
            mouse.x = bounds.x + bounds.width / 2;
            mouse.y = bounds.y + bounds.height / 2;
            tree.notifyListeners(SWT.MouseDoubleClick, mouse);
            if (!widget.isDisposed()) {
                tree.notifyListeners(SWT.DefaultSelection, itemEvent());
            }
        });
        return this;
    }

    /** @return whether the node is selected */
    public boolean isSelected() {
        return syncExec(() -> Arrays.asList(tree.getSelection()).contains(widget));
    }

    /** @return the text of the node in {@code column} */
    public String cell(int column) {
        return syncExec(() -> widget.getText(column));
    }

    /** Selects the node, so the tree's context menu applies to it. */
    @Override
    protected Control contextControl() {
        select();
        return tree;
    }

    /** Selects the node: the keys go to its tree. */
    @Override
    protected Control keyControl() {
        select();
        return tree;
    }

    private Event itemEvent() {
        Event event = new Event();
        event.item = widget;
        return event;
    }

    static Optional<SWTBotTreeItem> child(TreeItem[] items, String text) {
        return Arrays.stream(items).filter(item -> Widgets.textMatches(item.getText(), text)).findFirst()
                .map(SWTBotTreeItem::new);
    }

    static List<String> texts(TreeItem[] items) {
        return Arrays.stream(items).map(TreeItem::getText).toList();
    }
}
