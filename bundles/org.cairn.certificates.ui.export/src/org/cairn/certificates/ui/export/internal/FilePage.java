package org.cairn.certificates.ui.export.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;

import org.cairn.certificates.export.ExportFormat;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * "File to Export": the file name, typed or chosen with Browse...; its extension follows the format and a relative
 * name is taken from the user's home folder. An existing file is replaced only after the user said so, when
 * leaving the page (the service itself refuses to replace a file unless the request says so).
 */
final class FilePage extends WizardPage {

    private final ExportWizard wizard;
    private Text name;
    private boolean overwriteConfirmed;

    FilePage(ExportWizard wizard) {
        super("file");
        this.wizard = wizard;
        setTitle(wizard.messages().file_title);
        setDescription(wizard.messages().file_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));
        Label label = new Label(page, SWT.NONE);
        label.setText(m.file_name);
        name = AccessibleNames.labelledBy(label, new Text(page, SWT.BORDER));
        initializeDialogUnits(parent);
        GridDataFactory.fillDefaults().grab(true, false).hint(convertWidthInCharsToPixels(45), SWT.DEFAULT)
                .applyTo(name);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(m.file_browse);
        browse.addListener(SWT.Selection, event -> browse());
        name.addListener(SWT.Modify, event -> {
            overwriteConfirmed = false;
            validate();
        });
        setControl(page);
        validate();
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            // The format may have changed since the name was typed: the extension follows it.
            ExportFileName.withExtension(name.getText(), wizard.format()).filter(fixed -> !fixed.equals(name.getText()))
                    .ifPresent(name::setText);
            validate();
        }
        super.setVisible(visible);
    }

    private void browse() {
        Messages m = wizard.messages();
        ExportFormat format = wizard.format();
        FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
        dialog.setText(m.wizard_title);
        String filter = switch (format.id()) {
            case "DER" -> m.file_filter_cer;
            case "BASE64" -> m.file_filter_base64;
            case "PKCS7" -> m.file_filter_p7b;
            case "PKCS12" -> m.file_filter_pfx;
            // a format another bundle contributes: its own name and extension
            default -> format.displayName() + " (*." + format.fileExtension() + ")";
        };
        dialog.setFilterNames(new String[] {filter, m.file_filter_all});
        dialog.setFilterExtensions(new String[] {"*." + format.fileExtension(), "*"});
        Optional<Path> current = target();
        dialog.setFilterPath(current.map(Path::getParent).orElse(wizard.home()).toString());
        current.ifPresent(path -> dialog.setFileName(path.getFileName().toString()));
        // The overwrite question is asked by this page on Next, the same way for a typed and a chosen name.
        dialog.setOverwrite(false);
        String chosen = dialog.open();
        if (chosen != null) {
            name.setText(chosen);
        }
    }

    private void validate() {
        Messages m = wizard.messages();
        Optional<Path> target = target();
        if (target.isEmpty()) {
            setErrorMessage(null);
            setMessage(m.file_required);
            setPageComplete(false);
        } else if (Files.isDirectory(target.get())) {
            setErrorMessage(MessageFormat.format(m.file_isFolder, target.get()));
            setPageComplete(false);
        } else if (target.get().getParent() == null || !Files.isDirectory(target.get().getParent())) {
            setErrorMessage(MessageFormat.format(m.file_noFolder, target.get().getParent()));
            setPageComplete(false);
        } else {
            setErrorMessage(null);
            setMessage(null);
            setPageComplete(true);
        }
    }

    /**
     * Asks before an existing file is replaced. Called by the wizard dialog when the user clicks Next on this page.
     *
     * @return whether the wizard may go on
     */
    boolean confirmOverwrite() {
        Optional<Path> target = target();
        if (target.isEmpty()) {
            return false;
        }
        if (!Files.exists(target.get())) {
            overwriteConfirmed = false;
            return true;
        }
        overwriteConfirmed = MessageDialog.openQuestion(getShell(), wizard.messages().wizard_title,
                MessageFormat.format(wizard.messages().file_exists, target.get()));
        return overwriteConfirmed;
    }

    boolean overwriteConfirmed() {
        return overwriteConfirmed;
    }

    Optional<Path> target() {
        return name == null ? Optional.empty() : ExportFileName.resolve(name.getText(), wizard.format(), wizard.home());
    }
}
