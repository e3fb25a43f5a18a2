package org.cairn.certificates.ui.wizard;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.Wizard;

/**
 * Work of a certificate wizard against its service (reading a file, exporting, importing): run off the UI thread
 * in the wizard's own progress bar, with a failure shown over the wizard in the service's words.
 */
public final class WizardWork {

    /**
     * A piece of work; what it throws is shown to the user.
     *
     * @param <T> its result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @return the result
         * @throws Exception with a message for the user
         */
        T run() throws Exception;
    }

    private WizardWork() {
    }

    /**
     * @param wizard      the wizard, open in its dialog
     * @param task        what the progress bar says
     * @param failureText turns the failure's message into the text of the error box
     * @param work        the work
     * @return its result, or empty when it failed (the user was told) or was interrupted
     */
    public static <T> Optional<T> run(Wizard wizard, String task, UnaryOperator<String> failureText, Work<T> work) {
        Object[] result = new Object[1];
        try {
            wizard.getContainer().run(true, false, (IProgressMonitor monitor) -> {
                monitor.beginTask(task, IProgressMonitor.UNKNOWN);
                try {
                    result[0] = work.run();
                } catch (Exception e) {
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            MessageDialog.openError(wizard.getShell(), wizard.getWindowTitle(), failureText.apply(message));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        T done = (T) result[0];
        return Optional.of(done);
    }
}
