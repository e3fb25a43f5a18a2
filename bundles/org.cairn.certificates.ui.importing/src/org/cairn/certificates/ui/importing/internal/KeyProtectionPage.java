package org.cairn.certificates.ui.importing.internal;

import org.cairn.certificates.ui.wizard.WelcomePage;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * "Private key protection", shown only for files that hold (or, for PKCS #12, may hold) private keys: the password
 * (left empty for a file without one: that opens files protected with the empty or the absent password), Display
 * Password, and the import options. "Mark this key as exportable" is off by default, as in Windows: a restored key
 * stays in the store unless the user chooses otherwise; "Include all extended properties" is on by default, as in
 * Windows. The password is read from the field as {@code char[]} only when needed.
 */
final class KeyProtectionPage extends WizardPage {

    private final ImportWizard wizard;
    private Label text;
    private Label passwordLabel;
    private Text password;
    private Button display;
    private Button exportable;
    private Button extendedProperties;
    private char echo;

    KeyProtectionPage(ImportWizard wizard) {
        super("privateKey");
        this.wizard = wizard;
        setTitle(wizard.messages().key_title);
        setDescription(wizard.messages().key_description);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        initializeDialogUnits(parent);
        int width = convertWidthInCharsToPixels(WelcomePage.TEXT_WIDTH_CHARS);
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        text = new Label(page, SWT.WRAP);
        text.setText(m.key_text);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(text);
        passwordLabel = new Label(page, SWT.NONE);
        passwordLabel.setText(m.key_password);
        GridDataFactory.fillDefaults().indent(0, 8).applyTo(passwordLabel);
        password = AccessibleNames.labelledBy(passwordLabel, new Text(page, SWT.BORDER | SWT.PASSWORD));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(password);
        echo = password.getEchoChar();
        display = new Button(page, SWT.CHECK);
        display.setText(m.key_displayPassword);
        display.addListener(SWT.Selection, event -> password.setEchoChar(display.getSelection() ? '\0' : echo));
        Label options = new Label(page, SWT.NONE);
        options.setText(m.key_options);
        GridDataFactory.fillDefaults().indent(0, 16).applyTo(options);
        exportable = new Button(page, SWT.CHECK);
        exportable.setText(m.key_exportable);
        exportable.setSelection(false);
        GridDataFactory.fillDefaults().grab(true, false).indent(12, 0).applyTo(exportable);
        extendedProperties = new Button(page, SWT.CHECK);
        extendedProperties.setText(m.key_extendedProperties);
        extendedProperties.setSelection(true);
        GridDataFactory.fillDefaults().indent(12, 0).applyTo(extendedProperties);
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            // A PEM key without a password needs no password, but its options still apply.
            Messages m = wizard.messages();
            boolean needsPassword = wizard.needsPassword();
            text.setText(needsPassword ? m.key_text : m.key_noPassword);
            passwordLabel.setEnabled(needsPassword);
            password.setEnabled(needsPassword);
            display.setEnabled(needsPassword);
            ((Composite) getControl()).layout(true, true);
        }
        super.setVisible(visible);
        if (visible && password.isEnabled()) {
            password.setFocus();
        }
    }

    /** @return a fresh copy of the password; the caller clears it */
    char[] password() {
        return password.getTextChars();
    }

    boolean exportable() {
        return exportable != null && exportable.getSelection();
    }

    boolean extendedProperties() {
        return extendedProperties != null && extendedProperties.getSelection();
    }
}
