package org.cairn.certificates.ui.tests;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.window.Window;
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
        return new SWTBotShell(shell).captureScreenshot(
                Path.of(System.getProperty("user.dir"), "target", "screenshots", name + ".png"));
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
