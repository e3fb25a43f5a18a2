package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Event;

/** A CTabFolder tab, as e4 part stacks use (SWTBot's {@code SWTBotCTabItem}). */
public final class SWTBotCTabItem extends AbstractSWTBot<CTabItem> {

    private final CTabFolder folder;

    /** Wraps {@code item}. */
    public SWTBotCTabItem(CTabItem item) {
        super(item);
        this.folder = UIThreadRunnable.syncExec(display, item::getParent);
    }

    /** Selects the tab and sends SWT.Selection to its folder, as a click on the tab does. */
    public SWTBotCTabItem activate() {
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
        return syncExec(() -> folder.getSelection() == widget);
    }
}
