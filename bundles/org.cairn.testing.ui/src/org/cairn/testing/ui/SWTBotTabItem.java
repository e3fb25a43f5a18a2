package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;

/** A TabFolder tab (SWTBot's {@code SWTBotTabItem}). */
public final class SWTBotTabItem extends AbstractSWTBot<TabItem> {

    private final TabFolder folder;

    /** Wraps {@code item}. */
    public SWTBotTabItem(TabItem item) {
        super(item);
        this.folder = UIThreadRunnable.syncExec(display, item::getParent);
    }

    /** Selects the tab and sends SWT.Selection to its folder, as a click on the tab does. */
    public SWTBotTabItem activate() {
        post(() -> {
            folder.setSelection(widget);
            Event event = new Event();
            event.item = widget;
            folder.notifyListeners(SWT.Selection, event);
        });
        return this;
    }

    /** @return whether the tab is the selected one */
    public boolean isActive() {
        return syncExec(() -> folder.getSelectionIndex() == folder.indexOf(widget));
    }
}
