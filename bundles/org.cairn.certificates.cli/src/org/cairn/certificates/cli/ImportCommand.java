package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.ImportedCertificate;
import org.cairn.certificates.importing.StoreChoice;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cairn cert import}: the import service, all or nothing. */
@Command(name = "import", header = "import a certificate file (PFX/P12, CER/CRT, P7B, PEM)", description = {"Import a PKCS #12 (.pfx, .p12), X.509 (.cer, .crt; DER or Base-64), PKCS #7 "
        + "(.p7b, .p7c) or PEM file, all or nothing, as the Certificate Import Wizard does.",
    "The password (for PKCS #12 files and encrypted keys) comes from --password-file FILE (its first line), "
        + "--password-env VARIABLE, or standard input (a prompt on a terminal). An empty password opens files protected "
        + "with the empty or with no password, as Windows does."})
final class ImportCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "FILE", description = "The file to import.")
    String file;
    @Option(names = "--auto", description = "Choose the store by the type of certificate (the default): with its "
            + "private key -> My; self-signed -> Root; other CA -> CA; else AddressBook.")
    boolean auto;
    @Option(names = "--physical-store", paramLabel = "NAME", description = "Into that physical store behind --store "
            + "(cairn cert list --physical), for example \"NSS: Chrome and system\" or \"Firefox: default-release\"; an NSS "
            + "database takes them one at a time; a running Firefox refuses.")
    String physicalStore;
    @Option(names = "--exportable", description = "Mark the private key as exportable (off by default).")
    boolean exportable;
    @Option(names = "--extended-properties", description = "Include all extended properties (description, properties).")
    boolean extendedProperties;
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

    ImportCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        Path file = Path.of(this.file);
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        if (logical.isPresent() && auto) {
            throw new UsageException("cairn cert import: give either --store NAME or --auto, not both.");
        }
        Optional<String> physical = Optional.ofNullable(physicalStore);
        if (physical.isPresent() && logical.isEmpty()) {
            throw new UsageException("cairn cert import: --physical-store NAME needs --store NAME too (the logical store "
                    + "it is behind; cairn cert list --physical lists them).");
        }
        StoreChoice choice = physical.isPresent() ? StoreChoice.chosen(logical.orElseThrow(), physical.get())
                : logical.map(StoreChoice::chosen).orElse(StoreChoice.automatic());
        if (db.source().given()) {
            session.open(scope, db); // gives the NSS databases their primary password for this process
        }
        boolean needsPassword;
        try {
            needsPassword = session.services().importer().needsPassword(file);
        } catch (ImportException e) {
            throw new CommandException(e.getMessage(), e);
        }
        char[] secret = needsPassword ? io.password(password.source(), "Password for " + file.getFileName() + ": ", true) : new char[0];
        try (ImportRequest request = new ImportRequest(file, secret, scope, choice, exportable,
                extendedProperties)) {
            ImportResult result = session.services().importer().importFile(request);
            if (json.json) {
                List<Object> all = new ArrayList<>();
                for (ImportedCertificate c : result.certificates()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("thumbprint", c.thumbprint());
                    m.put("subject", c.subject());
                    m.put("store", c.store().shortName());
                    m.put("storeName", c.store().displayName());
                    m.put("hasPrivateKey", c.keyType().isPresent());
                    m.put("keyType", c.keyType());
                    m.put("exportable", c.exportable());
                    m.put("friendlyName", c.friendlyName());
                    m.put("alreadyPresent", c.alreadyPresent());
                    all.add(m);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("format", result.format().name());
                m.put("scope", scope.token());
                m.put("certificates", all);
                m.put("notes", result.notes());
                io.out().println(Json.write(m));
            } else {
                for (ImportedCertificate c : result.certificates()) {
                    io.out().println((c.alreadyPresent() ? "Already in " : "Imported into ") + c.store().displayName() + ": "
                            + c.thumbprint() + "  " + c.subject() + c.keyType().map(k -> "  (private key " + k
                            + (c.exportable() ? ", exportable)" : ", not exportable)")).orElse(""));
                }
                for (String note : result.notes()) {
                    io.out().println("Note: " + note);
                }
                for (String line : physicalTargets(scope, result)) {
                    io.out().println(line);
                }
                io.out().println("The import was successful: " + result.added() + " certificate(s) added to "
                        + scope.displayName() + ".");
            }
            return CertCommand.DONE;
        } catch (ImportException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Says where certificates went when that is not Cairn's own store: for the computer's Trusted Root that is the
     * system's local trust anchors, which every program on the machine uses after the update.
     */
    private List<String> physicalTargets(Scope scope, ImportResult result) throws CommandException {
        List<String> lines = new ArrayList<>();
        java.util.Set<LogicalStore> stores = new java.util.LinkedHashSet<>();
        for (ImportedCertificate c : result.certificates()) {
            if (!c.alreadyPresent()) {
                stores.add(c.store());
            }
        }
        CertificateStore opened = session.open(scope);
        for (LogicalStore logical : stores) {
            try {
                Optional<CertificateStore.PhysicalStoreInfo> target = opened.addTarget(logical);
                if (target.isPresent() && !target.get().name().equals(".Default")) {
                    lines.add("Physical store: " + logical.displayName() + " -> " + target.get().name() + " ("
                            + target.get().location() + ")." + (target.get().name().equals(".LocalAnchors")
                                    || target.get().name().equals(".Blocklist") ? " The system's trust was updated:"
                                    + " programs on this computer (openssl, curl, Java) use it now." : ""));
                }
            } catch (CertificateStoreException e) {
                throw new CommandException(e.getMessage(), e);
            }
        }
        return lines;
    }
}
