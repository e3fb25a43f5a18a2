package org.cairn.certificates.ui.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.PassphrasePrompt;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.wizard.DialogSize;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * The stores of another computer as the console opens them: the user's own SSH settings ($HOME/.ssh, the agent,
 * CAIRN_REMOTE_CAIRN as for the command line), and the SSH questions asked in dialogs. The questions come from the
 * connection's own thread, never the UI thread (connections are made by background reads), and wait for the answer.
 */
final class RemoteStores {

    private RemoteStores() {
    }

    /** @return the SSH settings of the user running the console */
    static SshSettings userSettings() {
        return SshSettings.of(System.getenv(), Optional.empty(), Optional.empty());
    }

    /** @return the stores of {@code computer}, not yet connected */
    static RemoteStore open(RemoteComputer computer, Display display) {
        Questions questions = new Questions(display);
        return new RemoteStore(computer, userSettings(), questions, questions);
    }

    /** An unknown host key and a key file's passphrase, asked in dialogs on the Display thread. */
    private static final class Questions implements HostKeyPrompt, PassphrasePrompt {

        private final Display display;

        Questions(Display display) {
            this.display = display;
        }

        /** The key must be accepted explicitly: the default button refuses it. */
        @Override
        public boolean accept(RemoteComputer computer, String keyType, String fingerprint) {
            AtomicReference<Boolean> accepted = new AtomicReference<>(Boolean.FALSE);
            onDisplay(() -> {
                MessageDialog dialog = new MessageDialog(display.getActiveShell(), Messages.get("hostKey.title"), null,
                        Messages.format("hostKey.message", computer.toString(), keyType, fingerprint),
                        MessageDialog.WARNING, 1, Messages.get("hostKey.accept"), Messages.get("hostKey.refuse"));
                accepted.set(dialog.open() == 0);
            });
            return accepted.get();
        }

        @Override
        public Optional<char[]> passphrase(String keyFile, int attempt) {
            AtomicReference<char[]> given = new AtomicReference<>();
            onDisplay(() -> {
                PassphraseDialog dialog = new PassphraseDialog(display.getActiveShell(), keyFile, attempt);
                if (dialog.open() == Window.OK) {
                    given.set(dialog.passphrase);
                }
            });
            return Optional.ofNullable(given.get());
        }

        private void onDisplay(Runnable question) {
            if (display.isDisposed()) {
                return;
            }
            if (display.getThread() == Thread.currentThread()) {
                question.run();
            } else {
                display.syncExec(question);
            }
        }
    }

    /** Asks a key file's passphrase; the text is read as characters and cleared. */
    private static final class PassphraseDialog extends Dialog {

        private final String keyFile;
        private final int attempt;
        private Text text;
        char[] passphrase;

        PassphraseDialog(Shell parent, String keyFile, int attempt) {
            super(parent);
            this.keyFile = keyFile;
            this.attempt = attempt;
        }

        @Override
        protected void configureShell(Shell shell) {
            super.configureShell(shell);
            shell.setText(Messages.get("passphrase.title"));
        }

        @Override
        protected Control createDialogArea(Composite parent) {
            Composite area = (Composite) super.createDialogArea(parent);
            GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
            Label intro = new Label(area, SWT.WRAP);
            intro.setText(Messages.format(attempt == 0 ? "passphrase.message" : "passphrase.retry", keyFile));
            GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                    .hint(DialogSize.widthInChars(area, 50), SWT.DEFAULT).applyTo(intro);
            Label label = new Label(area, SWT.NONE);
            label.setText(Messages.get("passphrase.label"));
            text = AccessibleNames.labelledBy(label, new Text(area, SWT.BORDER | SWT.PASSWORD));
            GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
            return area;
        }

        @Override
        protected void okPressed() {
            passphrase = text.getTextChars();
            char[] blank = new char[0];
            text.setTextChars(blank);
            super.okPressed();
        }

        @Override
        public boolean close() {
            if (text != null && !text.isDisposed() && passphrase == null) {
                char[] typed = text.getTextChars();
                Arrays.fill(typed, '\0');
            }
            return super.close();
        }
    }
}
