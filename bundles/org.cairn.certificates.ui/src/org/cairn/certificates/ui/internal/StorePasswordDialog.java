package org.cairn.certificates.ui.internal;

import java.util.Arrays;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for the password of a physical store (an NSS database's primary password, a smart card's or token's PIN) and
 * gives it to the store off the UI thread (the database checks it with a slow key derivation, a card is slow too); a
 * wrong password keeps the dialog open with the reason (for a token, how many tries remain when it says so). The
 * dialog never tries a PIN again by itself. The typed password is cleared once the store has seen it.
 */
final class StorePasswordDialog extends Dialog {

    /** Gives the password to the store. */
    @FunctionalInterface
    interface Unlocker {
        /** @return whether the password was right */
        boolean unlock(char[] password) throws Exception;
    }

    private final String texts;
    private final String storeName;
    private final String location;
    private final Unlocker unlocker;
    private Text field;
    private Label problem;
    private DialogWork work;

    StorePasswordDialog(Shell parent, String storeName, String location, Unlocker unlocker) {
        super(parent);
        this.storeName = storeName;
        this.location = location;
        this.unlocker = unlocker;
        this.texts = texts(location);
    }

    /** @return whether the store at the location is a smart card or token (its location a PKCS #11 URI) */
    static boolean isToken(String location) {
        return location.startsWith("pkcs11:");
    }

    /** @return the prefix of the dialog's texts for the store at the location: "unlock" or, for a token, "unlock.pin" */
    static String texts(String location) {
        return isToken(location) ? "unlock.pin" : "unlock";
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get(texts + ".title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 1;
        Label text = new Label(area, SWT.WRAP);
        text.setText(Messages.format(texts + ".message", storeName, location));
        GridData wide = new GridData(SWT.FILL, SWT.TOP, true, false);
        wide.widthHint = convertWidthInCharsToPixels(60);
        text.setLayoutData(wide);
        Label label = new Label(area, SWT.NONE);
        label.setText(Messages.get(texts + ".password"));
        field = new Text(area, SWT.BORDER | SWT.PASSWORD);
        field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        field.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = Messages.get(texts + ".password.accessible");
            }
        });
        problem = new Label(area, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        work = new DialogWork(area, "Cairn store password");
        return area;
    }

    @Override
    protected void okPressed() {
        char[] password = field.getTextChars();
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        problem.setText("");
        work.start(task -> {
            try {
                return unlocker.unlock(password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, right -> {
            if (right) {
                super.okPressed();
            } else {
                wrong(Messages.format(texts + ".wrong", storeName));
            }
        }, failed -> wrong(failed.getMessage()));
    }

    private void wrong(String message) {
        problem.setText(message);
        // the reason (a token's is a few lines) must show whole: the dialog grows to fit it, at its width
        Shell shell = getShell();
        Point wanted = shell.computeSize(shell.getClientArea().width, SWT.DEFAULT, true);
        Point size = shell.getSize();
        if (wanted.y > size.y) {
            shell.setSize(size.x, wanted.y);
        }
        problem.getParent().layout(true, true);
        getButton(IDialogConstants.OK_ID).setEnabled(true);
        field.selectAll();
        field.setFocus();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }
}
