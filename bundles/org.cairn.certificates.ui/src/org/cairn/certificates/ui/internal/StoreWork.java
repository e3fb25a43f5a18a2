package org.cairn.certificates.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cairn.certificates.core.CertificateStoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * A store change that the console host starts on the UI thread (Action → Delete, OK in a Properties sheet): the
 * change runs on a thread of its own while the UI thread goes on drawing the window and answering (JFace's modal
 * context runs the event loop meanwhile; the window takes no input, as under a modal dialog). When it takes longer
 * than {@link #PROGRESS_AFTER_MS} — another program holds the store's lock, a slow disk — a progress dialog says what is
 * being done. The change is never interrupted: a store file half written must not be left behind.
 */
final class StoreWork {

    /** How long a change may take before the progress dialog shows. */
    static final int PROGRESS_AFTER_MS = 500;

    /** A change to the store. */
    @FunctionalInterface
    interface Change<T> {
        T run() throws CertificateStoreException;
    }

    private StoreWork() {
    }

    /**
     * Runs {@code change} off the UI thread and returns its result (called elsewhere, it runs it where it is called).
     *
     * @param shell the window the change is made from
     * @param what  what is being done, for the progress dialog ("Deleting the certificate...")
     * @return what the change returned
     * @throws CertificateStoreException what the change threw
     */
    static <T> T run(Shell shell, String what, Change<T> change) throws CertificateStoreException {
        if (shell.isDisposed() || shell.getDisplay().getThread() != Thread.currentThread()) {
            return change.run(); // not on the UI thread: nothing to keep answering
        }
        ProgressMonitorDialog progress = new ProgressMonitorDialog(shell);
        progress.setOpenOnRun(false);
        AtomicBoolean finished = new AtomicBoolean();
        shell.getDisplay().timerExec(PROGRESS_AFTER_MS, () -> {
            Shell dialog = progress.getShell();
            if (!finished.get() && dialog != null && !dialog.isDisposed() && !dialog.isVisible()) {
                progress.open();
            }
        });
        Object[] result = new Object[1];
        try {
            progress.run(true, false, (IProgressMonitor monitor) -> {
                monitor.beginTask(what, IProgressMonitor.UNKNOWN);
                try {
                    result[0] = change.run();
                } catch (CertificateStoreException e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof CertificateStoreException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateStoreException(Messages.get("storeWork.interrupted"), e);
        } finally {
            finished.set(true);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
