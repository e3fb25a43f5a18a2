package org.cairn.certificates.importing.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.FileEntry;
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.ImportedCertificate;
import org.cairn.certificates.importing.Pkcs12Report;
import org.cairn.certificates.importing.StoreChoice;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.WorkBudget;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The import service: decodes and checks the whole file, plans where each certificate goes and checks the
 * rights for it, then adds them in one {@link CertificateStore#addAll} call: all or none, even if the process is
 * killed half-way. Every failure leaves as an {@link ImportException} with a message for the user, also one nobody
 * foresaw (a runtime exception from a library): callers (the wizard, the command line) never see silence or a Java
 * exception's text.
 */
@Component(service = CertificateImportService.class)
public final class DefaultCertificateImportService implements CertificateImportService {

    private final CertificateStoreService stores;

    /**
     * @param stores the certificate stores to import into
     */
    @Activate
    public DefaultCertificateImportService(@Reference CertificateStoreService stores) {
        this.stores = stores;
    }

    @Override
    public boolean needsPassword(Path file) throws ImportException {
        try {
            FileDecoder.Sniffed sniffed = FileDecoder.sniff(String.valueOf(file.getFileName()), FileDecoder.load(file));
            return sniffed.format() == FileFormat.PKCS12
                    || sniffed.pem().map(text -> text.contains("ENCRYPTED")).orElse(false);
        } catch (RuntimeException e) {
            throw Failures.unexpected(file, e);
        }
    }

    @Override
    public FileContents read(Path file, char[] password) throws ImportException {
        try {
            Decoded decoded = decode(file, password);
            return new FileContents(decoded.format, decoded.items.stream().map(Assembler.Item::entry).toList(), decoded.notes);
        } catch (RuntimeException e) {
            throw Failures.unexpected(file, e);
        }
    }

    private record Decoded(FileFormat format, List<Assembler.Item> items, List<String> notes) {
    }

    private static Decoded decode(Path file, char[] password) throws ImportException {
        byte[] bytes = FileDecoder.load(file);
        FileDecoder.Sniffed sniffed = FileDecoder.sniff(String.valueOf(file.getFileName()), bytes);
        Parsed parsed = FileDecoder.decode(sniffed, password, WorkBudget.standard(), new Pkcs12Facts());
        return new Decoded(parsed.format(), Assembler.assemble(parsed), parsed.notes());
    }

    /** One planned add. */
    private record Planned(Assembler.Item item, LogicalStore store, Optional<CertificateEntry> existing) {
    }

    @Override
    public ImportResult importFile(ImportRequest request) throws ImportException {
        CertificateStore store;
        try {
            store = stores.open(request.scope());
        } catch (CertificateStoreException e) {
            throw new ImportException(Reason.STORE, e.getMessage() + " Nothing was imported.", e);
        }
        return importFile(request, store);
    }

    @Override
    public ImportResult importFile(ImportRequest request, CertificateStore store) throws ImportException {
        if (!store.scope().equals(request.scope())) {
            throw new IllegalArgumentException("the request is for " + request.scope().token() + ", the store is "
                    + store.scope().token());
        }
        Decoded decoded;
        try {
            decoded = decode(request.file(), request.password());
        } catch (RuntimeException e) {
            throw Failures.unexpected(request.file(), e);
        }
        Optional<String> physical = request.store() instanceof StoreChoice.InPhysicalStore in
                ? Optional.of(in.physicalStore()) : Optional.empty();
        List<Planned> plan = new ArrayList<>();
        for (Assembler.Item item : decoded.items) {
            FileEntry entry = item.entry();
            LogicalStore target = request.store() instanceof StoreChoice.Chosen chosen ? chosen.store()
                    : request.store() instanceof StoreChoice.InPhysicalStore in ? in.store() : entry.automaticStore();
            // a named physical store says why it refuses when it is given the certificates
            Optional<AccessDenial> refused = physical.isPresent() ? Optional.empty() : store.whyCannotAdd(target);
            if (refused.isPresent()) {
                throw new ImportException(Reason.STORE, "Cannot import into " + target.displayName() + " of "
                        + request.scope().displayName() + ": " + refused.get().message() + " Nothing was imported.");
            }
            Optional<CertificateEntry> existing;
            try {
                existing = store.find(target, entry.thumbprint())
                        .filter(e -> physical.isEmpty() || e.physicalStores().contains(physical.get()));
            } catch (CertificateStoreException e) {
                throw new ImportException(Reason.STORE, e.getMessage() + " Nothing was imported.", e);
            }
            if (existing.isPresent() && item.key().isPresent() && !existing.get().hasPrivateKey()) {
                throw new ImportException(Reason.STORE, "The certificate " + entry.thumbprint() + " (" + entry.subject()
                        + ") is already in " + target.displayName() + " without its private key, so its key cannot be added "
                        + "to it. Delete it first (cairn cert delete " + entry.thumbprint() + ") and import again. Nothing was imported.");
            }
            plan.add(new Planned(item, target, existing));
        }
        List<NewEntry> adds = new ArrayList<>();
        List<ImportedCertificate> result = new ArrayList<>();
        for (Planned planned : plan) {
            FileEntry entry = planned.item().entry();
            if (planned.existing().isPresent()) {
                CertificateEntry existing = planned.existing().get();
                result.add(new ImportedCertificate(entry.thumbprint(), entry.subject(), planned.store(),
                        existing.hasPrivateKey() ? entry.keyType() : Optional.empty(), existing.exportable(),
                        existing.friendlyName(), true));
                continue;
            }
            EntryAttributes attributes = new EntryAttributes(entry.friendlyName(),
                    request.extendedProperties() ? entry.description() : "", request.exportable(),
                    request.extendedProperties() ? entry.properties() : java.util.Map.of());
            adds.add(new NewEntry(planned.store(), entry.certificate(), planned.item().key(), attributes));
            result.add(new ImportedCertificate(entry.thumbprint(), entry.subject(), planned.store(), entry.keyType(),
                    request.exportable() && entry.hasPrivateKey(), entry.friendlyName(), false));
        }
        if (physical.isPresent()) {
            addOneByOne(store, physical.get(), adds, request);
            return new ImportResult(decoded.format, request.scope(), result, decoded.notes);
        }
        try {
            store.addAll(adds);
        } catch (CertificateStoreException | RuntimeException e) {
            throw new ImportException(Reason.STORE, "Adding the certificates to " + request.scope().displayName()
                    + " failed: " + e.getMessage() + " Nothing was imported.", e);
        }
        return new ImportResult(decoded.format, request.scope(), result, decoded.notes);
    }

    /**
     * What one add into a named physical store did, so that it can be undone.
     *
     * @param added  the entry as the store returned it (naming only that physical store)
     * @param before the logical store the certificate was in there before (an NSS database keeps one copy and moves
     *               it by its trust); empty when it was not there
     */
    private record Done(CertificateEntry added, Optional<LogicalStore> before) {
    }

    /**
     * Into one named physical store, which takes certificates one at a time (an NSS database): all or nothing. When
     * one fails, the ones added before are taken out again, newest first (a certificate that was there before goes
     * back to the store it was in), and the error says so; if undoing fails too, it names what is left.
     */
    private static void addOneByOne(CertificateStore store, String physical, List<NewEntry> adds, ImportRequest request)
            throws ImportException {
        List<Done> done = new ArrayList<>();
        for (NewEntry add : adds) {
            try {
                String thumbprint = CertificateEntry.sha1(add.certificate().getEncoded());
                Optional<LogicalStore> before = store.find(thumbprint).stream()
                        .filter(e -> e.physicalStores().contains(physical)).map(CertificateEntry::logicalStore)
                        .findFirst();
                done.add(new Done(store.add(add.store(), physical, add.certificate(), add.privateKey(),
                        add.attributes()), before));
            } catch (CertificateStoreException | java.security.cert.CertificateEncodingException | RuntimeException e) {
                List<String> left = undo(store, physical, done);
                throw new ImportException(Reason.STORE, "Adding the certificates to " + physical + " ("
                        + add.store().displayName() + " of " + request.scope().displayName() + ") failed: "
                        + e.getMessage() + (left.isEmpty() ? " Nothing was imported."
                                : " Undoing the certificates imported before failed; still in " + physical + ": "
                                        + String.join("; ", left) + "."), e);
            }
        }
    }

    /** @return what could not be undone: "THUMBPRINT (why)" each */
    private static List<String> undo(CertificateStore store, String physical, List<Done> done) {
        List<String> left = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            CertificateEntry added = done.get(i).added();
            try {
                if (done.get(i).before().isPresent()) {
                    store.add(done.get(i).before().get(), physical, added.certificate(), Optional.empty(),
                            EntryAttributes.defaults());
                } else {
                    store.delete(added);
                }
            } catch (CertificateStoreException | RuntimeException e) {
                left.add(added.thumbprint() + " (" + e.getMessage() + ")");
            }
        }
        return left;
    }

    @Override
    public Pkcs12Report inspect(Path file, Optional<char[]> password) throws ImportException {
        try {
            return inspectFile(file, password);
        } catch (RuntimeException e) {
            throw Failures.unexpected(file, e);
        }
    }

    private static Pkcs12Report inspectFile(Path file, Optional<char[]> password) throws ImportException {
        byte[] bytes = FileDecoder.load(file);
        FileDecoder.Sniffed sniffed;
        try {
            sniffed = FileDecoder.sniff(String.valueOf(file.getFileName()), bytes);
        } catch (ImportException e) {
            if (e.reason() == Reason.CORRUPT) {
                Pkcs12Exception why = e.getCause() instanceof Pkcs12Exception p ? p
                        : new Pkcs12Exception(Pkcs12Exception.Reason.CORRUPT, e.getMessage(), e);
                return Inspector.report(Pkcs12Facts.unreadable(why), Optional.of(e.getMessage()));
            }
            throw e;
        }
        if (sniffed.format() != FileFormat.PKCS12) {
            throw new ImportException(Reason.WRONG_FORMAT, file + " is not a PKCS #12 file but " + sniffed.format().displayName()
                    + "; inspect describes PKCS #12 files. Use cairn cert import to read it.");
        }
        Pkcs12Facts facts = new Pkcs12Facts();
        char[] pw = password.orElse(new char[0]);
        try {
            Parsed parsed = FileDecoder.decode(sniffed, pw, WorkBudget.standard(), facts);
            Assembler.assemble(parsed);
            return Inspector.report(facts, Optional.empty());
        } catch (ImportException e) {
            return Inspector.report(facts, Optional.of(e.getMessage()));
        }
    }
}
