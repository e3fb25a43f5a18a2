package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.cairn.testing.ui.UiThreadWatchdog.Watch;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI-thread watchdog that every UI test bundle runs: a UI thread busy for 400 ms fails the test and names what
 * it was doing; one busy for 100 ms does not. (Not under the watchdog itself, which would fail the first test.)
 */
@ExtendWith(SharedDisplay.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UiThreadWatchdogTest {

    private Display display;

    @BeforeEach
    void display(DisplayThread ui) {
        display = ui.display();
    }

    private Watch watch() {
        Watch watch = Watch.start(() -> Optional.of(display), Duration.ofMillis(UiThreadWatchdog.STALL_MS));
        // the watch answers a few times first, so the stall below is what it measures
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (watch.pings() < 3 && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return watch;
    }

    private void busyOnUiThread(long millis) {
        UIThreadRunnable.syncExec(display, () -> sleepOnUiThread(millis));
    }

    private static void sleepOnUiThread(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aUiThreadBusyFor400MillisecondsFailsWithWhatItWasDoing() {
        Watch watch = watch();
        try {
            busyOnUiThread(400);
            busyOnUiThread(0); // one more answer, so the stalled ping was answered
        } finally {
            watch.stop();
        }
        AssertionError failure = assertThrows(AssertionError.class, watch::verify);
        assertEquals(1, watch.stalls().size(), watch.stalls()::toString);
        long delay = watch.stalls().get(0).delay().toMillis();
        assertTrue(delay >= 250 && delay < 2000, "measured " + delay + " ms");
        assertTrue(failure.getMessage().contains("did not answer for"), failure.getMessage());
        // the UI thread's stack at the stall names the culprit
        assertTrue(failure.getMessage().contains("UiThreadWatchdogTest.sleepOnUiThread"), failure.getMessage());
        assertTrue(failure.getMessage().contains("java.lang.Thread.sleep"), failure.getMessage());
        assertEquals(UiThreadWatchdog.Cause.BLOCKED, watch.stalls().get(0).cause());
        assertFalse(watch.stalls().get(0).idle());
    }

    @Test
    void aUiThreadComputingFor400MillisecondsFails() {
        Watch watch = watch();
        try {
            // 400 ms of CPU time, however busy the machine is
            UIThreadRunnable.syncExec(display, () -> {
                var threads = java.lang.management.ManagementFactory.getThreadMXBean();
                long end = threads.getCurrentThreadCpuTime() + Duration.ofMillis(400).toNanos();
                long sum = 0;
                while (threads.getCurrentThreadCpuTime() < end) {
                    sum += Long.numberOfTrailingZeros(sum + end);
                }
                return sum;
            });
            busyOnUiThread(0);
        } finally {
            watch.stop();
        }
        assertThrows(AssertionError.class, watch::verify);
        assertEquals(UiThreadWatchdog.Cause.BUSY, watch.stalls().get(0).cause(), watch.stalls()::toString);
    }

    @Test
    void classLoadingForAFirstUseIsReportedNotFailedButOtherComputingFails() {
        StackTraceElement[] loading = {
                new StackTraceElement("org.eclipse.osgi.internal.loader.BundleLoader", "findClass0", null, 1),
                new StackTraceElement("org.eclipse.osgi.internal.loader.ModuleClassLoader", "loadClass", null, 2),
                new StackTraceElement("java.lang.ClassLoader", "loadClass", null, 3) };
        StackTraceElement[] sorting = { new StackTraceElement("java.util.TimSort", "sort", null, 1),
                new StackTraceElement("org.example.Table", "refresh", null, 2) };
        Duration limit = Duration.ofMillis(UiThreadWatchdog.STALL_MS);
        UiThreadWatchdog.Cause firstUse = UiThreadWatchdog.Stall.cause(loading, limit, Duration.ofMillis(300));
        UiThreadWatchdog.Cause work = UiThreadWatchdog.Stall.cause(sorting, limit, Duration.ofMillis(300));
        assertEquals(UiThreadWatchdog.Cause.CLASS_LOADING, firstUse);
        assertEquals(UiThreadWatchdog.Cause.BUSY, work);
        StackTraceElement[] extracting = { new StackTraceElement("java.io.UnixFileSystem", "canonicalize0", null, -2),
                new StackTraceElement("java.io.File", "mkdirs", null, 1),
                new StackTraceElement("org.eclipse.osgi.storage.BundleInfo$Generation", "storeContent", null, 2),
                new StackTraceElement("org.eclipse.jface.resource.URLImageDescriptor", "createImage", null, 3) };
        assertEquals(UiThreadWatchdog.Cause.CLASS_LOADING,
                UiThreadWatchdog.Stall.cause(extracting, limit, Duration.ofMillis(300)), "a bundle file's first use");
        StackTraceElement[] linking = { new StackTraceElement("jdk.internal.classfile.impl.EntryMap", "<init>", null, 77),
                new StackTraceElement("java.lang.invoke.InnerClassLambdaMetafactory", "<init>", null, 155),
                new StackTraceElement("java.lang.invoke.MethodHandleNatives", "linkCallSite", null, 240),
                new StackTraceElement("org.example.Page", "createControl", null, 76) };
        assertEquals(UiThreadWatchdog.Cause.CLASS_LOADING,
                UiThreadWatchdog.Stall.cause(linking, limit, Duration.ofMillis(300)), "a lambda's first run");
        StackTraceElement[] layout = { new StackTraceElement("org.eclipse.swt.internal.gtk.GTK",
                "gtk_widget_get_preferred_size", null, -2),
                new StackTraceElement("org.eclipse.swt.widgets.Control", "computeNativeSize", null, 1) };
        assertEquals(UiThreadWatchdog.Cause.TOOLKIT, UiThreadWatchdog.Stall.cause(layout, limit, Duration.ofMillis(300)));
        StackTraceElement[] buttons = { new StackTraceElement("org.eclipse.jface.widgets.ButtonFactory", "lambda$0", null, 68),
                new StackTraceElement("org.eclipse.jface.dialogs.Dialog", "createButton", null, 618),
                new StackTraceElement("org.example.ImportHandler", "execute", null, 82) };
        assertEquals(UiThreadWatchdog.Cause.TOOLKIT, UiThreadWatchdog.Stall.cause(buttons, limit, Duration.ofMillis(355)));
        StackTraceElement[] starting = { new StackTraceElement("java.lang.Thread", "start0", null, -2),
                new StackTraceElement("java.lang.Thread", "start", null, 1444),
                new StackTraceElement("org.example.Dialog", "startWork", null, 66) };
        assertEquals(UiThreadWatchdog.Cause.STARVED, UiThreadWatchdog.Stall.cause(starting, limit, Duration.ofMillis(95)),
                "the system creating a thread for work moved off the UI thread");
        StackTraceElement[] sleeping = { new StackTraceElement("java.lang.Thread", "sleep0", null, -2),
                new StackTraceElement("org.example.Dialog", "okPressed", null, 12) };
        assertEquals(UiThreadWatchdog.Cause.BLOCKED, UiThreadWatchdog.Stall.cause(sleeping, limit, Duration.ofMillis(5)),
                "the product sleeping on the UI thread still fails");
        assertTrue(new UiThreadWatchdog.Stall(Duration.ofMillis(400), Duration.ofMillis(300), List.of(loading), firstUse)
                .idle());
        assertFalse(new UiThreadWatchdog.Stall(Duration.ofMillis(400), Duration.ofMillis(300), List.of(sorting), work)
                .idle());
    }

    @Test
    void aStallIsJudgedByAllItsSamplesNotByTheFrameOnTopAtOneInstant() {
        Duration limit = Duration.ofMillis(UiThreadWatchdog.STALL_MS);
        Duration cpu = Duration.ofMillis(265);
        // a wizard opening: its sizing code between two SWT calls at one instant, SWT and e4 at the others
        StackTraceElement[] sizing = { new StackTraceElement("org.example.DialogSize", "preferred", null, 72),
                new StackTraceElement("org.eclipse.jface.window.Window", "initializeBounds", null, 757) };
        StackTraceElement[] measuring = { new StackTraceElement("org.eclipse.swt.internal.gtk3.GTK3",
                "gtk_widget_get_preferred_size", null, -2),
                new StackTraceElement("org.eclipse.swt.widgets.Control", "computeNativeSize", null, 1),
                new StackTraceElement("org.example.DialogSize", "preferred", null, 65) };
        StackTraceElement[] activating = { new StackTraceElement("java.util.AbstractSet", "equals", null, 92),
                new StackTraceElement("java.util.Objects", "equals", null, 62),
                new StackTraceElement("org.eclipse.core.commands.contexts.ContextManager", "setActiveContextIds", null, 275),
                new StackTraceElement("org.example.ImportHandler", "execute", null, 103) };
        assertEquals(UiThreadWatchdog.Cause.TOOLKIT, UiThreadWatchdog.Stall.cause(activating, limit, cpu),
                "JDK code called by e4 is e4's work");
        assertEquals(UiThreadWatchdog.Cause.BUSY, UiThreadWatchdog.Stall.cause(sizing, limit, cpu));
        UiThreadWatchdog.Stall opening = UiThreadWatchdog.Stall.judge(Duration.ofMillis(284),
                List.of(measuring, measuring, sizing, measuring, activating), limit, cpu);
        assertEquals(UiThreadWatchdog.Cause.TOOLKIT, opening.cause(), opening::toString);
        assertEquals(4, opening.agreeing());
        assertEquals(5, opening.samples());
        assertTrue(opening.idle());
        // the product's own work seen in most samples, or in as many as the toolkit, fails
        StackTraceElement[] reading = { new StackTraceElement("java.io.FileInputStream", "readBytes", null, -2),
                new StackTraceElement("org.example.Store", "read", null, 40),
                new StackTraceElement("org.eclipse.swt.widgets.Display", "readAndDispatch", null, 4528) };
        UiThreadWatchdog.Stall work = UiThreadWatchdog.Stall.judge(Duration.ofMillis(400),
                List.of(reading, measuring, reading, reading), limit, cpu);
        assertEquals(UiThreadWatchdog.Cause.BUSY, work.cause(), work::toString);
        assertTrue(work.toString().contains("org.example.Store.read"), work::toString);
        assertFalse(work.idle());
        UiThreadWatchdog.Stall tie = UiThreadWatchdog.Stall.judge(Duration.ofMillis(300), List.of(measuring, reading),
                limit, cpu);
        assertEquals(UiThreadWatchdog.Cause.BUSY, tie.cause(), tie::toString);
    }

    @Test
    void aUiThreadBusyFor100MillisecondsPasses() {
        Watch watch = watch();
        try {
            busyOnUiThread(100);
            busyOnUiThread(100);
            busyOnUiThread(0);
        } finally {
            watch.stop();
        }
        watch.verify();
        assertTrue(watch.pings() >= 3, "the watchdog asked " + watch.pings() + " times");
    }

    @Test
    void aStallStillUnansweredWhenTheTestEndsCounts() {
        Watch watch = watch();
        UIThreadRunnable.asyncExec(display, () -> sleepOnUiThread(600));
        sleepOnUiThread(400);
        watch.stop();
        assertThrows(AssertionError.class, watch::verify);
        busyOnUiThread(0); // let the UI thread finish before the next test
    }
}
