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

/** Saves the whole display as PNG, for {@link SWTBot#captureScreenshot} and {@link ScreenshotOnFailure}. */
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

    private static void save(Display display, Path target) {
        Rectangle bounds = display.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(target.toString(), SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
