package org.cairn.certificates.ui.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.remote.RemoteCairn;
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.ui.wizard.DialogSize;
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

/**
 * "Another computer: Browse...": the Host entries of the user's ~/.ssh/config, one to pick. The file is read off the
 * UI thread (it may sit on a slow or hung network home): the dialog opens at once, says it is reading, and fills the
 * list when the file was read, or says why it could not be.
 */
final class HostsDialog extends Dialog {

    /**
     * The computers of an SSH configuration.
     *
     * @param config  the file read
     * @param names   its Host names (no patterns)
     * @param problem why it could not be read
     */
    record Hosts(Path config, List<String> names, Optional<String> problem) {

        /** @return the Host entries of {@code settings}' configuration file; reads it: off the UI thread */
        static Hosts of(SshSettings settings) {
            try {
                return new Hosts(settings.config(), RemoteCairn.configuredHosts(settings), Optional.empty());
            } catch (RemoteException e) {
                return new Hosts(settings.config(), List.of(), Optional.of(e.getMessage()));
            }
        }
    }

    private final SshSettings settings;
    private Label intro;
    private org.eclipse.swt.widgets.List list;
    private Optional<String> chosen = Optional.empty();

    /** @param settings whose configuration file to read (the user's own: {@link RemoteStores#userSettings()}) */
    HostsDialog(Shell parent, SshSettings settings) {
        super(parent);
        this.settings = settings;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("browse.title"));
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.format("browse.reading", settings.config().toString()));
        GridDataFactory.fillDefaults().grab(true, false).hint(DialogSize.widthInChars(area, 50), SWT.DEFAULT)
                .applyTo(intro);
        Label label = new Label(area, SWT.NONE);
        label.setText(Messages.get("browse.list"));
        list = AccessibleNames.labelledBy(label, new org.eclipse.swt.widgets.List(area,
                SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL));
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, DialogSize.heightInLines(area, 8))
                .applyTo(list);
        list.setEnabled(false);
        list.addListener(SWT.Selection, event -> update());
        list.addListener(SWT.DefaultSelection, event -> {
            update();
            if (chosen.isPresent()) {
                okPressed();
            }
        });
        new DialogWork(area, "cairn-ssh-config").start(task -> Hosts.of(settings), this::show,
                failure -> show(new Hosts(settings.config(), List.of(), Optional.of(String.valueOf(failure.getMessage())))));
        return area;
    }

    /** Fills the list once the file was read (on the Display thread). */
    private void show(Hosts hosts) {
        String config = hosts.config().toString();
        intro.setText(hosts.problem().map(p -> Messages.format("browse.failed", p))
                .orElse(hosts.names().isEmpty() ? Messages.format("browse.none", config)
                        : Messages.format("browse.message", config)));
        hosts.names().forEach(list::add);
        list.setEnabled(!hosts.names().isEmpty());
        if (!hosts.names().isEmpty()) {
            list.select(0);
            list.setFocus();
        }
        update();
        intro.getParent().layout(true, true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        update();
    }

    private void update() {
        int index = list.getSelectionIndex();
        chosen = index >= 0 ? Optional.of(list.getItem(index)) : Optional.empty();
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(chosen.isPresent());
        }
    }

    /** @return the computer picked, once OK was pressed */
    Optional<String> chosen() {
        return chosen;
    }
}
