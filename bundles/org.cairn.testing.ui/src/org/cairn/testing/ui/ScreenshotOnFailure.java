package org.cairn.testing.ui;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * JUnit 5 extension that saves a screenshot of the display when a test (or its {@code @BeforeEach})
 * fails, to {@code target/screenshots/<TestClass>.<method>.png} under {@code user.dir}, before
 * {@code @AfterEach} closes the windows. Use with {@code @ExtendWith(ScreenshotOnFailure.class)}.
 * The path is published as the report entry "screenshot"; a screenshot that fails is attached to the
 * test's failure as a suppressed exception and never hides it.
 */
public final class ScreenshotOnFailure implements TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final Pattern INVOCATION = Pattern.compile("#(\\d+)]$");

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        capture(context, failure);
        throw failure;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure)
            throws Throwable {
        capture(context, failure);
        throw failure;
    }

    private static void capture(ExtensionContext context, Throwable failure) {
        Optional<Display> display = UIThreadRunnable.runningDisplay();
        if (display.isEmpty()) {
            failure.addSuppressed(new IllegalStateException("No screenshot: no SWT display is running"));
            return;
        }
        try {
            Path file = Screenshots.capture(display.get(), screenshotFile(context));
            context.publishReportEntry("screenshot", file.toString());
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** @return {@code <user.dir>/target/screenshots/<TestClass>.<method>[<invocation>].png} */
    static Path screenshotFile(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "."
                + context.getTestMethod().map(Method::getName).orElse("class");
        var invocation = INVOCATION.matcher(context.getUniqueId());
        if (invocation.find()) {
            name += "[" + invocation.group(1) + "]";
        }
        return Path.of(System.getProperty("user.dir"), "target", "screenshots", name + ".png");
    }
}
