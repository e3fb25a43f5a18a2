package org.cairn.certificates.ui.importing.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.FileEntry;
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.ImportedCertificate;
import org.cairn.certificates.importing.StoreChoice;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.wizard.SummaryPage;
import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.ui.wizard.WelcomePage;
import org.cairn.certificates.ui.wizard.WizardWork;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;

/**
 * The Certificate Import Wizard, page by page as Windows shows it: Welcome, File to Import, Private key protection
 * (only for files that hold or may hold private keys), Certificate Store, Completing. The pages gather the user's
 * choices; the file is read by the {@link CertificateImportService} (off the UI thread) when the user leaves the
 * file page, or the password page for a protected file, so that a wrong password or a damaged file is reported
 * there. Finish builds an {@link ImportRequest} and hands it to the service off the UI thread; the service imports
 * all certificates of the file or none. Cancel changes nothing because nothing is imported before Finish.
 */
public final class ImportWizard extends Wizard {

    private final Scope scope;
    private final Optional<LogicalStore> startedFrom;
    private final Function<LogicalStore, Optional<AccessDenial>> rights;
    private final Function<LogicalStore, Optional<PhysicalStoreInfo>> targets;
    private final Function<LogicalStore, List<PhysicalStoreInfo>> physicalStores;
    private final CertificateImportService importer;
    /** The stores to import into; empty for those of {@link #scope} on this computer. */
    private final Optional<CertificateStore> into;
    private final Messages messages;
    private final Path home;

    private final WelcomePage welcomePage;
    private final FilePage filePage;
    private final KeyProtectionPage keyPage;
    private final StorePage storePage;
    private final SummaryPage completionPage;

    /** What was learned about the file named on the file page; reset when the name changes. */
    private Path readFile;
    private boolean needsPassword;
    private FileContents contents;

    /**
     * @param scope       the account whose stores receive the certificates
     * @param startedFrom the logical store the wizard was started from: the default target; empty for automatic
     * @param rights      why the account may not add certificates to a store (empty when it may)
     * @param physicalStores the physical stores behind a logical store, for Browse... with "Show physical stores";
     *                    called off the UI thread
     * @param importer    the import service that does the work
     * @param messages    the texts
     * @param home        the folder relative file names are taken from (the user's home)
     */
    public ImportWizard(Scope scope, Optional<LogicalStore> startedFrom,
            Function<LogicalStore, Optional<AccessDenial>> rights, CertificateImportService importer,
            Messages messages, Path home) {
        this(scope, startedFrom, rights, store -> Optional.empty(), store -> List.of(), importer, messages, home);
    }

    /**
     * @param scope       the account whose stores receive the certificates
     * @param startedFrom the logical store the wizard was started from: the default target; empty for automatic
     * @param rights      why the account may not add certificates to a store (empty when it may)
     * @param targets     the physical store an add into a logical store goes to, when the summary should name it
     *                    (the computer's local trust anchors); empty for Cairn's own store
     * @param importer    the import service that does the work
     * @param messages    the texts
     * @param home        the folder relative file names are taken from (the user's home)
     */
    public ImportWizard(Scope scope, Optional<LogicalStore> startedFrom,
            Function<LogicalStore, Optional<AccessDenial>> rights,
            Function<LogicalStore, Optional<PhysicalStoreInfo>> targets,
            Function<LogicalStore, List<PhysicalStoreInfo>> physicalStores, CertificateImportService importer,
            Messages messages, Path home) {
        this(scope, startedFrom, rights, targets, physicalStores, importer, Optional.empty(), messages, home);
    }

