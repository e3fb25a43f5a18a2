package org.cairn.certificates.ui.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import org.cairn.certificates.ui.wizard.WizardWork;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Work of a dialog against the store (building a certification path, searching every store, creating a key) run
 * off the UI thread, as {@link WizardWork} does for the wizards: on one thread of the dialog's own, ended when the
 * dialog's control is disposed. The result, or the failure, comes back on the Display thread, unless the task was
 * cancelled or the dialog has gone meanwhile; then it is dropped. A task is never interrupted: a store file half
 * written must not be left behind.
 */
final class DialogWork {

    /** A piece of work started by {@link DialogWork#start}. */
    static final class Task {
        private volatile boolean canceled;

        /** Drops the result when it comes; the work itself runs to its end (or looks at {@link #isCanceled}). */
        void cancel() {
            canceled = true;
        }

        /** @return whether {@link #cancel} was called */
        boolean isCanceled() {
            return canceled;
        }
    }

    private final Control owner;
    private final ExecutorService executor;

    /**
     * @param owner the dialog's control; its disposal ends the thread and drops what is still to come
     * @param name  the thread's name, for stack traces
     */
    DialogWork(Control owner, String name) {
        this.owner = owner;
        this.executor = Executors.newSingleThreadExecutor(work -> {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            return thread;
        });
        owner.addDisposeListener(event -> executor.shutdown());
    }

    /**
     * Runs {@code work} off the UI thread.
     *
     * @param work   the work; it may look at the task to stop early
     * @param done   called on the Display thread with the result
     * @param failed called on the Display thread with what the work threw
     * @return the task, to cancel
     */
    <T> Task start(Work<T> work, Consumer<T> done, Consumer<Exception> failed) {
        Task task = new Task();
        Display display = owner.getDisplay();
        try {
            executor.execute(() -> {
                T result = null;
                Exception failure = null;
                try {
                    result = work.run(task);
                } catch (Exception e) {
                    failure = e;
                }
                T value = result;
                Exception problem = failure;
                deliver(display, task, () -> {
                    if (problem == null) {
                        done.accept(value);
                    } else {
                        failed.accept(problem);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            task.cancel(); // the dialog is closing
        }
        return task;
    }

    /** Runs {@code onDisplay} on the Display thread, if the task and the dialog still want it. */
    void deliver(Display display, Task task, Runnable onDisplay) {
        if (task.isCanceled() || display.isDisposed()) {
            return;
        }
        try {
            display.asyncExec(() -> {
                if (!task.isCanceled() && !owner.isDisposed()) {
                    onDisplay.run();
                }
            });
        } catch (SWTException e) {
            // The display went away meanwhile: nobody is left to tell.
        }
    }

    /**
     * Work of a dialog; what it throws is shown to the user.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    interface Work<T> {
        /**
         * @param task the task, to look at whether it was cancelled
         * @return the result
         * @throws Exception with a message for the user
         */
        T run(Task task) throws Exception;
    }
}
