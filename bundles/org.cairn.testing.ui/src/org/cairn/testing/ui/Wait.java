package org.cairn.testing.ui;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.swt.widgets.Display;

/** The polling loop behind every find and wait; runs on the test thread. */
final class Wait {

    static final String TIMEOUT_PROPERTY = "cairn.bot.timeout";
    static final long DEFAULT_TIMEOUT_MS = 5_000;
    private static final long POLL_MS = 50;

    private Wait() {
    }

    static long timeout() {
        long configured = Long.getLong(TIMEOUT_PROPERTY, DEFAULT_TIMEOUT_MS);
        return configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
    }

    /** Finds with the default timeout, else throws {@link WidgetNotFoundException} with the diagnosis. */
    static <R> R find(Display display, String what, Callable<Optional<R>> attempt, Supplier<String> diagnosis) {
        long timeout = timeout();
        Poll<R> poll = poll(display, timeout, attempt);
        return poll.value().orElseThrow(() -> new WidgetNotFoundException(
                "Could not find " + what + " within " + timeout + " ms. " + safely(diagnosis), poll.lastError()));
    }

    /** Polls {@code attempt} until it yields a value or {@code timeoutMs} passes; errors count as "not yet". */
    static <R> Poll<R> poll(Display display, long timeoutMs, Callable<Optional<R>> attempt) {
        if (UIThreadRunnable.isUIThread(display)) {
            throw new IllegalStateException("SWTBot waits and finds must run off the UI thread, "
                    + "or the UI it waits for can never change; run the test on another thread");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        Exception lastError = null;
        while (true) {
            try {
                Optional<R> value = attempt.call();
                if (value.isPresent()) {
                    return new Poll<>(value, null);
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                return new Poll<>(Optional.empty(), lastError);
            }
            sleep(POLL_MS);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the UI", e);
        }
    }

    static String safely(Supplier<String> message) {
        try {
            return message.get();
        } catch (RuntimeException e) {
            return "(could not describe the UI: " + e + ")";
        }
    }

    record Poll<R>(Optional<R> value, Exception lastError) {
    }
}
