package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;

/** A push button (SWTBot's {@code SWTBotButton}). */
public final class SWTBotButton extends AbstractSWTBot<Button> {

    /** Wraps {@code button}. */
    public SWTBotButton(Button button) {
        super(button);
    }

    /** Waits until enabled, then sends SWT.Selection; returns even if the click opens a modal dialog. */
    public SWTBotButton click() {
        waitForEnabled();
        notify(SWT.Selection);
        return this;
    }
}
