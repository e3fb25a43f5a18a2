package org.cairn.certificates.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Shell;

/** View Options: Logical Certificate Stores or Certificate purpose; physical stores; archived certificates. */
public final class ViewOptionsDialog extends Dialog {

    private ViewMode mode;
    private Button logical;
    private Button purpose;
    private Button physical;
    private Button archived;

    /**
     * @param parent the shell the dialog is modal to
     * @param mode   the current mode
     */
    public ViewOptionsDialog(Shell parent, ViewMode mode) {
        super(parent);
        this.mode = mode;
    }

    /** @return the mode chosen (the one given until OK) */
    public ViewMode mode() {
        return mode;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("options.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Group organize = new Group(area, SWT.NONE);
        organize.setText(Messages.get("options.mode"));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(organize);
        GridLayoutFactory.swtDefaults().applyTo(organize);
        logical = button(organize, SWT.RADIO, "options.mode.logical", !mode.byPurpose());
        purpose = button(organize, SWT.RADIO, "options.mode.purpose", mode.byPurpose());
        Group show = new Group(area, SWT.NONE);
        show.setText(Messages.get("options.show"));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(show);
        GridLayoutFactory.swtDefaults().applyTo(show);
        physical = button(show, SWT.CHECK, "options.show.physical", mode.showPhysical());
        archived = button(show, SWT.CHECK, "options.show.archived", mode.showArchived());
        logical.addListener(SWT.Selection, event -> physical.setEnabled(logical.getSelection()));
        purpose.addListener(SWT.Selection, event -> physical.setEnabled(logical.getSelection()));
        physical.setEnabled(!mode.byPurpose());
        return area;
    }

    private static Button button(Composite parent, int style, String key, boolean selected) {
        Button button = new Button(parent, style);
        button.setText(Messages.get(key));
        button.setSelection(selected);
        return button;
    }

    @Override
    protected void okPressed() {
        mode = new ViewMode(purpose.getSelection(), physical.getSelection() && logical.getSelection(),
                archived.getSelection());
        super.okPressed();
    }
}
