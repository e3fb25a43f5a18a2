package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/** A radio button (SWTBot's {@code SWTBotRadio}). */
public final class SWTBotRadio extends AbstractSWTBot<Button> {

    /** Wraps {@code radio}, an SWT.RADIO button. */
    public SWTBotRadio(Button radio) {
        super(radio);
    }

    /**
     * Selects this radio button as a mouse click does: the selected sibling radio buttons are deselected
     * (each gets SWT.Selection), then this one is selected and gets SWT.Selection.
     */
    public SWTBotRadio click() {
        waitForEnabled();
        post(() -> {
            if (widget.getSelection()) {
                return;
            }
            if ((widget.getParent().getStyle() & SWT.NO_RADIO_GROUP) == 0) {
                for (Control sibling : widget.getParent().getChildren()) {
                    if (sibling != widget && sibling instanceof Button other && (other.getStyle() & SWT.RADIO) != 0
                            && other.getSelection()) {
                        other.setSelection(false);
                        other.notifyListeners(SWT.Selection, new Event());
                    }
                }
            }
            widget.setSelection(true);
            widget.notifyListeners(SWT.Selection, new Event());
        });
        return this;
    }

    /** Same as {@link #click()}. */
    public SWTBotRadio select() {
        return click();
    }

    /** @return whether this radio button is selected */
    public boolean isSelected() {
        return syncExec(widget::getSelection);
    }

    /** Same as {@link #isSelected()}. */
    public boolean isChecked() {
        return isSelected();
    }
}
