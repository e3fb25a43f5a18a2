package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;

/** A combo box (SWTBot's {@code SWTBotCombo}). */
public final class SWTBotCombo extends AbstractSWTBot<Combo> {

    /** Wraps {@code combo}. */
    public SWTBotCombo(Combo combo) {
        super(combo);
    }

    /** Selects the item {@code text} and sends SWT.Selection. */
    public SWTBotCombo setSelection(String text) {
        int index = items().indexOf(text);
        if (index < 0) {
            throw new IllegalArgumentException("No item '" + text + "' in " + this + "; items: " + items());
        }
        return setSelection(index);
    }

    /** Selects the item at {@code index} and sends SWT.Selection. */
    public SWTBotCombo setSelection(int index) {
        int count = itemCount();
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("Index " + index + " out of range; " + this + " has " + count + " items");
        }
        waitForEnabled();
        post(() -> {
            widget.select(index);
            widget.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** Sets the text of an editable combo (SWT sends SWT.Modify). */
    public SWTBotCombo setText(String text) {
        waitForEnabled();
        syncExec(() -> {
            if ((widget.getStyle() & SWT.READ_ONLY) != 0) {
                throw new IllegalStateException(Widgets.describe(widget) + " is read-only; use setSelection");
            }
            widget.setText(text);
        });
        return this;
    }

    /** @return the shown text */
    public String selection() {
        return getText();
    }

    /** @return the selected index, or -1 */
    public int selectionIndex() {
        return syncExec(widget::getSelectionIndex);
    }

    /** @return the items */
    public List<String> items() {
        return syncExec(() -> Arrays.asList(widget.getItems()));
    }

    /** @return the number of items */
    public int itemCount() {
        return syncExec(widget::getItemCount);
    }
}
