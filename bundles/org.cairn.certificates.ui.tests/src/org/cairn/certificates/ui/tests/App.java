package org.cairn.certificates.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** The running application as the tests reach it: its OSGi services, its e4 context, its main window. */
final class App {

    private App() {
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(App.class).getBundleContext();
        long end = System.currentTimeMillis() + 10_000;
        while (true) {
            ServiceReference<T> reference = context.getServiceReference(type);
            if (reference != null) {
                T service = context.getService(reference);
                if (service != null) {
                    return service;
                }
            }
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("No " + type.getName() + " service is registered");
            }
            sleep(50);
        }
    }

    static CertificateStoreService stores() {
        return service(CertificateStoreService.class);
    }

    static CertificateFactoryService factory() {
        return service(CertificateFactoryService.class);
    }

    static IWorkbench workbench() {
        return service(IWorkbench.class);
    }

    static IEclipseContext applicationContext() {
        return workbench().getApplication().getContext();
    }

    static Display display() {
        return new SWTBot().display();
    }

    static Shell windowShell() {
        return UIThreadRunnable.syncExec(display(), () -> {
            List<MWindow> windows = workbench().getApplication().getChildren();
            return (Shell) windows.get(0).getWidget();
        });
    }

    /** Creates a window parented to the main window and opens it without blocking the test thread. */
    static <W extends Window> W open(Function<Shell, W> create) {
        Shell parent = windowShell();
        AtomicReference<W> window = new AtomicReference<>();
        UIThreadRunnable.postAndWait(display(), () -> {
            W created = create.apply(parent);
            window.set(created);
            created.setBlockOnOpen(true);
            created.open();
        });
        return window.get();
    }

    static void close(Window window) {
        if (window != null) {
            UIThreadRunnable.syncExec(display(), () -> {
                if (window.getShell() != null && !window.getShell().isDisposed()) {
                    window.close();
                }
            });
        }
    }

    /** Saves the area of {@code shell} on screen as {@code target/screenshots/<name>.png}. */
    static Path screenshot(Shell shell, String name) {
        Path file = Path.of(System.getProperty("user.dir"), "target", "screenshots", name + ".png");
        // GTK paints on its frame clock: give it a few frames after the last change before copying the screen.
        for (int i = 0; i < 3; i++) {
            UIThreadRunnable.syncExec(display(), () -> {
                org.eclipse.swt.graphics.Point size = shell.getSize();
                shell.redraw(0, 0, size.x, size.y, true);
                shell.update();
            });
            sleep(100);
        }
        UIThreadRunnable.syncExec(display(), () -> {
            shell.update();
            Display display = shell.getDisplay();
            while (display.readAndDispatch()) {
                // let pending paints happen before the copy
            }
            Rectangle bounds = visibleBounds(shell);
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageData data = image.getImageData();
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                Files.createDirectories(file.getParent());
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot write " + file, e);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        return file;
    }

    /**
     * The part of the screen the shell's window covers: its client area and what lies above it (menu bar, and the
     * title bar when there is a window manager). Not {@link Shell#getBounds()}: without a window manager SWT (GTK)
     * still counts a guessed frame in it (1100 x 720 for a 1000 x 620 window), which would show as a black band.
     */
    static Rectangle visibleBounds(Shell shell) {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getClientArea();
        org.eclipse.swt.graphics.Point origin = shell.toDisplay(client.x, client.y);
        int top = Math.min(bounds.y, origin.y);
        return new Rectangle(origin.x, top, client.width, origin.y - top + client.height);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return a name no earlier run used, so tests never meet each other's certificates */
    static String unique(String prefix) {
        return prefix + " " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    }
}
