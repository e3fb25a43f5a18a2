package org.cairn.certificates.ui.export.internal;

import java.text.MessageFormat;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.ui.wizard.WelcomePage;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * "Export Private Key": Yes is offered only when the store says the key can be exported; otherwise it is disabled
 * and the page says why (not exportable, no access, no private key), with the store's own explanation.
 */
final class PrivateKeyPage extends WizardPage {

    private final ExportWizard wizard;
    private Button yes;

    PrivateKeyPage(ExportWizard wizard) {
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
        Label text = new Label(page, SWT.WRAP);
        text.setText(m.key_text);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(text);
        yes = new Button(page, SWT.RADIO);
        yes.setText(m.key_yes);
        GridDataFactory.fillDefaults().indent(12, 8).applyTo(yes);
        Button no = new Button(page, SWT.RADIO);
        no.setText(m.key_no);
        GridDataFactory.fillDefaults().indent(12, 0).applyTo(no);
        Optional<AccessDenial> denial = wizard.keyDenial();
        yes.setEnabled(denial.isEmpty());
        yes.setSelection(false);
        no.setSelection(true);
        denial.ifPresent(why -> {
            Label note = new Label(page, SWT.WRAP);
            note.setText(note(why, m));
            GridDataFactory.fillDefaults().grab(true, false).indent(0, 16).hint(width, SWT.DEFAULT).applyTo(note);
            if (why.message() != null && !why.message().isBlank()) {
                Label reason = new Label(page, SWT.WRAP);
                reason.setText(MessageFormat.format(m.key_reason, why.message()));
                GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(reason);
            }
        });
        setControl(page);
    }

    private static String note(AccessDenial why, Messages m) {
        return switch (why.reason()) {
            case NO_PRIVATE_KEY -> m.key_noPrivateKey;
            case NO_ACCESS, READ_ONLY_STORE -> m.key_noAccess;
            case NOT_EXPORTABLE -> m.key_notExportable;
        };
    }

    boolean exportKey() {
        return yes != null && !yes.isDisposed() && yes.isEnabled() && yes.getSelection();
    }
}
