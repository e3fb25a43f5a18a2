package org.cairn.certificates.ui.importing.internal;

import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Shell;

/** "Select Certificate Store": the account's logical stores, as the Certificate Store page's Browse... shows them. */
final class SelectStoreDialog extends Dialog {

    private final Messages messages;
    private final Optional<LogicalStore> initial;
    private List stores;
    private LogicalStore selected;

    SelectStoreDialog(Shell parent, Messages messages, Optional<LogicalStore> initial) {
        super(parent);
        this.messages = messages;
        this.initial = initial;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.select_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 1;
        Label text = new Label(area, SWT.NONE);
        text.setText(messages.select_text);
        stores = new List(area, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        for (LogicalStore store : LogicalStore.values()) {
            stores.add(store.displayName());
        }
        stores.select(initial.orElse(LogicalStore.PERSONAL).ordinal());
        stores.addListener(SWT.DefaultSelection, event -> okPressed());
        // As tall as its ten stores: none hidden behind a scroll bar.
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(stores);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    protected void okPressed() {
        int index = stores.getSelectionIndex();
        selected = index < 0 ? null : LogicalStore.values()[index];
        super.okPressed();
    }

    /** @return the store chosen with OK */
    Optional<LogicalStore> selected() {
        return Optional.ofNullable(selected);
    }
}
