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
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The handler of the command {@value #COMMAND} ("Export..."): opens the Certificate Export Wizard on the one
 * selected certificate. Stateless: the selection, the shell and the services arrive as parameters. The certificate
 * comes from the command's context under {@value #SELECTED_ENTRIES} (the certificate dialog's "Copy to File...").
 */
public final class ExportHandler {

    /** The export command's id, shared with the Certificates snap-in. */
    public static final String COMMAND = "org.cairn.certificates.command.export";

    /**
     * Context key of the certificates a command acts on: a {@code List<CertificateEntry>} (the Certificates
     * snap-in's {@code CertificateUiIds.SELECTED_ENTRIES}).
     */
    public static final String SELECTED_ENTRIES = "org.cairn.certificates.selectedEntries";

    @CanExecute
    public boolean canExecute(@org.eclipse.e4.core.di.annotations.Optional @Named(SELECTED_ENTRIES) List<?> entries,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateStoreService stores,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateExportService exporter) {
        return stores != null && exporter != null && single(entries).isPresent();
    }

    @Execute
    public void execute(@org.eclipse.e4.core.di.annotations.Optional @Named(SELECTED_ENTRIES) List<?> entries,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service CertificateStoreService stores,
            @Service CertificateExportService exporter, @Translation Messages messages) {
        Optional<CertificateEntry> selected = single(entries);
        if (selected.isEmpty()) {
            return;
        }
        CertificateEntry entry = selected.get();
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

    /** The wizard exports one certificate at a time, as the service takes one source per request. */
    static Optional<CertificateEntry> single(List<?> entries) {
        if (entries == null || entries.size() != 1 || !(entries.get(0) instanceof CertificateEntry entry)) {
            return Optional.empty();
        }
        return Optional.of(entry);
    }
}
