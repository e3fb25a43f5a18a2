package org.cairn.certificates.ui.export.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.ui.wizard.SummaryPage;
import org.cairn.certificates.ui.wizard.WelcomePage;
import org.cairn.certificates.ui.wizard.WizardWork;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;

/**
 * The Certificate Export Wizard, page by page as Windows shows it: Welcome, Export Private Key, Export File
 * Format, Security (PKCS #12 only), File to Export, Completing. The pages only gather the user's choices; Finish
 * turns them into an {@link ExportRequest} and hands it to the {@link CertificateExportService} off the UI thread,
 * which writes, verifies and (if asked) deletes the key. Cancel writes nothing because nothing is written before
 * Finish.
 */
public final class ExportWizard extends Wizard {

    private final CertificateEntry entry;
    private final Optional<AccessDenial> keyDenial;
    private final Optional<AccessDenial> keyDeleteDenial;
    private final CertificateExportService exporter;
    private final Messages messages;
    private final Path home;

    private final WelcomePage welcomePage;
    private final PrivateKeyPage keyPage;
    private final FormatPage formatPage;
    private final SecurityPage securityPage;
    private final FilePage filePage;
    private final SummaryPage completionPage;

    /**
     * @param entry           the certificate to export
     * @param keyDenial       why its private key cannot be exported; empty when it can
     * @param keyDeleteDenial why its private key could not be deleted after the export; empty when it could
     * @param exporter        the export service that does the work
     * @param messages        the texts
     * @param home            the folder relative file names are taken from (the user's home)
     */
    public ExportWizard(CertificateEntry entry, Optional<AccessDenial> keyDenial,
            Optional<AccessDenial> keyDeleteDenial, CertificateExportService exporter, Messages messages, Path home) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.keyDenial = Objects.requireNonNull(keyDenial, "keyDenial");
        this.keyDeleteDenial = Objects.requireNonNull(keyDeleteDenial, "keyDeleteDenial");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.home = Objects.requireNonNull(home, "home");
        setWindowTitle(messages.wizard_title);
        setNeedsProgressMonitor(true);
        welcomePage = new WelcomePage(messages.welcome_title, messages.welcome_text,
                () -> MessageFormat.format(messages.welcome_certificate, entry.issuedTo()));
        keyPage = new PrivateKeyPage(this);
        formatPage = new FormatPage(this);
        securityPage = new SecurityPage(this);
        filePage = new FilePage(this);
        completionPage = new SummaryPage(messages.complete_title, messages.complete_description,
                messages.complete_settings, this::summary);
    }

    @Override
    public void addPages() {
        addPage(welcomePage);
        addPage(keyPage);
        addPage(formatPage);
        addPage(securityPage);
        addPage(filePage);
        addPage(completionPage);
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page == formatPage && !needsPassword()) {
            return filePage;
        }
        return super.getNextPage(page);
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        if (page == filePage && !needsPassword()) {
            return formatPage;
        }
        return super.getPreviousPage(page);
    }

    /** Finish is offered on the last page only, after the user has seen the summary, as in Windows. */
    @Override
    public boolean canFinish() {
        return getContainer() != null && getContainer().getCurrentPage() == completionPage;
    }

    @Override
    public boolean performFinish() {
        Optional<Path> target = target();
        if (target.isEmpty()) {
            return false;
        }
        ExportFormat format = format();
        boolean pkcs12 = format.equals(ExportFormat.PKCS12);
        ExportRequest.Builder builder = ExportRequest.builder(ExportSource.of(entry), format, target.get())
                .includePrivateKey(exportKey())
                .includeChain(includeChain())
                .extendedProperties(pkcs12 && formatPage.extendedProperties())
                .deletePrivateKey(pkcs12 && exportKey() && formatPage.deleteKey())
                .overwrite(filePage.overwriteConfirmed());
        if (pkcs12) {
            builder.encryption(encryption()).password(securityPage.password());
        }
        Optional<ExportResult> result;
        try (ExportRequest request = builder.build()) {
            result = WizardWork.run(this, MessageFormat.format(messages.progress_exporting, target.get()),
                    message -> MessageFormat.format(messages.result_failed, message), () -> exporter.export(request));
        }
        result.ifPresent(done -> MessageDialog.openInformation(getShell(), messages.wizard_title, successText(done)));
        return result.isPresent();
    }

    private String successText(ExportResult result) {
        StringBuilder text = new StringBuilder(messages.result_success);
        if (result.keyDeleted()) {
            text.append("\n\n").append(messages.result_keyDeleted);
        }
        result.keyNotDeletedReason().ifPresent(
                reason -> text.append("\n\n").append(MessageFormat.format(messages.result_keyNotDeleted, reason)));
        if (!result.chainCertificatesNotFound().isEmpty()) {
            text.append("\n\n").append(MessageFormat.format(messages.result_chainIncomplete,
                    String.join("; ", result.chainCertificatesNotFound())));
        }
        return text.toString();
    }

    CertificateEntry entry() {
        return entry;
    }

    Optional<AccessDenial> keyDenial() {
        return keyDenial;
    }

    Optional<AccessDenial> keyDeleteDenial() {
        return keyDeleteDenial;
    }

    Messages messages() {
        return messages;
    }

    Path home() {
        return home;
    }

    boolean exportKey() {
        return keyDenial.isEmpty() && keyPage.exportKey();
    }

    /** @return the certificate-only formats other bundles contribute, installed now */
    List<ExportFormat> contributedFormats() {
        return exporter.formats().stream().filter(format -> !format.isBuiltIn()).toList();
    }

    ExportFormat format() {
        return formatPage.format();
    }

    boolean includeChain() {
        return formatPage.includeChain();
    }

    boolean needsPassword() {
        return format().equals(ExportFormat.PKCS12);
    }

    Pkcs12Encryption encryption() {
        return securityPage.encryption();
    }

    boolean deleteKey() {
        return format().equals(ExportFormat.PKCS12) && exportKey() && formatPage.deleteKey();
    }

    boolean extendedProperties() {
        return format().equals(ExportFormat.PKCS12) && formatPage.extendedProperties();
    }

    Optional<Path> target() {
        return filePage.target();
    }

    FilePage filePage() {
        return filePage;
    }

    /** @return the summary rows of the Completing page: setting name and value */
    List<String[]> summary() {
        Messages m = messages;
        String yes = m.complete_yes;
        String no = m.complete_no;
        boolean pkcs12 = needsPassword();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {m.complete_fileName, target().map(Path::toString).orElse("")});
        rows.add(new String[] {m.complete_exportKeys, exportKey() ? yes : no});
        rows.add(new String[] {m.complete_includeChain, format().canHoldChain() && includeChain() ? yes : no});
        rows.add(new String[] {m.complete_fileFormat, formatPage.formatLabel()});
        rows.add(new String[] {m.complete_encryption, pkcs12 ? encryption().displayName() : m.complete_notApplicable});
        if (pkcs12) {
            rows.add(new String[] {m.complete_deleteKey, deleteKey() ? yes : no});
            rows.add(new String[] {m.complete_extendedProperties, extendedProperties() ? yes : no});
        }
        return rows;
    }
}
