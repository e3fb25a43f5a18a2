package org.cairn.console.p2.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Help → Install Snap-ins...: the choices of {@code cairn snapin install} (repository, feature, trust of unsigned
 * content, a publisher's certificate to trust) for people who do not use a terminal. The command runs in the
 * background ({@link Installation#install}) while the dialog shows progress; its refusal (the untrusted signer
 * named, the unsigned files, a missing requirement) is shown as it said it. The dialog cannot be closed while the
 * command runs: p2 finishes or rolls back its change.
 */
public final class InstallSnapinsDialog extends Dialog {

    static final int INSTALL_ID = IDialogConstants.CLIENT_ID + 1;

    private final Optional<Installation> installation;
    private Text repository;
    private Text feature;
    private Button trustUnsigned;
    private Text signer;
    private ProgressBar progress;
    private Label status;
    private Text output;
    private boolean running;

    public InstallSnapinsDialog(Shell parent, Optional<Installation> installation) {
        super(parent);
        this.installation = installation;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("dialog.title"));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        area.setLayout(new GridLayout(2, false));
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.get("dialog.intro"));
        GridDataFactory.fillDefaults().span(2, 1).hint(520, SWT.DEFAULT).grab(true, false).applyTo(intro);

        repository = field(area, "repository.label");
        Button browseRepository = new Button(area, SWT.PUSH);
        browseRepository.setText(Messages.get("repository.browse"));
        browseRepository.addListener(SWT.Selection, event -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setText(Messages.get("repository.browseTitle"));
            Optional.ofNullable(dialog.open()).ifPresent(repository::setText);
        });
        feature = field(area, "feature.label");
        new Label(area, SWT.NONE); // the grid's second column under the feature field

        trustUnsigned = new Button(area, SWT.CHECK);
        trustUnsigned.setText(Messages.get("trustUnsigned.label"));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(trustUnsigned);

        signer = field(area, "signer.label");
        Button browseSigner = new Button(area, SWT.PUSH);
        browseSigner.setText(Messages.get("signer.browse"));
        browseSigner.addListener(SWT.Selection, event -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
            dialog.setText(Messages.get("signer.browseTitle"));
            dialog.setFilterExtensions(new String[] { "*.pem;*.cer;*.crt", "*" });
            Optional.ofNullable(dialog.open()).ifPresent(signer::setText);
        });

        progress = new ProgressBar(area, SWT.INDETERMINATE | SWT.HORIZONTAL);
        AccessibleNames.named(progress, Messages.get("status.installing", ""));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).grab(true, false).exclude(true).applyTo(progress);
        progress.setVisible(false);
        status = new Label(area, SWT.WRAP);
        status.setText(Messages.get("status.ready"));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 8).hint(520, SWT.DEFAULT).grab(true, false).applyTo(status);
        Label outputLabel = new Label(area, SWT.NONE);
        outputLabel.setText(Messages.get("output.label"));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(outputLabel);
        output = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        AccessibleNames.labelledBy(outputLabel, output);
        GridDataFactory.fillDefaults().span(2, 1).hint(520, 110).grab(true, true).applyTo(output);
        return area;
    }

    private static Text field(Composite area, String labelKey) {
        Label label = new Label(area, SWT.NONE);
        label.setText(Messages.get(labelKey));
        GridDataFactory.fillDefaults().span(2, 1).indent(0, 6).applyTo(label);
        Text text = new Text(area, SWT.BORDER | SWT.SINGLE);
        AccessibleNames.labelledBy(label, text);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(text);
        return text;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, INSTALL_ID, Messages.get("install.button"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, Messages.get("close.button"), false);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == INSTALL_ID) {
            install();
        } else if (!running) {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        if (!running) {
            super.handleShellCloseEvent();
        }
    }

    private void install() {
        String from = repository.getText().strip();
        String id = feature.getText().strip();
        if (from.isEmpty() || id.isEmpty()) {
            show(Messages.get("status.missing"), "");
            return;
        }
        if (installation.isEmpty() || !installation.get().hasScript()) {
            show(Messages.get("status.noScript", installation.map(i -> i.script().toString()).orElse("cairn")), "");
            return;
        }
        Installation target = installation.get();
        boolean unsigned = trustUnsigned.getSelection();
        String signerText = signer.getText().strip();
        Optional<Path> publisher = signerText.isEmpty() ? Optional.empty() : Optional.of(Path.of(signerText));
        setRunning(true);
        show(Messages.get("status.installing", id), "");
        Shell shell = getShell();
        Thread work = new Thread(() -> {
            String statusText;
            String details;
            try {
                Installation.Result result = target.install(from, id, unsigned, publisher);
                statusText = Messages.get(result.status() == 0 ? "status.installed" : "status.refused");
                details = result.output();
            } catch (java.io.IOException e) {
                statusText = Messages.get("status.failed", e.getMessage());
                details = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                statusText = Messages.get("status.failed", e.toString());
                details = "";
            }
            String finalStatus = statusText;
            String finalDetails = details;
            if (!shell.isDisposed()) {
                shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        setRunning(false);
                        show(finalStatus, finalDetails);
                    }
                });
            }
        }, "Install Snap-ins");
        work.setDaemon(true);
        work.start();
    }

    private void setRunning(boolean now) {
        running = now;
        for (Control control : new Control[] { repository, feature, trustUnsigned, signer,
                getButton(INSTALL_ID), getButton(IDialogConstants.CANCEL_ID) }) {
            control.setEnabled(!now);
        }
        ((org.eclipse.swt.layout.GridData) progress.getLayoutData()).exclude = !now;
        progress.setVisible(now);
        progress.getParent().layout(true, true);
    }

    private void show(String statusText, String details) {
        status.setText(statusText);
        output.setText(details);
        status.getParent().layout(true, true);
    }
}
