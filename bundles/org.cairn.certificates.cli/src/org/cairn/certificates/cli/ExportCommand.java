package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.ExportedCertificate;
import org.cairn.certificates.export.Pkcs12Encryption;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn cert export}: builds an {@link ExportRequest} and hands it to the export service. */
@Command(name = "export", header = "export a certificate to a file (PFX, DER, Base-64, PKCS #7)", description = {"Export a certificate, as the Certificate Export Wizard does. pfx (the "
        + "default) includes the private key, protected by the password (from --password-file, --password-env, or "
        + "standard input; never from an argument). An existing FILE is kept unless --force is given.",
    "A certificate from an NSS database (a browser's client certificate) exports with its key like any other; a "
        + "database with a primary password needs it, separately from the file's password (--db-password-file or "
        + "--db-password-env).",
    "Other bundles can add certificate-only formats: --format ID names one (an unknown --format lists those installed)."})
final class ExportCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "THUMBPRINT", description = "The certificate's SHA-1 thumbprint.")
    String thumbprint;
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write (with "
            + "--computers: a folder, which receives HOST.pfx for each computer).")
    String out;
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "pfx", description = "pfx (the default), der, "
            + "base64, p7b, or the ID of an installed certificate-only format.")
    String format;
    @Option(names = "--chain", description = "Include all certificates in the certification path if possible.")
    boolean chain;
    @Option(names = "--extended-properties", description = "Export all extended properties (pfx).")
    boolean extendedProperties;
    @Option(names = "--delete-key", description = "Delete the private key once the file was written and verified (pfx).")
    boolean deleteKey;
    @Option(names = "--encryption", paramLabel = "ALGORITHM", description = "aes256-sha256 (the default) or "
            + "tripledes-sha1 (for old readers only).")
    String encryption;
    @Option(names = "--force", description = "Replace an existing file.")
    boolean force;
    @Mixin
    Options.Password password;
    @Mixin
    Options.DbPassword db;
    @Mixin
    Options.ScopeStore where;
    @Mixin
    Options.Json json;
    @Mixin
    Options.Remote remote;

    private final Session session;

    ExportCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        String thumbprint = Entries.thumbprint(this.thumbprint);
        Path target = Path.of(out);
        String encryptionName = encryption == null ? "aes256-sha256" : encryption;
        ExportFormat format = format(this.format);
        Pkcs12Encryption protection = switch (encryptionName.toLowerCase(Locale.ROOT)) {
            case "aes256-sha256" -> Pkcs12Encryption.AES256_SHA256;
            case "tripledes-sha1" -> Pkcs12Encryption.TRIPLEDES_SHA1;
            default -> throw new UsageException("--encryption: use aes256-sha256 or tripledes-sha1 (got '"
                    + encryptionName + "').");
        };
        boolean pfx = format.equals(ExportFormat.PKCS12);
        for (Map.Entry<String, Boolean> option : List.of(Map.entry("extended-properties", extendedProperties),
                Map.entry("delete-key", deleteKey), Map.entry("encryption", encryption != null),
                Map.entry("password-file", password.file != null), Map.entry("password-env", password.env != null))) {
            if (!pfx && option.getValue()) {
                throw new UsageException("cairn cert export: --" + option.getKey() + " applies to --format pfx only.");
            }
        }
        if (format.equals(ExportFormat.DER) && chain) {
            throw new UsageException("cairn cert export: a DER file holds one certificate; use --format p7b, base64 or pfx with --chain.");
        }
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        CertificateStore store = session.open(scope, db);
        CertificateEntry entry = Entries.findOne(store, scope, logical, thumbprint, "Nothing was written.");
        boolean withKey = pfx && entry.hasPrivateKey();
        if (deleteKey && !withKey) {
            throw new CommandException("--delete-key: the certificate " + thumbprint + " has no private key here. Nothing was written.");
        }
        if (!force && java.nio.file.Files.exists(target)) {
            throw new CommandException(target + " exists; it was kept. Give --force to replace it, or another --out file.");
        }
        char[] secret = pfx ? io.password(password.source(), "Password to protect " + target.getFileName() + ": ", true) : null;
        try {
            if (pfx && io.console().isPresent() && !password.source().given()) {
                // typed without echo: ask again, as the wizard's "Confirm password" does
                char[] again = io.console().get().readPassword("%s", "Confirm password: ");
                boolean same = again != null && Arrays.equals(secret, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    throw new CommandException("the two passwords typed differ. Nothing was written.");
                }
            }
            if (pfx && secret.length == 0) {
                throw new CommandException("a PFX file needs a non-empty password (--password-file, --password-env or "
                        + "standard input). Nothing was written.");
            }
            ExportRequest request = ExportRequest.builder(ExportSource.of(entry), format, target).includePrivateKey(withKey)
                    .includeChain(chain).extendedProperties(extendedProperties)
                    .deletePrivateKey(deleteKey).encryption(protection).password(secret)
                    .overwrite(force).build();
            ExportResult result;
            try {
                result = session.services().exporter().export(request);
            } catch (ExportException e) {
                if (e.reason() == ExportException.Reason.INVALID_REQUEST) {
                    throw new UsageException("cairn cert export: " + e.getMessage());
                }
                throw new CommandException(e.getMessage(), e);
            }
            if (json.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", result.file().toString());
                m.put("size", result.size());
                m.put("sha256", result.sha256());
                m.put("format", result.format().id());
                m.put("protection", result.protection().map(p -> {
                    Map<String, Object> x = new LinkedHashMap<>();
                    x.put("encryption", p.encryption().displayName());
                    x.put("keyAlgorithm", p.keyAlgorithm());
                    x.put("keyIterations", p.keyIterations());
                    x.put("certificateAlgorithm", p.certificateAlgorithm());
                    x.put("certificateIterations", p.certificateIterations());
                    x.put("macAlgorithm", p.macAlgorithm());
                    x.put("macIterations", p.macIterations());
                    return x;
                }));
                m.put("certificates", result.certificates().stream().map(ExportedCertificate::thumbprint).toList());
                m.put("chainCertificatesNotFound", result.chainCertificatesNotFound());
                m.put("keyWritten", result.keyWritten());
                m.put("keyDeleted", result.keyDeleted());
                m.put("keyNotDeletedReason", result.keyNotDeletedReason());
                m.put("verifiedBy", result.verifiedBy());
                io.out().println(Json.write(m));
            } else {
                io.out().println("The export was successful: " + result.file() + " (" + result.format().displayName() + ", "
                        + result.size() + " bytes, " + result.certificates().size() + " certificate(s)"
                        + (result.keyWritten() ? " and the private key" : "") + ").");
                io.out().println("SHA-256 of the file: " + result.sha256());
                result.protection().ifPresent(p -> io.out().println("Protection: " + p.encryption().displayName() + " ("
                        + p.keyAlgorithm() + " x" + p.keyIterations() + ", MAC " + p.macAlgorithm() + " x" + p.macIterations() + ")"));
                if (!result.verifiedBy().isEmpty()) {
                    io.out().println("Read back and verified by: " + String.join(", ", result.verifiedBy()));
                }
                for (String missing : result.chainCertificatesNotFound()) {
                    io.out().println("Note: not in the file, its certificate was not found: " + missing);
                }
                if (result.keyDeleted()) {
                    io.out().println("The private key was deleted from the store; the certificate stays.");
                }
                result.keyNotDeletedReason().ifPresent(why -> io.out().println("The private key was NOT deleted: " + why));
            }
            return CertCommand.DONE;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** Windows' four formats by their short names, or another installed format by its id. */
    private ExportFormat format(String name) throws UsageException, CommandException {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "pfx", "p12", "pkcs12" -> {
                return ExportFormat.PKCS12;
            }
            case "der", "cer" -> {
                return ExportFormat.DER;
            }
            case "base64", "pem" -> {
                return ExportFormat.BASE64;
            }
            case "p7b", "pkcs7" -> {
                return ExportFormat.PKCS7;
            }
            default -> {
                List<ExportFormat> others = session.services().exporter().formats().stream().filter(f -> !f.isBuiltIn()).toList();
                return others.stream().filter(f -> f.id().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new UsageException("--format: use pfx, der, base64 or p7b"
                                + (others.isEmpty() ? "" : ", or one of the installed formats "
                                        + String.join(", ", others.stream().map(f -> f.id() + " (" + f.displayName()
                                                + ")").toList()))
                                + " (got '" + name + "')."));
            }
        }
    }
}
