package org.cairn.testing.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension that fails a UI test in which the UI thread stopped answering: while the test runs (its
 * {@code @BeforeEach} and {@code @AfterEach} methods included, the workbench's start-up before it not), a watchdog
 * thread posts a runnable to the display every {@value #PERIOD_MS} ms and measures how long it waits to run. A wait
 * over {@value #STALL_MS} ms is a stall: the window was frozen for that long. The failure names each stall with
 * what the UI thread was doing then (its stack, captured when the wait passed the limit).
 * <p>
 * Use with {@code @ExtendWith(UiThreadWatchdog.class)} on every UI test class. A wait during which the UI thread
 * was itself asleep waiting for events (the runnable was queued but the machine did not run the thread) is not the
 * product's doing; it is counted and reported, but does not fail the test.
 */
public final class UiThreadWatchdog implements BeforeEachCallback, AfterEachCallback {

    /** How often the UI thread is asked to answer. */
    public static final long PERIOD_MS = 50;
    /** The longest the UI thread may take to answer. */
    public static final long STALL_MS = 250;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(UiThreadWatchdog.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(Watch.class, Watch.start(UIThreadRunnable::runningDisplay,
                Duration.ofMillis(STALL_MS)));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Watch watch = context.getStore(NAMESPACE).remove(Watch.class, Watch.class);
        if (watch != null) {
            watch.stop();
            watch.verify();
        }
    }

    /**
     * A UI-thread stall seen by the watchdog.
     *
     * @param delay   how long the posted runnable waited
     * @param stack   the UI thread's stack when the wait passed the limit
     * @param idle    whether the UI thread was then asleep waiting for events (the machine, not the product)
     */
    public record Stall(Duration delay, List<StackTraceElement> stack, boolean idle) {

        /** Copies the stack. */
        public Stall {
            stack = List.copyOf(stack);
        }

        @Override
        public String toString() {
            return "the UI thread did not answer for " + delay.toMillis() + " ms; it was in:\n" + stack.stream()
                    .limit(40).map(frame -> "\tat " + frame).collect(Collectors.joining("\n"));
        }
    }

    /** One watch over the UI thread, from {@link #start} to {@link #stop}. */
    public static final class Watch {
        private final Supplier<Optional<Display>> displays;
        private final long limitNanos;
        private final Thread thread;
        private final List<Stall> stalls = new ArrayList<>();
        private volatile boolean running = true;
        private volatile long pings;

        private Watch(Supplier<Optional<Display>> displays, Duration limit) {
            this.displays = displays;
            this.limitNanos = limit.toNanos();
            thread = new Thread(this::watch, "cairn-ui-watchdog");
            thread.setDaemon(true);
        }

        /**
         * Starts watching.
         *
         * @param displays finds the display to watch; asked again each period until there is one (a test may
         *                 start its display after the watch began)
         * @param limit    the longest answer that is not a stall
         * @return the running watch
         */
        public static Watch start(Supplier<Optional<Display>> displays, Duration limit) {
            Watch watch = new Watch(displays, limit);
            watch.thread.start();
            return watch;
        }

        /** Stops watching; a ping still unanswered then counts with the wait so far. */
        public void stop() {
            running = false;
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** @return the stalls seen, in order */
        public synchronized List<Stall> stalls() {
            return List.copyOf(stalls);
        }

        /** @return how many times the UI thread was asked to answer */
        public long pings() {
            return pings;
        }

        /**
         * @throws AssertionError naming every stall in which the UI thread was busy (not asleep waiting for
         *                        events)
         */
        public void verify() {
            List<Stall> busy = stalls().stream().filter(stall -> !stall.idle()).toList();
            if (!busy.isEmpty()) {
                throw new AssertionError("The window froze " + busy.size() + " time(s) (limit "
                        + TimeUnit.NANOSECONDS.toMillis(limitNanos) + " ms): nothing slow may run on the UI thread.\n"
                        + busy.stream().map(Stall::toString).collect(Collectors.joining("\n")));
            }
        }

        private void watch() {
            Display display = null;
            while (running) {
                if (display == null || display.isDisposed()) {
                    display = displays.get().orElse(null);
                    if (display == null) {
                        pause(PERIOD_MS);
                        continue;
                    }
                }
                long posted = System.nanoTime();
                CountDownLatch answered = new CountDownLatch(1);
                long[] answeredAt = new long[1];
                try {
                    display.asyncExec(() -> {
                        answeredAt[0] = System.nanoTime();
                        answered.countDown();
                    });
                } catch (SWTException e) {
                    display = null; // disposed between the check and the post
                    continue;
                }
                pings++;
                Thread ui = display.getThread();
                StackTraceElement[] stack = null;
                boolean idle = false;
                boolean done = false;
                while (!done) {
                    done = await(answered, 5);
                    if (!done && stack == null && System.nanoTime() - posted > limitNanos) {
                        stack = ui.getStackTrace();
                        idle = Arrays.stream(stack).limit(12).anyMatch(frame -> frame.getClassName()
                                .equals(Display.class.getName()) && frame.getMethodName().equals("sleep"));
                    }
                    if (!done && !running) {
                        break;
                    }
                }
                long delay = (done ? answeredAt[0] : System.nanoTime()) - posted;
                if (delay > limitNanos) {
                    synchronized (this) {
                        stalls.add(new Stall(Duration.ofNanos(delay),
                                stack == null ? List.of() : Arrays.asList(stack), idle));
                    }
                }
                pause(Math.max(0, PERIOD_MS - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted)));
            }
        }

        private static boolean await(CountDownLatch latch, long millis) {
            try {
                return latch.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
