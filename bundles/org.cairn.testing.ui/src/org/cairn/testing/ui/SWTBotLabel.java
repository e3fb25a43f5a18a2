package org.cairn.testing.ui;

import org.eclipse.swt.widgets.Label;

/** A label; read it with {@link #getText()} (SWTBot's {@code SWTBotLabel}). */
public final class SWTBotLabel extends AbstractSWTBot<Label> {

    /** Wraps {@code label}. */
    public SWTBotLabel(Label label) {
        super(label);
    }
}
