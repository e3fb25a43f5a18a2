package org.cairn.testing.ui;

import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;

/**
 * Presses real keys, as SWTBot's SWT keyboard does: {@link Display#post(Event)} of SWT.KeyDown and SWT.KeyUp,
 * which on GTK become key events of the window that has the focus, so that key bindings, the focused
 * control's own key handling and native key actions (tree navigation, the context menu) all run as for a user.
 * Keys go to the focused shell: give a control the focus first ({@link AbstractSWTBot#pressShortcut}
 * does). Called from the test thread; each event is posted on the UI thread.
 */
public final class Keyboard {

    private static final List<Integer> MODIFIERS = List.of(SWT.CTRL, SWT.ALT, SWT.SHIFT, SWT.COMMAND);

    private final Display display;

    /** A keyboard for {@code display}. */
    public Keyboard(Display display) {
        this.display = Objects.requireNonNull(display, "display");
    }

    /**
     * Presses each stroke in turn: its modifiers down, the key down and up, the modifiers up; returns once the
     * UI thread has taken the events (or entered a dialog one of them opened).
     *
     * @throws IllegalStateException when the display refuses an event: no shell of it has the focus
     */
    public void pressShortcut(KeyStroke... strokes) {
        for (KeyStroke stroke : strokes) {
            for (int modifier : MODIFIERS) {
                if ((stroke.modifiers() & modifier) != 0) {
                    post(SWT.KeyDown, modifier, (char) 0, stroke);
                }
            }
            post(SWT.KeyDown, stroke.keyCode(), stroke.character(), stroke);
            post(SWT.KeyUp, stroke.keyCode(), stroke.character(), stroke);
            for (int i = MODIFIERS.size() - 1; i >= 0; i--) {
                if ((stroke.modifiers() & MODIFIERS.get(i)) != 0) {
                    post(SWT.KeyUp, MODIFIERS.get(i), (char) 0, stroke);
                }
            }
        }
        // The events are queued behind what the UI thread has to do: wait until it got to them.
        UIThreadRunnable.postAndWait(display, () -> {
        });
    }

    /** Types {@code text}, one character key after another. */
    public void typeText(String text) {
        for (char character : text.toCharArray()) {
            pressShortcut(KeyStroke.of(character));
        }
    }

    private void post(int type, int keyCode, char character, KeyStroke stroke) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        // Posted on the UI thread: GDK's event queue is not thread-safe, and keys posted from the test thread
        // while the UI thread dispatches get lost.
        if (!UIThreadRunnable.syncExec(display, () -> display.post(event))) {
            throw new IllegalStateException("The display refused " + stroke
                    + ": no shell has the keyboard focus (activate one and focus a control first)");
        }
    }
}
