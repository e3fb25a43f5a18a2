package org.cairn.testing.ui;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;

/**
 * A display with its event loop on a thread of its own, so that a test running on the JUnit thread can
 * drive it with {@link SWTBot}. For plain UI tests only: inside the e4 application (Tycho's UI harness)
 * the application's display already runs, and SWT allows one display at a time.
 * <p>
 * Exceptions thrown by listeners are kept (see {@link #uncaughtExceptions()}) instead of stopping the loop.
 */
public final class DisplayThread implements AutoCloseable {

    private static final long START_TIMEOUT_S = 30;

    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final Display display;
    private volatile boolean stopping;

    private DisplayThread() {
        CompletableFuture<Display> created = new CompletableFuture<>();
        thread = new Thread(() -> loop(created), "cairn-ui");
        thread.setDaemon(true);
        thread.start();
        try {
            display = created.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot open an SWT display (" + e.getCause().getMessage()
                    + "); set DISPLAY, or run the tests under xvfb-run -a", e.getCause());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new IllegalStateException("The SWT display did not open within " + START_TIMEOUT_S + " s", e);
        }
    }

    /** Starts a new UI thread, creates its display and runs its event loop; @return once the display exists */
    public static DisplayThread start() {
        return new DisplayThread();
    }

    /** @return the display, to create shells on with {@code syncExec} and to give to {@link SWTBot} */
    public Display display() {
        return display;
    }

    /** @return the exceptions listeners threw into the event loop so far */
    public List<Throwable> uncaughtExceptions() {
        return List.copyOf(errors);
    }

    private void loop(CompletableFuture<Display> created) {
        Display ui;
        try {
            ui = new Display();
        } catch (RuntimeException | Error e) {
            created.completeExceptionally(e);
            return;
        }
        created.complete(ui);
        while (!stopping) {
            try {
                if (!ui.readAndDispatch()) {
                    ui.sleep();
                }
            } catch (RuntimeException | LinkageError | AssertionError e) {
                errors.add(e);
            }
        }
        ui.dispose();
    }

    /** Stops the event loop and disposes the display with all its shells. */
    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        try {
            display.wake();
        } catch (SWTException e) {
            // The loop saw the flag and disposed the display first: nothing left to wake.
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_S));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