    /**
     * @param scope       the account whose stores receive the certificates
     * @param startedFrom the logical store the wizard was started from: the default target; empty for automatic
     * @param rights      why the account may not add certificates to a store (empty when it may)
     * @param targets     the physical store an add into a logical store goes to, when the summary should name it
     * @param physicalStores the physical stores behind a logical store, for Browse...; called off the UI thread
     * @param importer    the import service that does the work
     * @param into        the stores to import into (another computer's, {@link RemoteStore}); empty for those of
     *                    {@code scope} on this computer
     * @param messages    the texts
     * @param home        the folder relative file names are taken from (the user's home)
     */
    public ImportWizard(Scope scope, Optional<LogicalStore> startedFrom,
            Function<LogicalStore, Optional<AccessDenial>> rights,
            Function<LogicalStore, Optional<PhysicalStoreInfo>> targets,
            Function<LogicalStore, List<PhysicalStoreInfo>> physicalStores, CertificateImportService importer,
            Optional<CertificateStore> into, Messages messages, Path home) {
        this.into = Objects.requireNonNull(into, "into");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.physicalStores = Objects.requireNonNull(physicalStores, "physicalStores");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.startedFrom = Objects.requireNonNull(startedFrom, "startedFrom");
        this.rights = Objects.requireNonNull(rights, "rights");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.home = Objects.requireNonNull(home, "home");
        setWindowTitle(messages.wizard_title);
        setNeedsProgressMonitor(true);
        welcomePage = new WelcomePage(messages.welcome_title, messages.welcome_text,
                () -> MessageFormat.format(messages.welcome_location, into.filter(RemoteStore.class::isInstance)
                        .map(remote -> MessageFormat.format(messages.welcome_location_remote,
                                ((RemoteStore) remote).computer().toString()))
                        .orElseGet(() -> location(scope, messages))));
        filePage = new FilePage(this);
        keyPage = new KeyProtectionPage(this);
        storePage = new StorePage(this);
        completionPage = new SummaryPage(messages.complete_title, messages.complete_description,
                messages.complete_settings, this::summary);
    }

    @Override
    public void addPages() {
        addPage(welcomePage);
        addPage(filePage);
        addPage(keyPage);
        addPage(storePage);
        addPage(completionPage);
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        if (page == filePage && !showsKeyPage()) {
            return storePage;
        }
        return super.getNextPage(page);
    }

    @Override
    public IWizardPage getPreviousPage(IWizardPage page) {
        if (page == storePage && !showsKeyPage()) {
            return filePage;
        }
        return super.getPreviousPage(page);
    }

    /** Finish is offered on the last page only, after the user has seen the summary, as in Windows. */
    @Override
    public boolean canFinish() {
        return getContainer() != null && getContainer().getCurrentPage() == completionPage;
    }

    /** The password page is shown for files that need a password or hold private keys (their import options). */
    private boolean showsKeyPage() {
        return needsPassword || (contents != null && contents.keyCount() > 0);
    }

    /**
     * Reads the file named on the file page when the user clicks Next there: whether it needs a password, and if
     * not, what it holds. Called by the wizard dialog.
     *
     * @return whether the wizard may go on; when not, the user was told why
     */
    boolean leaveFilePage() {
        Optional<Path> file = filePage.file();
        if (file.isEmpty()) {
            return false;
        }
        if (file.get().equals(readFile) && (needsPassword || contents != null)) {
            return true;
        }
        forgetFile();
        Path path = file.get();
        // what the file holds, unless it needs a password first
        Optional<Optional<FileContents>> read = run(MessageFormat.format(messages.progress_reading, path),
                () -> importer.needsPassword(path) ? Optional.empty() : Optional.of(importer.read(path, new char[0])));
        read.ifPresent(found -> {
            readFile = path;
            needsPassword = found.isEmpty();
            contents = found.orElse(null);
        });
        return read.isPresent();
    }

