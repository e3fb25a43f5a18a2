package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

/**
 * A certificate's Properties (Action → Properties): its friendly name and description, edited and saved to the
 * store. When the store refuses (no right, entry gone), the reason shows in the dialog and the typed text stays.
 */
public final class CertificatePropertiesDialog extends Dialog {

    private static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;

    private final CertificateStore store;
    private CertificateEntry entry;
    private Text friendlyName;
    private Text description;
    private Label problem;

    /**
     * @param parent the shell the dialog is modal to
     * @param store  the store holding {@code entry}
     * @param entry  the certificate
     */
    public CertificatePropertiesDialog(Shell parent, CertificateStore store, CertificateEntry entry) {
        super(parent);
        this.store = store;
        this.entry = entry;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** @return the entry as saved (the one given, until a save succeeds) */
    public CertificateEntry entry() {
        return entry;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.format("properties.title",
                entry.friendlyName().isEmpty() ? entry.issuedTo() : entry.friendlyName()));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(57), SWT.DEFAULT).applyTo(tabs);
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(10, 10).applyTo(page);
        TabItem general = new TabItem(tabs, SWT.NONE);
        general.setText(Messages.get("properties.general"));
        general.setControl(page);

        new Label(page, SWT.NONE).setText(Messages.get("properties.friendlyName"));
        friendlyName = new Text(page, SWT.BORDER | SWT.SINGLE);
        friendlyName.setText(entry.friendlyName());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(friendlyName);
        new Label(page, SWT.NONE).setText(Messages.get("properties.description"));
        description = new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        description.setText(entry.description());
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(5)).applyTo(description);

        problem = new Label(page, SWT.WRAP);
        problem.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(54), SWT.DEFAULT).applyTo(problem);

        Optional<AccessDenial> denied = store.whyNotModifiable(entry);
        if (denied.isPresent()) {
            friendlyName.setEditable(false);
            description.setEditable(false);
            problem.setText(Messages.format("properties.readOnly", denied.get().message()));
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        createButton(parent, APPLY_ID, Messages.get("properties.apply"), false);
        boolean modifiable = store.whyNotModifiable(entry).isEmpty();
        getButton(APPLY_ID).setEnabled(modifiable);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == APPLY_ID) {
            save();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        if (store.whyNotModifiable(entry).isPresent() || save()) {
            super.okPressed();
        }
    }

    /** Saves what changed; @return whether it is saved (else the reason shows and the dialog stays open) */
    private boolean save() {
        String name = friendlyName.getText().strip();
        String text = description.getText();
        try {
            CertificateEntry updated = entry;
            if (!name.equals(updated.friendlyName())) {
                updated = store.setFriendlyName(updated, name);
            }
            if (!text.equals(updated.description())) {
                updated = store.setDescription(updated, text);
            }
            entry = updated;
            problem.setText("");
            return true;
        } catch (CertificateStoreException | RuntimeException e) {
            problem.setText(Messages.format("properties.saveFailed.message", e.getMessage()));
            problem.getParent().layout(true, true);
            getShell().layout(true, true);
            return false;
        }
    }
}
