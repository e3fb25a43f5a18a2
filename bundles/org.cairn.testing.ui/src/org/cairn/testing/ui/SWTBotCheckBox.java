package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;

/** A check box (SWTBot's {@code SWTBotCheckBox}). */
public final class SWTBotCheckBox extends AbstractSWTBot<Button> {

    /** Wraps {@code checkBox}, an SWT.CHECK button. */
    public SWTBotCheckBox(Button checkBox) {
        super(checkBox);
    }

    /** Toggles the check box and sends SWT.Selection, as a mouse click does. */
    public SWTBotCheckBox click() {
        waitForEnabled();
        post(() -> {
            widget.setSelection(!widget.getSelection());
            widget.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** Checks the box, clicking it only if unchecked. */
    public SWTBotCheckBox select() {
        if (!isChecked()) {
            click();
        }
        return this;
    }

    /** Unchecks the box, clicking it only if checked. */
    public SWTBotCheckBox deselect() {
        if (isChecked()) {
            click();
        }
        return this;
    }

    /** @return whether the box is checked */
    public boolean isChecked() {
        return syncExec(widget::getSelection);
    }
}
