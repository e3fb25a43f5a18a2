package org.cairn.certificates.ui.importing.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;

import org.cairn.certificates.ui.wizard.FileNames;
import org.cairn.certificates.ui.wizard.WelcomePage;
import org.cairn.console.api.swt.AccessibleNames;
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
 * "File to Import": the file name, typed or chosen with Browse... (with the file types Windows lists, and PEM). A
 * relative name is taken from the user's home folder. What the file holds is read when the user clicks Next.
 */
final class FilePage extends WizardPage {

    private final ImportWizard wizard;
    private Text name;

    FilePage(ImportWizard wizard) {
        super("file");
        this.wizard = wizard;
        setTitle(wizard.messages().file_title);
        setDescription(wizard.messages().file_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        initializeDialogUnits(parent);
        int width = convertWidthInCharsToPixels(WelcomePage.TEXT_WIDTH_CHARS);
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        Label label = new Label(page, SWT.NONE);
        label.setText(m.file_name);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(label);
        name = AccessibleNames.labelledBy(label, new Text(page, SWT.BORDER));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(convertWidthInCharsToPixels(55), SWT.DEFAULT).applyTo(name);
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(m.file_browse);
        browse.addListener(SWT.Selection, event -> browse());
        Label note = new Label(page, SWT.WRAP);
        note.setText(m.file_note);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 24)
                .hint(width, SWT.DEFAULT).applyTo(note);
        Label formats = new Label(page, SWT.WRAP);
        formats.setText(m.file_note_formats);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(16, 4)
                .hint(width - convertHorizontalDLUsToPixels(8), SWT.DEFAULT).applyTo(formats);
        name.addListener(SWT.Modify, event -> {
            wizard.forgetFile();
            validate();
        });
        setControl(page);
        validate();
    }

    private void browse() {
        Messages m = wizard.messages();
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText(m.wizard_title);
        dialog.setFilterNames(new String[] {m.file_filter_pfx, m.file_filter_cer, m.file_filter_p7b, m.file_filter_pem,
                m.file_filter_all});
        dialog.setFilterExtensions(new String[] {"*.pfx;*.p12", "*.cer;*.crt", "*.spc;*.p7b;*.p7c", "*.pem", "*"});
        Optional<Path> current = file();
        dialog.setFilterPath(current.map(Path::getParent).filter(Files::isDirectory).orElse(wizard.home()).toString());
        String chosen = dialog.open();
        if (chosen != null) {
            name.setText(chosen);
        }
    }

    private void validate() {
        Messages m = wizard.messages();
        Optional<Path> file = file();
        if (file.isEmpty()) {
            setErrorMessage(null);
            setMessage(m.file_required);
            setPageComplete(false);
        } else if (Files.isDirectory(file.get())) {
            setErrorMessage(MessageFormat.format(m.file_isFolder, file.get()));
            setPageComplete(false);
        } else if (!Files.exists(file.get())) {
            setErrorMessage(MessageFormat.format(m.file_missing, file.get()));
            setPageComplete(false);
        } else {
            setErrorMessage(null);
            setMessage(null);
            setPageComplete(true);
        }
    }

    /** @return the file named, absolute (a relative name is in the home folder); empty when none is typed */
    Optional<Path> file() {
        return name == null ? Optional.empty() : FileNames.resolve(name.getText(), wizard.home());
    }
}
