package org.cairn.certificates.ui.export.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.export.ExportFormat;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * "Export File Format": the four formats with their options, then the certificate-only formats other bundles
 * contribute (each with "Include all certificates in the certification path if possible" when it can hold the
 * path). With the private key only PKCS #12 is offered;
 * without it PKCS #12 is not (as in Windows). Options that do not apply to the chosen format are disabled, and keep
 * their state for when the user comes back to that format.
 */
final class FormatPage extends WizardPage {

    private final ExportWizard wizard;
    private final Map<ExportFormat, Button> formats = new LinkedHashMap<>();
    private final Map<ExportFormat, Button> contributedChain = new HashMap<>();
    private Button pkcs7Chain;
    private Button pkcs12Chain;
    private Button deleteKey;
    private Button extendedProperties;

    FormatPage(ExportWizard wizard) {
        super("format");
        this.wizard = wizard;
        setTitle(wizard.messages().format_title);
        setDescription(wizard.messages().format_description);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        new Label(page, SWT.NONE).setText(m.format_select);
        SelectionListener update = SelectionListener.widgetSelectedAdapter(event -> updateOptions());
        formats.put(ExportFormat.DER, radio(page, m.format_der, update));
        formats.put(ExportFormat.BASE64, radio(page, m.format_base64, update));
        formats.put(ExportFormat.PKCS7, radio(page, m.format_pkcs7, update));
        pkcs7Chain = check(page, m.format_includeChain, false);
        formats.put(ExportFormat.PKCS12, radio(page, m.format_pkcs12, update));
        pkcs12Chain = check(page, m.format_includeChain, true);
        deleteKey = check(page, m.format_deleteKey, false);
        extendedProperties = check(page, m.format_extendedProperties, true);
        for (ExportFormat contributed : wizard.contributedFormats()) {
            formats.put(contributed, radio(page, contributed.displayName() + " (."
                    + contributed.fileExtension().toUpperCase(Locale.ROOT) + ")", update));
            if (contributed.canHoldChain()) {
                contributedChain.put(contributed, check(page, m.format_includeChain, false));
            }
        }
        formats.get(ExportFormat.DER).setSelection(true);
        setControl(page);
        offerFormats();
    }

    private static Button radio(Composite page, String text, SelectionListener listener) {
        Button radio = new Button(page, SWT.RADIO);
        radio.setText(text);
        radio.addSelectionListener(listener);
        GridDataFactory.fillDefaults().indent(12, 4).applyTo(radio);
        return radio;
    }

    private static Button check(Composite page, String text, boolean checked) {
        Button check = new Button(page, SWT.CHECK);
        check.setText(text);
        check.setSelection(checked);
        GridDataFactory.fillDefaults().indent(32, 0).applyTo(check);
        return check;
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            offerFormats();
        }
        super.setVisible(visible);
    }

    /** Enables the formats that fit the private key choice, moving the selection to one of them if needed. */
    private void offerFormats() {
        boolean withKey = wizard.exportKey();
        for (Map.Entry<ExportFormat, Button> format : formats.entrySet()) {
            format.getValue().setEnabled(format.getKey().canHoldPrivateKey() == withKey);
        }
        if (!formats.get(format()).isEnabled()) {
            formats.values().forEach(button -> button.setSelection(false));
            formats.get(withKey ? ExportFormat.PKCS12 : ExportFormat.DER).setSelection(true);
        }
        updateOptions();
    }

    private void updateOptions() {
        ExportFormat format = format();
        pkcs7Chain.setEnabled(format.equals(ExportFormat.PKCS7));
        boolean pkcs12 = format.equals(ExportFormat.PKCS12);
        pkcs12Chain.setEnabled(pkcs12);
        deleteKey.setEnabled(pkcs12 && wizard.exportKey() && wizard.keyDeleteDenial().isEmpty());
        // greyed for a key that must stay (a service's key file, a read-only store): the reason on hover
        deleteKey.setToolTipText(wizard.keyDeleteDenial().map(AccessDenial::message).orElse(null));
        extendedProperties.setEnabled(pkcs12);
        contributedChain.forEach((contributed, check) -> check.setEnabled(format.equals(contributed)));
        if (getContainer() != null && getContainer().getCurrentPage() == this) {
            getContainer().updateButtons();
        }
    }

    ExportFormat format() {
        for (Map.Entry<ExportFormat, Button> format : formats.entrySet()) {
            if (format.getValue().getSelection()) {
                return format.getKey();
            }
        }
        return wizard.exportKey() ? ExportFormat.PKCS12 : ExportFormat.DER;
    }

    String formatLabel() {
        Button selected = formats.get(format());
        return selected == null ? format().displayName() : selected.getText();
    }

    boolean includeChain() {
        ExportFormat format = format();
        if (format.equals(ExportFormat.PKCS7)) {
            return pkcs7Chain.getSelection();
        }
        if (format.equals(ExportFormat.PKCS12)) {
            return pkcs12Chain.getSelection();
        }
        Button check = contributedChain.get(format);
        return check != null && check.getSelection();
    }

    boolean deleteKey() {
        return deleteKey != null && deleteKey.isEnabled() && deleteKey.getSelection();
    }

    boolean extendedProperties() {
        return extendedProperties != null && extendedProperties.getSelection();
    }
}
