package org.cairn.testing.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;

/** A text field (SWTBot's {@code SWTBotText}). */
public final class SWTBotText extends AbstractSWTBot<Text> {

    /** Wraps {@code text}. */
    public SWTBotText(Text text) {
        super(text);
    }

    /** Replaces the content, as the application would (SWT sends SWT.Verify and SWT.Modify). */
    public SWTBotText setText(String text) {
        waitForEnabled();
        syncExec(() -> {
            widget.setText(text);
        });
        return this;
    }

    /**
     * Types {@code text} at the caret, one character at a time: focus, then for each character
     * SWT.KeyDown (a listener may veto it with {@code doit = false}), the insertion (SWT.Verify and
     * SWT.Modify) and SWT.KeyUp.
     *
     * @throws IllegalStateException if the field is read-only
     */
    public SWTBotText typeText(String text) {
        waitForEnabled();
        if (syncExec(() -> (widget.getStyle() & SWT.READ_ONLY) != 0)) {
            throw new IllegalStateException(this + " is read-only; nothing can be typed into it");
        }
        post(() -> {
            widget.setFocus();
            text.codePoints().forEach(codePoint -> {
                if (!widget.isDisposed()) {
                    type(codePoint);
                }
            });
        });
        return this;
    }

    private void type(int codePoint) {
        Event down = keyEvent(codePoint);
        widget.notifyListeners(SWT.KeyDown, down);
        if (down.doit && !widget.isDisposed()) {
            widget.insert(Character.toString(codePoint));
            widget.notifyListeners(SWT.KeyUp, keyEvent(codePoint));
        }
    }

    private static Event keyEvent(int codePoint) {
        Event event = new Event();
        event.character = (char) codePoint;
        event.keyCode = Character.toLowerCase(codePoint);
        return event;
    }
}
