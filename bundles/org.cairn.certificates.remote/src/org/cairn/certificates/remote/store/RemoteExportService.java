package org.cairn.certificates.remote.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.spi.FileWrites;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.ExportedCertificate;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.remote.RemoteConnection;
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.RemoteExport;

/**
 * The Certificate Export Wizard's service for a certificate of another computer: the export runs there (its own
 * {@code cairn cert export}, with the rights of the account logged in with: a key that account may not read is
 * refused with the remote's reason), the verified bytes come back ({@link RemoteExport}), are read again here by
 * Cairn's PKCS #12 reader (the import service) or the Java runtime's X.509 reader, and are written atomically on this
 * computer; only then, when asked,
 * the private key is deleted there. Settings and formats are this computer's export service's (the four built-in
 * formats only: others may not be installed there).
 */
public final class RemoteExportService implements CertificateExportService {

    private final RemoteStore store;
    private final CertificateExportService local;
    private final CertificateImportService reader;

    /**
     * @param store  the other computer's stores (connected, or connected on first use)
     * @param local  this computer's export service, for its settings
     * @param reader this computer's import service: Cairn's one PKCS #12 reader reads the file again here
     */
    public RemoteExportService(RemoteStore store, CertificateExportService local, CertificateImportService reader) {
        this.store = Objects.requireNonNull(store, "store");
        this.local = Objects.requireNonNull(local, "local");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public ExportSettings settings() {
        return local.settings();
    }

    @Override
    public List<ExportFormat> formats() {
        return ExportFormat.builtIn();
    }

    @Override
    public ExportResult export(ExportRequest request) throws ExportException {
        ExportFormat format = request.format();
        boolean pfx = format.equals(ExportFormat.PKCS12);
        if (pfx && !request.includePrivateKey()) {
            throw new ExportException(ExportException.Reason.INVALID_REQUEST, "A PKCS #12 file of a certificate on "
                    + store.computer() + " holds its private key; choose another format to export the certificate only.");
        }
        if (pfx && (request.password() == null || request.password().length == 0)) {
            throw new ExportException(ExportException.Reason.INVALID_REQUEST, "A PKCS #12 file needs a password.");
        }
        Path target = request.target().toAbsolutePath();
        if (!request.overwrite() && Files.exists(target)) {
            throw new ExportException(ExportException.Reason.TARGET_EXISTS, target + " exists; it was kept.");
        }
        List<String> args = new ArrayList<>(List.of(request.source().thumbprint(), "--scope", "computer", "--store",
                request.source().store().shortName(), "--format", formatName(format)));
        if (request.includeChain()) {
            args.add("--chain");
        }
        if (pfx && request.extendedProperties()) {
            args.add("--extended-properties");
        }
        if (pfx) {
            args.addAll(List.of("--encryption", request.encryption() == Pkcs12Encryption.TRIPLEDES_SHA1
                    ? "tripledes-sha1" : "aes256-sha256"));
        }
        RemoteConnection connection;
        RemoteExport.Exported exported;
        try {
            connection = store.connection();
            exported = RemoteExport.export(connection, args, format.fileExtension(), pfx ? request.password() : null);
        } catch (RemoteException e) {
            throw new ExportException(ExportException.Reason.STORE_FAILED, e.getMessage(), e);
        }
        if (!exported.succeeded()) {
            String message = exported.message().replaceFirst("^cairn cert export: ", "");
            throw new ExportException(reason(message), "The export on " + store.computer() + " was refused there: "
                    + message + " Nothing was written.");
        }
        byte[] content = exported.content();
        List<String> verifiedBy = new ArrayList<>(List.of("the export on " + store.computer()
                + " (its own read-back), and the SHA-256 of the bytes that came over the connection"));
        List<ExportedCertificate> certificates = verify(target, content, format, pfx ? request.password() : null,
                exported.keyWritten(), verifiedBy);
        Set<PosixFilePermission> mode = exported.keyWritten()
                ? EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)
                : EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        try {
            FileWrites.replace(target, content, mode, Optional.empty());
        } catch (IOException e) {
            throw new ExportException(ExportException.Reason.WRITE_FAILED, "Cannot write " + target + ": "
                    + e.getMessage() + ". Nothing was written.", e);
        }
        boolean keyDeleted = false;
        Optional<String> keyNotDeleted = Optional.empty();
        if (request.deletePrivateKey() && exported.keyWritten()) {
            // only now: this computer's copy is written and was read back
            try {
                keyNotDeleted = RemoteExport.deleteKey(connection, args.subList(0, 5), request.password());
            } catch (RemoteException e) {
                keyNotDeleted = Optional.of(e.getMessage());
            }
            keyDeleted = keyNotDeleted.isEmpty();
        }
        return new ExportResult(target, content.length, exported.sha256().toUpperCase(Locale.ROOT), format,
                Optional.empty(), certificates, List.of(), exported.keyWritten(), keyDeleted, keyNotDeleted,
                verifiedBy);
    }

