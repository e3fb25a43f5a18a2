package org.cairn.testing.ui;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;

/**
 * Runs code on the display's UI thread and hands the result, or the exception, back to the calling
 * thread (SWTBot's {@code UIThreadRunnable}). Every widget access of this bundle goes through here.
 */
public final class UIThreadRunnable {

    private UIThreadRunnable() {
    }

    /**
     * Runs {@code toExecute} on the UI thread and waits for it.
     *
     * @return what {@code toExecute} returned
     * @throws RuntimeException or {@link Error} exactly as thrown on the UI thread
     */
    public static <T> T syncExec(Display display, Result<T> toExecute) {
        AtomicReference<T> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                value.set(toExecute.run());
            } catch (RuntimeException | Error e) {
                // Caught here so the caller sees the original exception, not SWT's ERROR_FAILED_EXEC wrapper.
                failure.set(e);
            }
        });
        switch (failure.get()) {
            case null -> {
                return value.get();
            }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable t -> throw new IllegalStateException(t);
        }
    }

    /** Runs {@code toExecute} on the UI thread and waits for it; exceptions are rethrown here. */
    public static void syncExec(Display display, VoidResult toExecute) {
        syncExec(display, () -> {
            toExecute.run();
            return null;
        });
    }

    /** Queues {@code toExecute} on the UI thread without waiting; its exceptions go to the event loop. */
    public static void asyncExec(Display display, VoidResult toExecute) {
        display.asyncExec(toExecute::run);
    }

    /**
     * Queues {@code toExecute} and returns once the UI thread has run it, or has entered a nested event
     * loop inside it, as a modal dialog's {@code open()} does. This is how clicks are sent: a click that
     * opens a dialog must not block the test thread until the dialog closes.
     */
    public static void postAndWait(Display display, VoidResult toExecute) {
        asyncExec(display, toExecute);
        syncExec(display, () -> {
            // Runs after toExecute, or inside its nested event loop: either way the event was delivered.
        });
    }

    /**
     * Finds the display some thread runs, without creating one as {@code Display.getDefault()} would
     * when called on the wrong thread.
     */
    static Optional<Display> runningDisplay() {
        return Thread.getAllStackTraces().keySet().stream().map(Display::findDisplay).filter(Objects::nonNull)
                .filter(display -> !display.isDisposed()).findFirst();
    }

    /** @return whether the current thread is the display's UI thread */
    public static boolean isUIThread(Display display) {
        return display.getThread() == Thread.currentThread();
    }
}
