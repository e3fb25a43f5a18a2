package org.cairn.certificates.ui.export.internal;

import java.text.MessageFormat;
import java.util.Arrays;

import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.IWizardContainer2;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * "Security": the password that protects the PKCS #12 file, typed twice (the wizard does not go on until both
 * match), with an indication of its strength and an option to show the characters; and the encryption, with a
 * line on who can read each. The password is read from the fields as {@code char[]} only when needed and cleared
 * after use.
 */
final class SecurityPage extends WizardPage {

    private static final Pkcs12Encryption[] ENCRYPTIONS = {Pkcs12Encryption.AES256_SHA256,
            Pkcs12Encryption.TRIPLEDES_SHA1};

    /** The encryption note's width: the page's text width less the labels' column. */
    private static final int NOTE_WIDTH_CHARS = 56;

    private final ExportWizard wizard;
    private Text password;
    private Text confirm;
    private Label strength;
    private Combo encryption;
    private Label note;
    private char echo;

    SecurityPage(ExportWizard wizard) {
        super("security");
        this.wizard = wizard;
        setTitle(wizard.messages().security_title);
        setDescription(wizard.messages().security_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        password = AccessibleNames.labelledBy(label(page, m.security_password),
                new Text(page, SWT.BORDER | SWT.PASSWORD));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(password);
        confirm = AccessibleNames.labelledBy(label(page, m.security_confirm),
                new Text(page, SWT.BORDER | SWT.PASSWORD));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(confirm);
        echo = password.getEchoChar();
        new Label(page, SWT.NONE);
        strength = new Label(page, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(strength);
        new Label(page, SWT.NONE);
        Button show = new Button(page, SWT.CHECK);
        show.setText(m.security_showCharacters);
        show.addListener(SWT.Selection, event -> {
            char shown = show.getSelection() ? '\0' : echo;
            password.setEchoChar(shown);
            confirm.setEchoChar(shown);
        });
        Label encryptionLabel = new Label(page, SWT.NONE);
        encryptionLabel.setText(m.security_encryption);
        GridDataFactory.fillDefaults().indent(0, 16).applyTo(encryptionLabel);
        encryption = AccessibleNames.labelledBy(encryptionLabel, new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN));
        for (Pkcs12Encryption choice : ENCRYPTIONS) {
            encryption.add(choice.displayName());
        }
        encryption.select(0);
        GridDataFactory.fillDefaults().indent(0, 16).applyTo(encryption);
        new Label(page, SWT.NONE);
        note = new Label(page, SWT.WRAP);
        initializeDialogUnits(parent);
        GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(NOTE_WIDTH_CHARS), SWT.DEFAULT)
                .applyTo(note);
        encryption.addListener(SWT.Selection, event -> showNote());
        password.addListener(SWT.Modify, event -> validate());
        confirm.addListener(SWT.Modify, event -> validate());
        showNote();
        validate();
        setControl(page);
    }

    private static Label label(Composite page, String text) {
        Label label = new Label(page, SWT.NONE);
        label.setText(text);
        return label;
    }

    private void showNote() {
        note.setText(encryption() == Pkcs12Encryption.AES256_SHA256 ? wizard.messages().security_note_aes
                : wizard.messages().security_note_tripleDes);
        // The two notes differ in length: a longer one must not be cut off at the page's bottom.
        note.getParent().layout(true);
        if (getContainer() instanceof IWizardContainer2 container && container.getCurrentPage() == this) {
            container.updateSize();
        }
    }

    private void validate() {
        Messages m = wizard.messages();
        char[] first = password.getTextChars();
        char[] second = confirm.getTextChars();
        try {
            strength.setText(MessageFormat.format(m.security_strength, strengthText(PasswordStrength.of(first))));
            if (first.length == 0) {
                setErrorMessage(null);
                setMessage(m.security_passwordRequired);
                setPageComplete(false);
            } else if (!Arrays.equals(first, second)) {
                // Only a complaint once the user has typed in the second box; until then, a hint.
                setErrorMessage(second.length == 0 ? null : m.security_mismatch);
                setMessage(second.length == 0 ? m.security_passwordRequired : null);
                setPageComplete(false);
            } else {
                setErrorMessage(null);
                setMessage(null);
                setPageComplete(true);
            }
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private String strengthText(PasswordStrength value) {
        Messages m = wizard.messages();
        return switch (value) {
            case NONE -> m.security_strength_none;
            case WEAK -> m.security_strength_weak;
            case MEDIUM -> m.security_strength_medium;
            case STRONG -> m.security_strength_strong;
        };
    }

    /** @return a fresh copy of the password; the caller clears it */
    char[] password() {
        return password.getTextChars();
    }

    Pkcs12Encryption encryption() {
        int index = encryption == null ? 0 : Math.max(0, encryption.getSelectionIndex());
        return ENCRYPTIONS[index];
    }
}
