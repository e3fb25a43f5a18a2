package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import javax.security.auth.x500.X500Principal;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.ExportedCertificate;

/**
 * The export service over the certificate stores: resolves the request against the stores (key only through
 * {@link CertificateStore#exportablePrivateKey}), encodes, writes atomically with read-back verification, and
 * deletes the key only after all of that succeeded. Thread-safe: it keeps no state between exports.
 */
public final class DefaultCertificateExportService implements CertificateExportService {

    private final CertificateStoreService stores;
    private final Supplier<ExportSettings> settings;
    private final ExportVerifier verifier;
    private final AtomicFileWriter writer;
    private final ExportLog log;
    private final SecureRandom random;
    private final FormatRegistry formats;

    /**
     * The production assembly: read-back verification with the JDK and a Bouncy Castle provider instance,
     * direct file output.
     *
     * @param stores   the certificate stores
     * @param settings the settings, asked at every export (so preference changes apply at once)
     * @param formats  the formats other bundles contribute
     * @param log      where to report
     */
    DefaultCertificateExportService(CertificateStoreService stores, Supplier<ExportSettings> settings,
            FormatRegistry formats, ExportLog log) {
        this(stores, settings, formats, new ReadBackVerifier(formats), FileOutput.DIRECT, log, new SecureRandom());
    }

    /**
     * With seams, for tests.
     *
     * @param stores   the certificate stores
     * @param settings the settings
     * @param verifier the read-back verification
     * @param output   how bytes reach the disk
     * @param log      where to report
     * @param random   randomness for salts and IVs
     */
    DefaultCertificateExportService(CertificateStoreService stores, Supplier<ExportSettings> settings,
            ExportVerifier verifier, FileOutput output, ExportLog log, SecureRandom random) {
        this(stores, settings, new FormatRegistry(log), verifier, output, log, random);
    }

