package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test off the UI thread against real shells on the shared UI thread, closes every shell
 * afterwards and fails the test if a listener threw into the event loop.
 */
@ExtendWith({SharedDisplay.class, ScreenshotOnFailure.class})
@ExtendWith(UiThreadWatchdog.class)
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a UI deadlock fails instead of hanging
abstract class UiTest {

    protected DisplayThread ui;
    protected Display display;
    protected SWTBot bot;
    private int errorsBefore;

    @BeforeEach
    final void startBot(DisplayThread displayThread) {
        ui = displayThread;
        display = displayThread.display();
        errorsBefore = ui.uncaughtExceptions().size();
        bot = new SWTBot(display);
    }

    @AfterEach
    final void closeShells() {
        onUi(() -> {
            for (Shell shell : display.getShells()) {
                shell.dispose();
            }
        });
        assertEquals(errorsBefore, ui.uncaughtExceptions().size(),
                () -> "Listeners threw into the event loop: " + ui.uncaughtExceptions());
    }

    protected <T> T onUi(Result<T> code) {
        return UIThreadRunnable.syncExec(display, code);
    }

    protected void onUi(VoidResult code) {
        UIThreadRunnable.syncExec(display, code);
    }

    /** Shortens finds and waits, for tests that expect them to fail; restores the setting on close. */
    protected static ShortTimeout shortTimeout() {
        return new ShortTimeout(Wait.TIMEOUT_PROPERTY, System.getProperty(Wait.TIMEOUT_PROPERTY));
    }

    record ShortTimeout(String property, String previous) implements AutoCloseable {

        static final long MILLIS = 400;

        ShortTimeout {
            System.setProperty(property, Long.toString(MILLIS));
        }

        @Override
        public void close() {
            if (previous == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, previous);
            }
        }
    }
}
