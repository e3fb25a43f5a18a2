package org.cairn.console.ui.internal.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.swt.AccessibleNames;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Asks for a file name (Open, Save As, Export List): a field to type it, Browse... for the desktop's file
 * chooser, and optionally a file type and a "selected items only" check box.
 */
public final class FileNameDialog extends Dialog {

    /** A file type offered. */
    public record FileType(String label, String extension) {
    }

    private final String title;
    private final boolean save;
    private final String initial;
    private final List<FileType> types;
    private final Optional<String> selectedOnlyLabel;
    private final Messages messages;

    private Text name;
    private Combo type;
    private Button selectedOnly;
    private Path chosen;
    private int chosenType;
    private boolean chosenSelectedOnly;

    /**
     * @param parent            the parent shell
     * @param messages          texts
     * @param title             the dialog title
     * @param save              whether the file is written (Save) or read (Open)
     * @param initial           the name the field starts with
     * @param types             the file types, at least one
     * @param selectedOnlyLabel the label of a "selected items only" check box, if wanted
     */
    public FileNameDialog(Shell parent, Messages messages, String title, boolean save, String initial,
            List<FileType> types, Optional<String> selectedOnlyLabel) {
        super(parent);
        this.messages = messages;
        this.title = title;
        this.save = save;
        this.initial = initial;
        this.types = List.copyOf(types);
        this.selectedOnlyLabel = selectedOnlyLabel;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        Label nameLabel = new Label(area, SWT.NONE);
        nameLabel.setText(messages.file_name);
        name = AccessibleNames.labelledBy(nameLabel, new Text(area, SWT.BORDER | SWT.SINGLE));
        name.setText(initial);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(50), SWT.DEFAULT).applyTo(name);
        Button browse = new Button(area, SWT.PUSH);
        browse.setText(messages.file_browse);
        browse.addListener(SWT.Selection, event -> browse());
        if (types.size() > 1) {
            Label typeLabel = new Label(area, SWT.NONE);
            typeLabel.setText(messages.file_type);
            type = AccessibleNames.labelledBy(typeLabel, new Combo(area, SWT.READ_ONLY | SWT.DROP_DOWN));
            types.forEach(t -> type.add(t.label()));
            type.select(0);
            type.addListener(SWT.Selection, event -> followType());
            GridDataFactory.fillDefaults().span(2, 1).applyTo(type);
        }
        if (selectedOnlyLabel.isPresent()) {
            selectedOnly = new Button(area, SWT.CHECK);
            selectedOnly.setText(selectedOnlyLabel.get());
            GridDataFactory.fillDefaults().span(3, 1).applyTo(selectedOnly);
        }
        name.addListener(SWT.Modify, event -> update());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, save ? messages.file_save : messages.file_open, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    private void update() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!name.getText().isBlank());
        }
    }

    /** The extension follows the chosen type, as in the Windows file dialogs. */
    private void followType() {
        String text = name.getText();
        for (FileType t : types) {
            if (text.endsWith(t.extension())) {
                text = text.substring(0, text.length() - t.extension().length());
                break;
            }
        }
        name.setText(text + types.get(type.getSelectionIndex()).extension());
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), save ? SWT.SAVE : SWT.OPEN);
        dialog.setText(title);
        dialog.setOverwrite(save);
        dialog.setFilterExtensions(types.stream().map(t -> "*" + t.extension()).toArray(String[]::new));
        dialog.setFilterNames(types.stream().map(FileType::label).toArray(String[]::new));
        String picked = dialog.open();
        if (picked != null) {
            name.setText(picked);
        }
    }

    @Override
    protected void okPressed() {
        String text = name.getText().trim();
        int index = type == null ? 0 : type.getSelectionIndex();
        if (save && types.stream().noneMatch(t -> text.endsWith(t.extension()))) {
            chosen = Path.of(text + types.get(index).extension()).toAbsolutePath();
        } else {
            chosen = Path.of(text).toAbsolutePath();
        }
        chosenType = index;
        chosenSelectedOnly = selectedOnly != null && selectedOnly.getSelection();
        super.okPressed();
    }

    /** @return the file chosen, after OK */
    public Path file() {
        return chosen;
    }

    /** @return the index of the file type chosen, after OK */
    public int typeIndex() {
        return chosenType;
    }

    /** @return whether "selected items only" was checked, after OK */
    public boolean selectedOnly() {
        return chosenSelectedOnly;
    }
}
