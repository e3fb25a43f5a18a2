package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.ui.wizard.DialogSize;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Action → Find Certificates...: looks for certificates of the account by Issued To, Issued By, serial number or
 * thumbprint, in one store or all, and lists them like the details pane; the found certificates can be opened
 * and exported.
 */
public final class FindCertificatesDialog extends Dialog {

    private static final int OPEN_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int EXPORT_ID = IDialogConstants.CLIENT_ID + 2;

    private final CertificateStore store;
    private final Optional<LogicalStore> initialStore;
    private final Optional<ExportCommand> export;
    private Combo in;
    private Text contains;
    private Combo field;
    private CertificateTable results;
    private Label status;

    /**
     * @param parent       the shell the dialog is modal to
     * @param store        the account's store
     * @param initialStore the logical store to search first; empty for all
     * @param export       the export command, when the dialog runs inside the console
     */
    public FindCertificatesDialog(Shell parent, CertificateStore store, Optional<LogicalStore> initialStore,
            Optional<ExportCommand> export) {
        super(parent);
        this.store = store;
        this.initialStore = initialStore;
        this.export = export;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("find.title"));
    }

    @Override
    protected Point getInitialSize() {
        return DialogSize.preferred(getShell());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(form);

        new Label(form, SWT.NONE).setText(Messages.get("find.in"));
        in = new Combo(form, SWT.READ_ONLY);
        in.add(Messages.get("find.in.all"));
        for (LogicalStore logical : LogicalStore.values()) {
            in.add(logical.displayName());
        }
        in.select(initialStore.map(logical -> logical.ordinal() + 1).orElse(0));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(in);

        new Label(form, SWT.NONE).setText(Messages.get("find.contains"));
        contains = new Text(form, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(contains);
        Button findNow = new Button(form, SWT.PUSH);
        findNow.setText(Messages.get("find.now"));
        GridDataFactory.fillDefaults().applyTo(findNow);

        new Label(form, SWT.NONE).setText(Messages.get("find.field"));
        field = new Combo(form, SWT.READ_ONLY);
        for (CertificateSearch.Field each : CertificateSearch.Field.values()) {
            field.add(each.label());
        }
        field.select(0);
        GridDataFactory.fillDefaults().applyTo(field);
        Button newSearch = new Button(form, SWT.PUSH);
        newSearch.setText(Messages.get("find.newSearch"));
        GridDataFactory.fillDefaults().applyTo(newSearch);

        results = new CertificateTable(area);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(13)).applyTo(results);
        results.setEntries(List.of(), "");
        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        findNow.addListener(SWT.Selection, event -> findNow());
        contains.addListener(SWT.DefaultSelection, event -> findNow());
        newSearch.addListener(SWT.Selection, event -> {
            contains.setText("");
            results.setEntries(List.of(), "");
            status.setText("");
            updateButtons();
        });
        results.onSelection(selected -> updateButtons());
        results.onOpen(entry -> new CertificateDialog(getShell(), store, entry, export).open());
        getShell().setDefaultButton(findNow);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, OPEN_ID, Messages.get("find.open"), false);
        createButton(parent, EXPORT_ID, Messages.get("find.export"), false);
        createButton(parent, IDialogConstants.CLOSE_ID, Messages.get("find.close"), false);
        updateButtons();
    }

    private void findNow() {
        Optional<LogicalStore> where = in.getSelectionIndex() <= 0 ? Optional.empty()
                : Optional.of(LogicalStore.values()[in.getSelectionIndex() - 1]);
        CertificateSearch.Result found = CertificateSearch.find(store, where,
                CertificateSearch.Field.values()[field.getSelectionIndex()], contains.getText());
        results.setEntries(found.entries(), Messages.get("find.none"));
        String text = Messages.format("find.found", found.entries().size());
        if (!found.problems().isEmpty()) {
            text += "\n" + Messages.format("find.problem", String.join("; ", found.problems()));
        }
        status.setText(text);
        status.getParent().layout(true, true);
        updateButtons();
    }

    private void updateButtons() {
        if (getButton(OPEN_ID) == null) {
            return;
        }
        List<CertificateEntry> selected = results.selection();
        getButton(OPEN_ID).setEnabled(selected.size() == 1);
        getButton(EXPORT_ID).setEnabled(!selected.isEmpty()
                && export.map(command -> command.canExecute(selected)).orElse(false));
    }

    @Override
    protected void buttonPressed(int buttonId) {
        List<CertificateEntry> selected = results.selection();
        switch (buttonId) {
            case OPEN_ID -> {
                if (selected.size() == 1) {
                    new CertificateDialog(getShell(), store, selected.get(0), export).open();
                }
            }
            case EXPORT_ID -> export.ifPresent(command -> command.execute(selected, getShell()));
            case IDialogConstants.CLOSE_ID -> close();
            default -> super.buttonPressed(buttonId);
        }
    }
}