    private DefaultCertificateExportService(CertificateStoreService stores, Supplier<ExportSettings> settings,
            FormatRegistry formats, ExportVerifier verifier, FileOutput output, ExportLog log, SecureRandom random) {
        this.formats = Objects.requireNonNull(formats, "formats");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.log = Objects.requireNonNull(log, "log");
        this.writer = new AtomicFileWriter(output, log);
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Plain-Java assembly (no OSGi): fixed settings, nothing logged.
     *
     * @param stores   the certificate stores
     * @param settings    the settings
     * @param contributed further certificate-only formats
     * @return the service
     */
    public static CertificateExportService create(CertificateStoreService stores, ExportSettings settings,
            List<CertificateFileFormat> contributed) {
        Objects.requireNonNull(settings, "settings");
        FormatRegistry formats = new FormatRegistry(ExportLog.NONE);
        contributed.forEach(formats::add);
        return new DefaultCertificateExportService(stores, () -> settings, formats, ExportLog.NONE);
    }

    @Override
    public ExportSettings settings() {
        return settings.get();
    }

    @Override
    public List<ExportFormat> formats() {
        return formats.offered();
    }

    @Override
    public ExportResult export(ExportRequest request) throws ExportException {
        Objects.requireNonNull(request, "request");
        char[] password = request.password() == null ? null : request.password().clone();
        try {
            return export(request, password);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private ExportResult export(ExportRequest request, char[] password) throws ExportException {
        validate(request, password);
        if (!request.format().isBuiltIn()) {
            contributed(request.format()); // installed now, or refused before anything is read
        }
        // refuse an existing file before the key is read and the expensive encryption runs
        AtomicFileWriter.precheck(request.target(), request.overwrite());
        ExportFormat format = request.format();
        if (!format.equals(ExportFormat.PKCS12)) {
            return export(request, password, null);
        }
        Pkcs12Encoder.Options options = new Pkcs12Encoder.Options(request.encryption(),
                settings.get().iterations(request.strongProtection()), request.extendedProperties());
        // the key derivations need only the password: they run while the store is read and the chain is built
        try (Pkcs12Encoder.Derivations derivations = new Pkcs12Encoder(random).start(options,
                request.includePrivateKey(), password)) {
            return export(request, password, derivations);
        }
    }

    private ExportResult export(ExportRequest request, char[] password, Pkcs12Encoder.Derivations derivations)
            throws ExportException {
        ExportFormat format = request.format();
        ExportSource source = request.source();
        CertificateStore store = open(source);
        CertificateEntry entry = find(store, source);

        Optional<PrivateKey> key = Optional.empty();
        if (request.includePrivateKey()) {
            key = Optional.of(privateKey(store, entry));
        }
        if (request.deletePrivateKey()) {
            Optional<AccessDenial> denial = store.whyKeyNotDeletable(entry);
            if (denial.isPresent()) {
                throw refusal(denial.get(), "The private key could not be deleted afterwards, so nothing was exported: ");
            }
        }

        List<X509Certificate> certificates;
        List<String> notFound = List.of();
        try {
            if (request.includeChain()) {
                CertificationPath path = store.chain(entry);
                certificates = path.x509Certificates();
                notFound = path.missingIssuer().map(List::of).orElse(List.of());
            } else {
                certificates = List.of(entry.certificate());
            }
        } catch (CertificateStoreException e) {
            throw new ExportException(Reason.STORE_FAILED, e.getMessage(), e);
        }

        ExportMaterial material = new ExportMaterial(certificates, key, friendlyName(entry),
                request.extendedProperties() ? entry.description() : "",
                request.extendedProperties() ? entry.properties() : Map.of());
        Pkcs12Encoder.Options options = derivations == null ? null : derivations.options();

        List<ExportedCertificate> written = describe(certificates);
        byte[] content = encode(format, material, derivations);
        String sha256 = sha256(content);
        long size = content.length;
        ExportVerifier.Verification[] verification = new ExportVerifier.Verification[1];
        Path file = writer.write(request.target(), content, key.isPresent(), request.overwrite(),
                temp -> verification[0] = verifier.verify(temp, format, material, options, password));

        boolean deleted = false;
        Optional<String> notDeleted = Optional.empty();
        if (request.deletePrivateKey()) {
            try {
                store.deletePrivateKey(entry);
                deleted = true;
            } catch (CertificateStoreException | RuntimeException e) {
                notDeleted = Optional.of("The export to " + file + " succeeded, but the private key could not be "
                        + "deleted: " + e.getMessage() + " Delete it later from the certificate's context menu.");
                log.warn(notDeleted.get(), e);
            }
        }
        log.info("Exported " + entry.thumbprint() + " (" + entry.subject() + ") as " + format + " to " + file
                + (key.isPresent() ? " with its private key" : "") + (deleted ? "; the private key was deleted" : "")
                + "; SHA-256 " + sha256);
        return new ExportResult(file, size, sha256, format, verification[0].protection(), written,
                notFound, key.isPresent(), deleted, notDeleted, verification[0].readers());
    }

    private static void validate(ExportRequest request, char[] password) throws ExportException {
        ExportFormat format = request.format();
        if (request.includePrivateKey() && !format.canHoldPrivateKey()) {
            throw invalid("A " + format.displayName() + " file cannot hold the private key. Choose PKCS #12 (.pfx), "
                    + "or export without the private key.");
        }
        if (request.includeChain() && !format.canHoldChain()) {
            throw invalid("A " + format.displayName() + " file holds one certificate. Choose PKCS #7 (.p7b), "
                    + "PKCS #12 (.pfx) or Base-64 to include the certification path.");
        }
        if (request.extendedProperties() && !format.equals(ExportFormat.PKCS12)) {
            throw invalid("Only PKCS #12 (.pfx) files can hold the extended properties. Choose PKCS #12, or export "
                    + "without them.");
        }
        if (request.deletePrivateKey() && !request.includePrivateKey()) {
            throw invalid("The private key can only be deleted after it was exported: also choose \"Yes, export the "
                    + "private key\", or do not ask to delete it.");
        }
        if (format.equals(ExportFormat.PKCS12) && (password == null || password.length == 0)) {
            throw invalid("Type a password for the PKCS #12 file: an empty password is read differently by "
                    + "different programs, so Cairn does not write one.");
        }
    }

    private CertificateStore open(ExportSource source) throws ExportException {
        try {
            return stores.open(source.scope());
        } catch (CertificateStoreException e) {
            throw new ExportException(Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    private static CertificateEntry find(CertificateStore store, ExportSource source) throws ExportException {
        try {
            return store.find(source.store(), source.thumbprint()).orElseThrow(() -> new ExportException(
                    Reason.CERTIFICATE_NOT_FOUND, "The certificate " + source.thumbprint() + " is not in "
                            + source.store().displayName() + " of " + source.scope().displayName()
                            + " (any more). Refresh the view and choose it again."));
        } catch (CertificateStoreException e) {
            throw new ExportException(Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(CertificateStore store, CertificateEntry entry) throws ExportException {
        try {
            return store.exportablePrivateKey(entry);
        } catch (CertificateStoreException e) {
            if (e.denial().isPresent()) {
                throw refusal(e.denial().get(), "The private key cannot be exported: ");
            }
            throw new ExportException(Reason.STORE_FAILED, e.getMessage(), e);
        }
    }

    private static ExportException refusal(AccessDenial denial, String prefix) {
        Reason reason = switch (denial.reason()) {
            case NO_PRIVATE_KEY -> Reason.NO_PRIVATE_KEY;
            case NOT_EXPORTABLE -> Reason.NOT_EXPORTABLE;
            case NO_ACCESS -> Reason.NO_ACCESS;
            case READ_ONLY_STORE -> Reason.KEY_NOT_DELETABLE;
        };
        return new ExportException(reason, prefix + denial.message());
    }

    /** The friendly name, else the subject's common name: readers show it as the key's name or alias. */
    private static String friendlyName(CertificateEntry entry) {
        return entry.friendlyName().isEmpty() ? entry.issuedTo() : entry.friendlyName();
    }

    private byte[] encode(ExportFormat format, ExportMaterial material, Pkcs12Encoder.Derivations derivations)
            throws ExportException {
        try {
            if (format.equals(ExportFormat.DER)) {
                return CertificateEncoders.der(material.leaf());
            }
            if (format.equals(ExportFormat.BASE64)) {
                return CertificateEncoders.pem(material.certificates());
            }
            if (format.equals(ExportFormat.PKCS7)) {
                return CertificateEncoders.pkcs7(material.certificates());
            }
            if (format.equals(ExportFormat.PKCS12)) {
                return derivations.encode(material);
            }
            return contributed(format).write(material.certificates());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new ExportException(Reason.CRYPTO_FAILED, "Cannot encode the " + format.displayName() + " file: "
                    + e.getMessage() + ". Nothing was written; the Java runtime may lack an algorithm.", e);
        }
    }

    private CertificateFileFormat contributed(ExportFormat format) throws ExportException {
        return formats.lookUp(format).orElseThrow(() -> invalid("The format " + format.displayName() + " ("
                + format.id() + ") is not installed (any more). Choose another format, or install the bundle that "
                + "provides it."));
    }

    private static List<ExportedCertificate> describe(List<X509Certificate> certificates) throws ExportException {
        List<ExportedCertificate> list = new ArrayList<>();
        for (X509Certificate c : certificates) {
            try {
                byte[] der = c.getEncoded();
                list.add(new ExportedCertificate(CertificateEntry.sha1(der), sha256(der),
                        c.getSubjectX500Principal().getName(X500Principal.RFC2253)));
            } catch (GeneralSecurityException e) {
                throw new ExportException(Reason.CRYPTO_FAILED, "Cannot encode " + c.getSubjectX500Principal(), e);
            }
        }
        return list;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The Java runtime lacks SHA-256", e);
        }
    }

    private static ExportException invalid(String message) {
        return new ExportException(Reason.INVALID_REQUEST, message);
    }
}
