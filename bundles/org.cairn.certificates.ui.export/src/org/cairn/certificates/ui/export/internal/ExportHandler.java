package org.cairn.certificates.ui.export.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Named;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.remote.store.RemoteExportService;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.CertificateItem;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleIds;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The handler of the Certificates snap-in's export command ({@link CertificateUiIds#EXPORT_COMMAND}, "Export..."):
 * opens the Certificate Export Wizard on the one selected certificate. Stateless: the selection, the shell and the
 * services arrive as parameters. The certificate comes from the command's context under
 * {@link CertificateUiIds#SELECTED_ENTRIES} (the certificate dialog's "Copy to File...", Find Certificates) or else
 * from the details pane's selection under {@link ConsoleIds#SELECTED_ITEMS} (Action → All Tasks → Export..., the
 * context menu).
 */
public final class ExportHandler {

    @CanExecute
    public boolean canExecute(
            @org.eclipse.e4.core.di.annotations.Optional @Named(CertificateUiIds.SELECTED_ENTRIES) List<?> entries,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<?> items,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateStoreService stores,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateExportService exporter) {
        return stores != null && exporter != null && selected(entries, items).isPresent();
    }

    @Execute
    public void execute(
            @org.eclipse.e4.core.di.annotations.Optional @Named(CertificateUiIds.SELECTED_ENTRIES) List<?> entries,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<?> items,
            @org.eclipse.e4.core.di.annotations.Optional @Named(RemoteStore.CONTEXT_KEY) RemoteStore remoteStore,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service CertificateStoreService stores,
            @Service CertificateExportService exporter, @Service CertificateImportService importer,
            @Translation Messages messages) {
        Optional<CertificateEntry> selected = selected(entries, items);
        if (selected.isEmpty()) {
            return;
        }
        CertificateEntry entry = selected.get();
        Optional<RemoteStore> remote = remote(entries, items, remoteStore);
        if (remote.isPresent()) {
            // another computer's certificate: exported there, written here (never this computer's stores)
            RemoteStore other = remote.get();
            ExportWizard wizard = new ExportWizard(entry, other.whyKeyNotExportable(entry),
                    other.whyKeyNotDeletable(entry), new RemoteExportService(other, exporter, importer), messages,
                    Path.of(System.getProperty("user.home")));
            new ExportWizardDialog(shell, wizard).open();
            return;
        }
        CertificateStore store;
        try {
            store = stores.open(entry.scope());
        } catch (CertificateStoreException e) {
            MessageDialog.openError(shell, messages.wizard_title,
                    MessageFormat.format(messages.result_storeFailed, e.getMessage()));
            return;
        }
        ExportWizard wizard = new ExportWizard(entry, store.whyKeyNotExportable(entry),
                store.whyKeyNotDeletable(entry), exporter, messages, Path.of(System.getProperty("user.home")));
        new ExportWizardDialog(shell, wizard).open();
    }

    /** @return the other computer the certificate is on: the dialog's, or the details pane item's store */
    static Optional<RemoteStore> remote(List<?> entries, List<?> items, RemoteStore fromDialog) {
        if (entries != null) {
            return Optional.ofNullable(fromDialog);
        }
        if (items != null && items.size() == 1 && items.get(0) instanceof CertificateItem item
                && item.store() instanceof RemoteStore remote) {
            return Optional.of(remote);
        }
        return Optional.empty();
    }

    /**
     * The certificate to export: the command's own (from a dialog) if it has one, else the details pane's. The
     * wizard exports one certificate at a time, as the service takes one source per request.
     */
    static Optional<CertificateEntry> selected(List<?> entries, List<?> items) {
        if (entries != null) {
            return entries.size() == 1 && entries.get(0) instanceof CertificateEntry entry ? Optional.of(entry)
                    : Optional.empty();
        }
        if (items != null && items.size() == 1 && items.get(0) instanceof CertificateItem item) {
            return Optional.of(item.entry());
        }
        return Optional.empty();
    }
}