    private static String formatName(ExportFormat format) {
        if (format.equals(ExportFormat.PKCS12)) {
            return "pfx";
        }
        if (format.equals(ExportFormat.DER)) {
            return "der";
        }
        if (format.equals(ExportFormat.BASE64)) {
            return "base64";
        }
        if (format.equals(ExportFormat.PKCS7)) {
            return "p7b";
        }
        return format.id();
    }

    private static ExportException.Reason reason(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("not exportable")) {
            return ExportException.Reason.NOT_EXPORTABLE;
        }
        if (m.contains("no private key")) {
            return ExportException.Reason.NO_PRIVATE_KEY;
        }
        if (m.contains("no certificate with thumbprint")) {
            return ExportException.Reason.CERTIFICATE_NOT_FOUND;
        }
        if (m.contains("permission") || m.contains("cannot read") || m.contains("may not") || m.contains("access")) {
            return ExportException.Reason.NO_ACCESS;
        }
        return ExportException.Reason.STORE_FAILED;
    }

    /**
     * Reads the file again here before it is written: a PKCS #12 file with Cairn's one PKCS #12 reader (the import
     * service, as {@code cairn cert export --computer} does), from a private temporary copy beside the target that
     * is removed again; the certificate formats with the Java runtime's X.509 reader.
     */
    private List<ExportedCertificate> verify(Path target, byte[] content, ExportFormat format, char[] password,
            boolean keyWritten, List<String> verifiedBy) throws ExportException {
        try {
            List<X509Certificate> read = new ArrayList<>();
            if (format.equals(ExportFormat.PKCS12)) {
                Path copy = Files.createTempFile(target.getParent(), ".cairn-verify-", ".pfx",
                        PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE)));
                FileContents contents;
                try {
                    Files.write(copy, content);
                    contents = reader.read(copy, password);
                } catch (ImportException e) {
                    throw new ExportException(ExportException.Reason.VERIFICATION_FAILED, "The file that came from "
                            + "the other computer does not read back here: " + e.getMessage() + " Nothing was written.",
                            e);
                } finally {
                    Files.deleteIfExists(copy);
                }
                boolean key = contents.keyCount() > 0;
                if (keyWritten && !key) {
                    throw new ExportException(ExportException.Reason.VERIFICATION_FAILED, "The file that came "
                            + "from the other computer holds no private key, though its export said it wrote one. "
                            + "Nothing was written.");
                }
                contents.entries().forEach(e -> read.add(e.certificate()));
                verifiedBy.add("Cairn's PKCS #12 reader (MAC and password" + (key ? ", private key" : "") + ")");
            } else if (format.equals(ExportFormat.DER) || format.equals(ExportFormat.BASE64)
                    || format.equals(ExportFormat.PKCS7)) {
                for (Certificate c : CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(content))) {
                    read.add((X509Certificate) c);
                }
                verifiedBy.add("Java's X.509 reader");
            }
            List<ExportedCertificate> certificates = new ArrayList<>();
            for (X509Certificate c : read) {
                byte[] der = c.getEncoded();
                certificates.add(new ExportedCertificate(CertificateEntry.sha1(der),
                        RemoteExport.sha256(der).toUpperCase(Locale.ROOT), c.getSubjectX500Principal().getName()));
            }
            return certificates;
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new ExportException(ExportException.Reason.VERIFICATION_FAILED, "The file that came from the other "
                    + "computer cannot be read here: " + e.getMessage() + ". Nothing was written.", e);
        }
    }
}