    /**
     * Opens a protected file with the password typed on the password page when the user clicks Next there. A
     * wrong password keeps the wizard on the page, with the service's message.
     *
     * @return whether the wizard may go on
     */
    boolean leaveKeyPage() {
        if (!needsPassword) {
            return contents != null;
        }
        Path path = readFile;
        char[] password = keyPage.password();
        try {
            Optional<FileContents> read = run(MessageFormat.format(messages.progress_reading, path),
                    () -> importer.read(path, password));
            read.ifPresent(found -> contents = found);
            return read.isPresent();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Forgets what was read from a file, when the file name changes. */
    void forgetFile() {
        readFile = null;
        needsPassword = false;
        contents = null;
    }

    /** Runs {@code work} off the UI thread with the wizard's progress; shows a failure over the wizard. */
    private <T> Optional<T> run(String task, WizardWork.Work<T> work) {
        return WizardWork.run(this, task, message -> message, work);
    }

    @Override
    public boolean performFinish() {
        if (contents == null || readFile == null) {
            return false;
        }
        char[] password = needsPassword ? keyPage.password() : new char[0];
        Optional<ImportResult> result;
        try (ImportRequest request = new ImportRequest(readFile, password, scope, storeChoice(), exportable(),
                extendedProperties())) {
            result = WizardWork.run(this, MessageFormat.format(messages.progress_importing, readFile),
                    message -> MessageFormat.format(messages.result_failed, message), () -> into.isPresent() ? importer.importFile(request, into.get())
                            : importer.importFile(request));
        }
        result.ifPresent(done -> MessageDialog.openInformation(getShell(), messages.wizard_title, successText(done)));
        return result.isPresent();
    }

    private String successText(ImportResult result) {
        StringBuilder text = new StringBuilder(messages.result_success);
        List<ImportedCertificate> present = result.certificates().stream().filter(ImportedCertificate::alreadyPresent)
                .toList();
        if (!present.isEmpty()) {
            text.append("\n");
            for (ImportedCertificate certificate : present) {
                text.append("\n").append(MessageFormat.format(messages.result_alreadyPresent,
                        certificate.subject(), certificate.store().displayName()));
            }
        }
        for (String note : result.notes()) {
            text.append("\n\n").append(MessageFormat.format(messages.result_note, note));
        }
        return text.toString();
    }

    Scope scope() {
        return scope;
    }

    Optional<LogicalStore> startedFrom() {
        return startedFrom;
    }

    Messages messages() {
        return messages;
    }

    Path home() {
        return home;
    }

    boolean needsPassword() {
        return needsPassword;
    }

    Optional<FileContents> contents() {
        return Optional.ofNullable(contents);
    }

    FilePage filePage() {
        return filePage;
    }

    KeyProtectionPage keyPage() {
        return keyPage;
    }

    StoreChoice storeChoice() {
        return storePage.choice();
    }

    /** @return the physical stores behind {@code store}; reads the disk, so never on the UI thread */
    List<PhysicalStoreInfo> physicalStores(LogicalStore store) {
        return physicalStores.apply(store);
    }

    boolean exportable() {
        return showsKeyPage() && keyPage.exportable();
    }

    boolean extendedProperties() {
        return contents != null && contents.format() == FileFormat.PKCS12 && keyPage.extendedProperties();
    }

    /** @return the stores the certificates will go to with {@code choice}, in file order */
    Set<LogicalStore> targets(StoreChoice choice) {
        Set<LogicalStore> targets = new LinkedHashSet<>();
        if (choice instanceof StoreChoice.Chosen chosen) {
            targets.add(chosen.store());
        } else if (choice instanceof StoreChoice.InPhysicalStore chosen) {
            targets.add(chosen.store());
        } else if (contents != null) {
            contents.entries().forEach(entry -> targets.add(entry.automaticStore()));
        }
        return targets;
    }

    /**
     * A store the account may not add certificates to.
     *
     * @param store  the store
     * @param denial why, as the store says it
     */
    record Refusal(LogicalStore store, AccessDenial denial) {
    }

    /** @return why the account may not import with {@code choice}: the first store that refuses */
    Optional<Refusal> whyCannotImport(StoreChoice choice) {
        if (choice instanceof StoreChoice.InPhysicalStore) {
            // Browse... offers only physical stores that take certificates; one that refuses at Finish says why then
            return Optional.empty();
        }
        for (LogicalStore target : targets(choice)) {
            Optional<AccessDenial> denied = rights.apply(target);
            if (denied.isPresent()) {
                return Optional.of(new Refusal(target, denied.get()));
            }
        }
        return Optional.empty();
    }

    /** @return the summary rows of the Completing page: setting name and value */
    List<String[]> summary() {
        Messages m = messages;
        List<String[]> rows = new ArrayList<>();
        StoreChoice choice = storeChoice();
        rows.add(new String[] {m.complete_store, switch (choice) {
            case StoreChoice.Chosen chosen -> chosen.store().displayName();
            case StoreChoice.InPhysicalStore chosen -> chosen.store().displayName() + "\\" + chosen.physicalStore();
            case StoreChoice.Automatic automatic -> m.complete_store_automatic;
        }});
        rows.add(new String[] {m.complete_content, contents == null ? "" : content(contents)});
        rows.add(new String[] {m.complete_fileName, readFile == null ? "" : readFile.toString()});
        if (showsKeyPage()) {
            rows.add(new String[] {m.complete_exportable, exportable() ? m.complete_yes : m.complete_no});
        }
        if (contents != null && contents.format() == FileFormat.PKCS12) {
            rows.add(new String[] {m.complete_extendedProperties, extendedProperties() ? m.complete_yes : m.complete_no});
        }
        if (contents != null) {
            for (FileEntry entry : contents.entries()) {
                LogicalStore target = chosenStore(choice).orElse(entry.automaticStore());
                String where = entry.hasPrivateKey() ? MessageFormat.format(m.complete_withKey, target.displayName())
                        : target.displayName();
                rows.add(new String[] {MessageFormat.format(m.complete_certificate, issuedTo(entry)), where});
            }
            Optional<PhysicalStoreInfo> physical = storePage.physical();
            if (physical.isPresent()) {
                rows.add(new String[] {m.complete_physical, physical(physical.get())});
                rows.add(new String[] {m.complete_physical_location, physical.get().location()});
                return rows;
            }
            java.util.Set<LogicalStore> stores = new java.util.LinkedHashSet<>();
            for (FileEntry entry : contents.entries()) {
                stores.add(chosenStore(choice).orElse(entry.automaticStore()));
            }
            for (LogicalStore store : stores) {
                targets.apply(store).filter(t -> !t.name().equals(".Default")).ifPresent(t -> {
                    rows.add(new String[] {choice instanceof StoreChoice.Chosen ? m.complete_physical
                            : MessageFormat.format(m.complete_physical_in, store.displayName()), physical(t)});
                    rows.add(new String[] {m.complete_physical_location, t.location()});
                });
            }
        }
        return rows;
    }

    /** @return the logical store all certificates go to, unless each goes where automatic placement puts it */
    private static Optional<LogicalStore> chosenStore(StoreChoice choice) {
        return switch (choice) {
            case StoreChoice.Chosen chosen -> Optional.of(chosen.store());
            case StoreChoice.InPhysicalStore chosen -> Optional.of(chosen.store());
            case StoreChoice.Automatic automatic -> Optional.empty();
        };
    }

    /** Where the certificates go when that is not Cairn's own store, in the administrator's words. */
    private String physical(PhysicalStoreInfo target) {
        return switch (target.name()) {
            case ".LocalAnchors" -> messages.complete_physical_anchors;
            case ".Blocklist" -> messages.complete_physical_blocklist;
            default -> target.name();
        };
    }

    /** Windows' "Content": a PEM file with one certificate and nothing else is a Base-64 certificate to the user. */
    private String content(FileContents read) {
        if (read.format() == FileFormat.PEM_BUNDLE && read.entries().size() == 1 && read.keyCount() == 0) {
            return messages.content_base64;
        }
        return switch (read.format()) {
            case PKCS12 -> messages.content_pkcs12;
            case DER_CERTIFICATE -> messages.content_der;
            case BASE64_CERTIFICATE -> messages.content_base64;
            case PKCS7 -> messages.content_pkcs7;
            case PEM_BUNDLE -> messages.content_pem;
        };
    }

    /** The certificate's common name, as the certificate list's "Issued To" shows it; else its whole subject. */
    static String issuedTo(FileEntry entry) {
        String subject = entry.subject();
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(subject).getRdns().reversed()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return subject;
        }
        return subject;
    }

    /** Windows' "Store Location" (Current User, Local Machine), and Cairn's service accounts. */
    private static String location(Scope scope, Messages m) {
        return switch (scope) {
            case Scope.CurrentUser user -> m.welcome_location_user;
            case Scope.Computer computer -> m.welcome_location_computer;
            case Scope.Service service -> MessageFormat.format(m.welcome_location_service, service.name());
        };
    }
}
