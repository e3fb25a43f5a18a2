package org.cairn.testing.ui;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;

/**
 * Presses real keys, as SWTBot's SWT keyboard does: {@link Display#post(Event)} of SWT.KeyDown and SWT.KeyUp,
 * which on GTK become key events of the window that has the focus, so that key bindings, the focused
 * control's own key handling and native key actions (tree navigation, the context menu) all run as for a user.
 * Keys go to the focused shell: give a control the focus first ({@link AbstractSWTBot#pressShortcut}
 * does). Called from the test thread; each event is posted on the UI thread.
 */
public final class Keyboard {

    private static final List<Integer> MODIFIERS = List.of(SWT.CTRL, SWT.ALT, SWT.SHIFT, SWT.COMMAND);

    private static final long PROBE_MS = 250;

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

    /**
     * Waits until keys reach {@code control}: presses Shift, which does nothing on its own, until the control gets it,
     * and keeps that Shift from the control's listeners. The focus alone does not tell: GTK ends the keyboard grab of
     * a menu that just closed a little later, and a key posted before then is lost.
     *
     * @throws TimeoutException when no key reaches the control within {@code timeoutMs}
     */
    void waitUntilKeysReach(Control control, long timeoutMs) {
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean up = new AtomicBoolean();
        Listener probe = event -> {
            if (event.keyCode == SWT.SHIFT && event.widget == control) {
                (event.type == SWT.KeyDown ? down : up).set(true);
                event.type = SWT.None;
            }
        };
        UIThreadRunnable.syncExec(display, () -> {
            display.addFilter(SWT.KeyDown, probe);
            display.addFilter(SWT.KeyUp, probe);
        });
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            KeyStroke shift = KeyStroke.of(SWT.SHIFT);
            while (!(down.get() && up.get())) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new TimeoutException("No key reached " + control + " within " + timeoutMs
                            + " ms: something else holds the keyboard", null);
                }
                down.set(false);
                up.set(false);
                post(SWT.KeyDown, SWT.SHIFT, (char) 0, shift);
                post(SWT.KeyUp, SWT.SHIFT, (char) 0, shift);
                Wait.poll(display, PROBE_MS, () -> Optional.of(true).filter(ignored -> down.get() && up.get()));
            }
        } finally {
            UIThreadRunnable.syncExec(display, () -> {
                display.removeFilter(SWT.KeyDown, probe);
                display.removeFilter(SWT.KeyUp, probe);
            });
        }
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
