package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

class ScreenshotTest extends UiTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @BeforeEach
    void openRedShell() {
        onUi(() -> {
            Shell shell = new Shell(display, SWT.NO_TRIM);
            shell.setText("Red");
            shell.setBackground(display.getSystemColor(SWT.COLOR_RED));
            shell.setBounds(20, 30, 200, 100);
            shell.open();
        });
        bot.shell("Red");
        onUi(() -> display.update()); // paints the shell now, before it is copied
    }

    @Test
    void captureScreenshotSavesAPngOfTheWholeDisplay(@TempDir Path folder) throws IOException {
        Path file = bot.captureScreenshot(folder.resolve("nested/screen.png"));

        ImageData image = readPng(file);
        Rectangle screen = onUi(display::getBounds);
        assertEquals(screen.width, image.width);
        assertEquals(screen.height, image.height);
        assertEquals(new RGB(255, 0, 0), image.palette.getRGB(image.getPixel(120, 80)));
    }

    @Test
    void screenshotOnFailureSavesUnderTargetAndRethrowsTheFailure() throws Throwable {
        Path expected = Path.of(System.getProperty("user.dir"), "target", "screenshots",
                "ScreenshotTest.exampleThatFails.png");
        Files.deleteIfExists(expected);
        List<String> reported = new CopyOnWriteArrayList<>();
        AssertionError failure = new AssertionError("example failure");

        Throwable thrown = assertThrows(Throwable.class, () -> new ScreenshotOnFailure()
                .handleTestExecutionException(context("exampleThatFails", "[method:exampleThatFails()]", reported),
                        failure));

        assertSame(failure, thrown);
        assertEquals(0, failure.getSuppressed().length, () -> Arrays.toString(failure.getSuppressed()));
        assertEquals(List.of(expected.toString()), reported);
        assertEquals(onUi(display::getBounds).width, readPng(expected).width);
        Files.delete(expected);
    }

    @Test
    void screenshotOfARepeatedTestCarriesTheInvocationNumber() {
        Path file = ScreenshotOnFailure.screenshotFile(
                context("parameterised", "[test-template:parameterised(int)]/[test-template-invocation:#3]", null));

        assertEquals("ScreenshotTest.parameterised[3].png", file.getFileName().toString());
        assertEquals(Path.of(System.getProperty("user.dir"), "target", "screenshots"), file.getParent());
    }

    private static ImageData readPng(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            assertArrayEquals(PNG_SIGNATURE, in.readNBytes(PNG_SIGNATURE.length), "not a PNG: " + file);
        }
        ImageData[] images = new ImageLoader().load(file.toString());
        assertEquals(1, images.length);
        return images[0];
    }

    /** Just enough of a JUnit context for the extension: test class, method, unique id, report entries. */
    private static ExtensionContext context(String method, String uniqueIdSuffix, List<String> reported) {
        return (ExtensionContext) Proxy.newProxyInstance(ScreenshotTest.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getRequiredTestClass" -> ScreenshotTest.class;
                    case "getTestMethod" -> Optional.of(fakeMethod(method));
                    case "getUniqueId" -> "[engine:junit-jupiter]/[class:ScreenshotTest]/" + uniqueIdSuffix;
                    case "publishReportEntry" -> {
                        reported.add(args.length == 2 ? (String) args[1] : ((Map<?, ?>) args[0]).values().toString());
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(called.getName());
                });
    }

    /** A real method object with the wanted name: those of the context are only read for their name. */
    private static Method fakeMethod(String name) {
        return Arrays.stream(Fixture.class.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unused")
    private static final class Fixture {
        void exampleThatFails() {
        }

        void parameterised(int i) {
        }
    }
}
