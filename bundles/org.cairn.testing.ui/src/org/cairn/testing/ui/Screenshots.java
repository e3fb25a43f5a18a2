package org.cairn.testing.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves the whole display as PNG, for {@link SWTBot#captureScreenshot} and {@link ScreenshotOnFailure}, or the
 * part of it a shell's window covers, for {@link SWTBotShell#captureScreenshot}.
 */
final class Screenshots {

    private Screenshots() {
    }

    static Path capture(Display display, Path file) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the screenshot folder " + target.getParent(), e);
        }
        if (UIThreadRunnable.isUIThread(display)) {
            save(display, target);
            return target;
        }
        // Not syncExec: a failing test may leave the UI thread stuck, and the screenshot must not hang the run.
        CompletableFuture<Path> saved = new CompletableFuture<>();
        display.asyncExec(() -> {
            try {
                save(display, target);
                saved.complete(target);
            } catch (RuntimeException | Error e) {
                saved.completeExceptionally(e);
            }
        });
        long timeout = 2 * Wait.timeout();
        try {
            return saved.get(timeout, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new TimeoutException("The UI thread did not take the screenshot within " + timeout
                    + " ms; it is busy or blocked", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while taking a screenshot", e);
        }
    }

    /**
     * Off the UI thread: lets the shell paint (GTK paints on its frame clock: a few frames after the last change),
     * then saves the part of the screen its window covers.
     */
    static Path captureWindow(Shell shell, Path file) {
        Path target = file.toAbsolutePath();
        Display display = shell.getDisplay();
        if (UIThreadRunnable.isUIThread(display)) {
            throw new IllegalStateException("a window screenshot waits for painting: take it off the UI thread");
        }
        for (int i = 0; i < 3; i++) {
            UIThreadRunnable.syncExec(display, () -> {
                org.eclipse.swt.graphics.Point size = shell.getSize();
                shell.redraw(0, 0, size.x, size.y, true);
                shell.update();
            });
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while taking a screenshot", e);
            }
        }
        ImageData pixels = UIThreadRunnable.syncExec(display, () -> {
            shell.update();
            while (display.readAndDispatch()) {
                // let pending paints happen before the copy
            }
            return copy(display, visibleBounds(shell));
        });
        // PNG encoding takes 100 to 300 ms for a window: here, on the test thread, not on the UI thread (the
        // UI-thread watchdog would rightly count it as a frozen window).
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the screenshot folder " + target.getParent(), e);
        }
        write(pixels, target);
        return target;
    }

    /**
     * The part of the screen the shell's window covers: its client area and what lies above it (menu bar, and the
     * title bar when there is a window manager). Not {@link Shell#getBounds()}: without a window manager SWT (GTK)
     * still counts a guessed frame in it (1100 x 720 for a 1000 x 620 window), which would show as a black band.
     */
    private static Rectangle visibleBounds(Shell shell) {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        org.eclipse.swt.graphics.Point origin = shell.toDisplay(client.x, client.y);
        int top = Math.min(bounds.y, origin.y);
        return new Rectangle(origin.x, top, client.width, origin.y - top + client.height);
    }

    private static void save(Display display, Path target) {
        save(display, display.getBounds(), target);
    }

    private static void save(Display display, Rectangle bounds, Path target) {
        write(copy(display, bounds), target);
    }

    /** On the UI thread: the pixels of {@code bounds} of the screen. */
    private static ImageData copy(Display display, Rectangle bounds) {
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
            } finally {
                gc.dispose();
            }
            return image.getImageData();
        } finally {
            image.dispose();
        }
    }

    /** On any thread (image data is no display resource): writes {@code pixels} as a PNG file. */
    private static void write(ImageData pixels, Path target) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {pixels};
        loader.save(target.toString(), SWT.IMAGE_PNG);
    }
}
