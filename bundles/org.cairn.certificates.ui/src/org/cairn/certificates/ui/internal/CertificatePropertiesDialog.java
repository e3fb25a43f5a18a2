package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.console.api.swt.AccessibleNames;
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
 * The save runs in the background (the store's lock may be held by another program for up to a minute), with the
 * dialog's controls disabled meanwhile.
 */
public final class CertificatePropertiesDialog extends Dialog {

    private static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;

    private final CertificateStore store;
    private CertificateEntry entry;
    private Text friendlyName;
    private Text description;
    private Label problem;
    private DialogWork work;
    private boolean saving;

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

        Label nameLabel = new Label(page, SWT.NONE);
        nameLabel.setText(Messages.get("properties.friendlyName"));
        friendlyName = AccessibleNames.labelledBy(nameLabel, new Text(page, SWT.BORDER | SWT.SINGLE));
        friendlyName.setText(entry.friendlyName());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(friendlyName);
        Label descriptionLabel = new Label(page, SWT.NONE);
        descriptionLabel.setText(Messages.get("properties.description"));
        description = AccessibleNames.labelledBy(descriptionLabel,
                new Text(page, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL));
        description.setText(entry.description());
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(5)).applyTo(description);

        problem = new Label(page, SWT.WRAP);
        problem.setForeground(page.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(54), SWT.DEFAULT).applyTo(problem);

        work = new DialogWork(area, "cairn-certificate-properties");
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
        if (saving) {
            return;
        }
        if (buttonId == APPLY_ID) {
            save(false);
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        if (store.whyNotModifiable(entry).isPresent()) {
            super.okPressed();
        } else {
            save(true);
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        if (!saving) {
            super.handleShellCloseEvent();
        }
    }

    /**
     * Saves what changed in the background; once saved, closes the dialog when {@code close}; else the reason shows
     * and the dialog stays open with what was typed.
     */
    private void save(boolean close) {
        String name = friendlyName.getText().strip();
        String text = description.getText();
        CertificateEntry current = entry;
        setSaving(true);
        work.start(task -> {
            CertificateEntry updated = current;
            if (!name.equals(updated.friendlyName())) {
                updated = store.setFriendlyName(updated, name);
            }
            if (!text.equals(updated.description())) {
                updated = store.setDescription(updated, text);
            }
            return updated;
        }, updated -> {
            setSaving(false);
            entry = updated;
            problem.setText("");
            if (close) {
                super.okPressed();
            }
        }, failure -> {
            setSaving(false);
            problem.setText(Messages.format("properties.saveFailed.message", failure.getMessage()));
            problem.getParent().layout(true, true);
            getShell().layout(true, true);
        });
    }

    private void setSaving(boolean busy) {
        saving = busy;
        friendlyName.setEnabled(!busy);
        description.setEnabled(!busy);
        for (int id : new int[] {IDialogConstants.OK_ID, IDialogConstants.CANCEL_ID, APPLY_ID}) {
            if (getButton(id) != null) {
                getButton(id).setEnabled(!busy);
            }
        }
        problem.setText(busy ? Messages.get("properties.saving") : "");
    }
}
