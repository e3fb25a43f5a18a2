package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateExtensions;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.ExportedCertificate;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.ImportedCertificate;
import org.cairn.certificates.importing.Pkcs12Report;
import org.cairn.certificates.importing.StoreChoice;

/**
 * {@code cairn cert SUBCOMMAND ...}: the certificate command line over the same services as the console. Exit
 * status 0 when done, 1 when refused or failed, 2 when the command line itself is wrong. Results go to standard
 * output (for people, or JSON with {@code --json}); messages to standard error.
 */
final class CertCommand {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** A fault in Cairn or a library that no check foresaw (sysexits' EX_SOFTWARE): said plainly, never silent. */
    static final int INTERNAL = 70;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static final Set<String> SCOPE_STORE = Set.of("scope", "store");
    private static final Set<String> PASSWORD = Set.of("password-file", "password-env");
    /** The primary password of NSS databases (separate from a file's password). */
    private static final Set<String> DB_PASSWORD = Set.of("db-password-file", "db-password-env");

    /** Where the services come from: waited for only when a subcommand needs them (not for --help or usage errors). */
    @FunctionalInterface
    interface ServiceSource {
        CliServices get() throws CommandException;
    }

    private final ServiceSource source;
    private final Io io;
    private CliServices services;

    CertCommand(ServiceSource source, Io io) {
        this.source = source;
        this.io = io;
    }

    private CliServices services() throws CommandException {
        if (services == null) {
            services = source.get();
        }
        return services;
    }

    /**
     * @param args the arguments after {@code cert}
     * @return the exit status
     */
    int run(List<String> args) {
        // --debug anywhere: an internal error also shows its stack trace
        boolean debug = args.contains("--debug");
        if (debug) {
            args = args.stream().filter(a -> !a.equals("--debug")).toList();
        }
        String command = args.isEmpty() ? "" : args.get(0);
        try {
            return run(args, debug);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            // the last resort: whatever escaped reaches the user with a non-zero exit, not only a log file
            io.err().println("cairn cert" + (command.isEmpty() ? "" : " " + command) + ": internal error ("
                    + e.getClass().getSimpleName() + "). This is a fault in Cairn, not in the command or the file; "
                    + "check the result before relying on it, and report it. " + (debug ? "Details:"
                            : "Run the command again with --debug to see the details."));
            if (debug) {
                e.printStackTrace(io.err());
            }
            return INTERNAL;
        }
    }

    private int run(List<String> args, boolean debug) {
        if (args.isEmpty()) {
            io.err().print(Help.OVERVIEW);
            return USAGE;
        }
        String command = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
            io.out().print(rest.isEmpty() ? Help.OVERVIEW : Help.of(rest.get(0)).orElse(Help.OVERVIEW));
            return DONE;
        }
        Optional<String> help = Help.of(command);
        if (help.isEmpty()) {
            io.err().println("cairn cert: unknown subcommand '" + command + "'.");
            io.err().print(Help.OVERVIEW);
            return USAGE;
        }
        if (rest.contains("--help") || rest.contains("-h")) {
            io.out().print(help.get());
            return DONE;
        }
        try {
            if (RemoteCommand.applies(rest)) {
                // another computer over SSH: its own cairn cert does the work (RemoteCommand, the remote bundle)
                return new RemoteCommand(io, this::services).run(command, rest);
            }
            return switch (command) {
                case "protocol" -> protocol(Args.parse(command, rest, Set.of(), Set.of("json")));
                case "remote" -> throw new UsageException("cairn cert remote is not a subcommand: give --computer HOST "
                        + "or --computers FILE to another subcommand (cairn cert remote --help).");
                case "list" -> list(Args.parse(command, rest, union(SCOPE_STORE, DB_PASSWORD), Set.of("json", "physical")));
                case "show" -> show(Args.parse(command, rest, union(SCOPE_STORE, DB_PASSWORD), Set.of("json")));
                case "import" -> importFile(Args.parse(command, rest,
                        union(union(union(SCOPE_STORE, PASSWORD), DB_PASSWORD), Set.of("physical-store")),
                        Set.of("auto", "exportable", "extended-properties", "json")));
                case "new-self-signed" -> newSelfSigned(Args.parse(command, rest,
                        union(SCOPE_STORE, Set.of("subject", "key", "days", "eku", "friendly-name")), Set.of("exportable", "json")));
                case "delete" -> delete(Args.parse(command, rest, SCOPE_STORE, Set.of("json")));
                case "inspect" -> inspect(Args.parse(command, rest, PASSWORD, Set.of("json")));
                case "export" -> export(Args.parse(command, rest, union(union(union(SCOPE_STORE, PASSWORD), DB_PASSWORD),
                        Set.of("out", "format", "encryption")), Set.of("chain", "extended-properties", "delete-key", "force", "json")));
                case "trust", "distrust" -> everywhere(command, Args.parse(command, rest, Set.of(), Set.of("everywhere", "json")));
                default -> throw new UsageException("cairn cert: unknown subcommand '" + command + "'.");
            };
        } catch (UsageException e) {
            io.err().println(e.getMessage());
            return USAGE;
        } catch (CommandException e) {
            io.err().println("cairn cert " + command + ": " + e.getMessage());
            if (debug && e.getCause() != null) {
                e.getCause().printStackTrace(io.err());
            }
            return FAILED;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    // ---- options shared by the subcommands

    private static Scope scope(Args args) throws UsageException {
        try {
            return args.value("scope").map(Scope::fromToken).orElse(Scope.currentUser());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scope: " + e.getMessage());
        }
    }

    private static Optional<LogicalStore> store(Args args) throws UsageException {
        try {
            return args.value("store").map(LogicalStore::parse);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }

    private CertificateStore open(Scope scope) throws CommandException {
        try {
            return services().stores().open(scope);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Opens the scope and, when a database password was given, unlocks the physical stores that wait for one (NSS
     * databases with a primary password). A password that fits none of them is an error; one that fits some leaves
     * the others locked, with a warning.
     */
    private CertificateStore open(Scope scope, Args args) throws CommandException, UsageException {
        CertificateStore store = open(scope);
        if (!args.has("db-password-file") && !args.has("db-password-env")) {
            return store;
        }
        char[] password = io.secret(args, "db-password-file", "db-password-env").orElseThrow();
        try {
            List<CertificateStore.PhysicalStoreInfo> locked = store.lockedStores();
            List<String> wrong = new ArrayList<>();
            for (CertificateStore.PhysicalStoreInfo info : locked) {
                if (!store.unlock(info.location(), password)) {
                    wrong.add(info.name() + " (" + info.location() + ")");
                }
            }
            if (!locked.isEmpty() && wrong.size() == locked.size()) {
                throw new CommandException("the database password (--db-password-file/--db-password-env) is wrong for "
                        + String.join(", ", wrong) + ". Nothing was done.");
            }
            for (String w : wrong) {
                io.err().println("warning: the database password does not fit " + w + "; its private keys stay hidden.");
            }
            return store;
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static String thumbprint(String given) throws UsageException {
        try {
            return CertificateStore.normalizeThumbprint(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** @return the entries with that thumbprint, in the given store or in every store of the scope */
    private static List<CertificateEntry> find(CertificateStore store, Optional<LogicalStore> logical, String thumbprint)
            throws CommandException {
        try {
            return logical.isPresent() ? store.find(logical.get(), thumbprint).map(List::of).orElse(List.of())
                    : store.find(thumbprint);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * @param nothingDone what the message says was left alone when the certificate is ambiguous
     * @return the one entry with that thumbprint, in the given store or else in the only store of the scope holding it
     */
    private static CertificateEntry findOne(CertificateStore store, Scope scope, Optional<LogicalStore> logical,
            String thumbprint, String nothingDone) throws CommandException {
        List<CertificateEntry> entries = find(store, logical, thumbprint);
        if (entries.isEmpty()) {
            throw new CommandException("no certificate with thumbprint " + thumbprint + " in "
                    + logical.map(LogicalStore::displayName).orElse("any store") + " of " + scope.displayName() + ".");
        }
        if (entries.size() > 1) {
            throw new CommandException("the certificate " + thumbprint + " is in several stores ("
                    + String.join(", ", entries.stream().map(e -> e.logicalStore().shortName()).toList())
                    + "); say which with --store. " + nothingDone);
        }
        return entries.get(0);
    }

    // ---- list

    private int list(Args args) throws UsageException, CommandException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("cairn cert list takes no arguments (got " + String.join(" ", args.positional())
                    + "); use --store NAME to list one store.");
        }
        Scope scope = scope(args);
        Optional<LogicalStore> logical = store(args);
        CertificateStore store = open(scope, args);
        StoreListing listing;
        try {
            listing = logical.isPresent() ? store.list(logical.get()) : store.listAll();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        for (StoreProblem problem : listing.problems()) {
            io.err().println("warning: " + problem.location() + ": " + problem.message());
        }
        boolean physical = args.has("physical");
        if (args.has("json")) {
            List<Object> all = new ArrayList<>();
            for (CertificateEntry e : listing.entries()) {
                all.add(summary(e));
            }
            if (physical) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("physicalStores", physicalStores(store, logical));
                m.put("certificates", all);
                io.out().println(Json.write(m));
            } else {
                io.out().println(Json.write(all));
            }
            return DONE;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(physical
                ? new String[] {"Store", "Physical Store", "Thumbprint", "Issued To", "Issued By", "Expiration Date", "Key", "Friendly Name"}
                : new String[] {"Store", "Thumbprint", "Issued To", "Issued By", "Expiration Date", "Key", "Friendly Name"});
        for (CertificateEntry e : listing.entries()) {
            String key = e.hasPrivateKey() ? (e.exportable() ? "exportable" : "yes") : "";
            rows.add(physical
                    ? new String[] {e.logicalStore().shortName(), String.join(", ", e.physicalStores()), e.thumbprint(),
                        e.issuedTo(), e.issuedBy(), DAY.format(e.notAfter()), key, e.friendlyName()}
                    : new String[] {e.logicalStore().shortName(), e.thumbprint(), e.issuedTo(), e.issuedBy(),
                        DAY.format(e.notAfter()), key, e.friendlyName()});
        }
        table(rows);
        if (physical) {
            io.out().println();
            List<String[]> stores = new ArrayList<>();
            stores.add(new String[] {"Store", "Physical Store", "Writable", "Locked", "Location"});
            for (Map<String, Object> p : physicalStores(store, logical)) {
                stores.add(new String[] {(String) p.get("store"), (String) p.get("name"),
                    (Boolean) p.get("writable") ? "yes" : "no", (Boolean) p.get("locked") ? "yes" : "", (String) p.get("location")});
            }
            table(stores);
            if (Runtime.version().feature() < 22) {
                // the NSS bundle needs java.lang.foreign (final in 22) and does not resolve on older runtimes
                io.err().println("note: the NSS databases (browsers' certificates) show only on Java 22 or newer; this is Java "
                        + Runtime.version().feature() + ".");
            }
        }
        io.out().println(listing.entries().size() + " certificate(s) in " + logical.map(LogicalStore::displayName)
                .orElse("all stores") + " of " + scope.displayName() + ".");
        return DONE;
    }

    /** @return the physical stores behind the logical store (or every one), with where they are */
    private static List<Map<String, Object>> physicalStores(CertificateStore store, Optional<LogicalStore> logical)
            throws CommandException {
        try {
            java.util.Set<String> locked = new java.util.HashSet<>();
            for (CertificateStore.PhysicalStoreInfo info : store.lockedStores()) {
                locked.add(info.location());
            }
            List<Map<String, Object>> all = new ArrayList<>();
            for (LogicalStore l : logical.map(List::of).orElse(List.of(LogicalStore.values()))) {
                for (CertificateStore.PhysicalStoreInfo info : store.physicalStores(l)) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("store", l.shortName());
                    m.put("name", info.name());
                    m.put("location", info.location());
                    m.put("writable", info.writable());
                    m.put("locked", locked.contains(info.location()));
                    all.add(m);
                }
            }
            return all;
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private void table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(row[i]);
                if (i < row.length - 1) {
                    out.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append('\n');
        }
        io.out().print(out);
    }

    private static Map<String, Object> summary(CertificateEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thumbprint", e.thumbprint());
        m.put("subject", e.subject());
        m.put("issuer", e.issuer());
        m.put("issuedTo", e.issuedTo());
        m.put("issuedBy", e.issuedBy());
        m.put("serialNumber", e.serialNumber());
        m.put("notBefore", e.notBefore().toString());
        m.put("notAfter", e.notAfter().toString());
        m.put("friendlyName", e.friendlyName());
        m.put("description", e.description());
        m.put("purposes", e.purposes().stream().map(Purpose::displayName).toList());
        m.put("hasPrivateKey", e.hasPrivateKey());
        m.put("exportable", e.exportable());
        m.put("store", e.logicalStore().shortName());
        m.put("storeName", e.logicalStore().displayName());
        m.put("physicalStore", e.physicalStore());
        m.put("scope", e.scope().token());
        return m;
    }

    // ---- show

    private int show(Args args) throws UsageException, CommandException {
        if (args.positional().isEmpty()) {
            throw new UsageException("cairn cert show: give one or more thumbprints.");
        }
        Scope scope = scope(args);
        Optional<LogicalStore> logical = store(args);
        CertificateStore store = open(scope, args);
        List<Object> shown = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String given : args.positional()) {
            String thumbprint = thumbprint(given);
            List<CertificateEntry> entries = find(store, logical, thumbprint);
            if (entries.isEmpty()) {
                missing.add(thumbprint);
            }
            for (CertificateEntry entry : entries) {
                Map<String, Object> details = details(store, entry);
                details.put("heldIn", heldIn(thumbprint));
                if (args.has("json")) {
                    shown.add(details);
                } else {
                    printDetails(details);
                }
            }
        }
        if (args.has("json")) {
            io.out().println(Json.write(shown));
        }
        if (!missing.isEmpty()) {
            throw new CommandException("no certificate with thumbprint " + String.join(", ", missing) + " in "
                    + logical.map(LogicalStore::displayName).orElse("any store") + " of " + scope.displayName()
                    + ". List them with cairn cert list" + (scope instanceof Scope.CurrentUser ? "" : " --scope " + scope.token()) + ".");
        }
        return DONE;
    }

    /** Where is this certificate held: every physical store of the current user's and the computer's scope. */
    private List<String> heldIn(String thumbprint) throws CommandException {
        try {
            return Everywhere.holders(services().stores(), thumbprint).stream().map(Everywhere.Place::line).toList();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** {@code trust|distrust THUMBPRINT --everywhere}: {@link Everywhere}; each place on its own line. */
    private int everywhere(String command, Args args) throws UsageException, CommandException {
        if (!args.has("everywhere") || args.positional().size() != 1) {
            throw new UsageException("cairn cert " + command + ": give one THUMBPRINT and --everywhere (cairn cert "
                    + command + " --help).");
        }
        String thumbprint = thumbprint(args.positional().get(0));
        List<Everywhere.Place> places;
        try {
            if (command.equals("trust")) {
                X509Certificate root = Everywhere.certificate(services().stores(), thumbprint).orElseThrow(() ->
                        new CommandException("no certificate with thumbprint " + thumbprint + " in any store of "
                                + "the current user or the computer; import it first (cairn cert import FILE)."));
                places = Everywhere.trust(services().stores(), root, thumbprint);
            } else {
                places = Everywhere.distrust(services().stores(), thumbprint);
            }
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (args.has("json")) {
            List<Object> all = new ArrayList<>();
            for (Everywhere.Place p : places) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scope", p.scope().token());
                m.put("store", p.store().shortName());
                m.put("physicalStore", p.physicalStore());
                m.put("outcome", p.outcome());
                all.add(m);
            }
            io.out().println(Json.write(all));
        } else {
            places.forEach(p -> io.out().println(p.line()));
            if (places.isEmpty()) {
                io.out().println("No place to change: no writable physical store behind Trusted Root Certification"
                        + " Authorities of the current user or the computer.");
            }
        }
        boolean failed = places.stream().anyMatch(p -> p.outcome().startsWith("not changed"));
        return failed ? FAILED : DONE;
    }

    private static Map<String, Object> details(CertificateStore store, CertificateEntry entry) throws CommandException {
        Map<String, Object> m = summary(entry);
        X509Certificate certificate;
        try {
            certificate = entry.certificate();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        m.put("version", "V" + certificate.getVersion());
        m.put("signatureAlgorithm", certificate.getSigAlgName());
        m.put("publicKey", publicKey(certificate));
        m.put("sha256", entry.sha256());
        m.put("properties", entry.properties());
        m.put("physicalStores", entry.physicalStores());
        m.put("exportableWhyNot", store.whyKeyNotExportable(entry).map(AccessDenial::message).orElse(null));
        m.put("template", entry.template());
        List<Object> extensions = new ArrayList<>();
        for (CertificateExtensions.Extension e : CertificateExtensions.of(certificate)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("oid", e.oid());
            x.put("name", e.name());
            x.put("critical", e.critical());
            x.put("value", e.text());
            extensions.add(x);
        }
        m.put("extensions", extensions);
        // the verdict the certificate dialog and the list show: one computation in the core
        Map<String, Object> status = new LinkedHashMap<>();
        try {
            ChainValidation validation = store.validate(entry);
            CertificationPath path = validation.path();
            List<Object> chain = new ArrayList<>();
            for (int i = 0; i < path.certificates().size(); i++) {
                CertificateEntry c = path.certificates().get(i);
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("thumbprint", c.thumbprint());
                link.put("subject", c.subject());
                link.put("store", c.logicalStore().shortName());
                link.put("status", validation.statuses().get(i).code());
                chain.add(link);
            }
            m.put("chain", chain);
            m.put("chainStatus", path.status().name());
            m.put("missingIssuer", path.missingIssuer().orElse(null));
            // what the whole path allows (a CA's extended key usage narrows the leaf's): the certificate dialog's
            // and the list's Intended Purposes; "purposes" stays the certificate's own
            m.put("validPurposes", validation.purposes().stream().map(Purpose::displayName).toList());
            status.put("code", validation.status().code());
            status.put("message", StatusWords.message(validation.status()));
            status.put("failedAt", validation.failedAt().isPresent() ? validation.failedAt().getAsInt() : null);
            status.put("detail", validation.detail());
        } catch (CertificateStoreException e) {
            m.put("chainStatus", "ERROR: " + e.getMessage());
            status.put("code", CertificateStatus.CANNOT_CHECK.code());
            status.put("message", StatusWords.message(CertificateStatus.CANNOT_CHECK));
            status.put("failedAt", null);
            status.put("detail", e.getMessage());
        }
        m.put("status", status);
        return m;
    }

    private static String publicKey(X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        if (key instanceof java.security.interfaces.RSAKey rsa) {
            return "RSA (" + rsa.getModulus().bitLength() + " bits)";
        }
        if (key instanceof java.security.interfaces.ECKey ec) {
            return "ECC (" + ec.getParams().getCurve().getField().getFieldSize() + " bits)";
        }
        if (key instanceof java.security.interfaces.DSAKey dsa) {
            return "DSA (" + dsa.getParams().getP().bitLength() + " bits)";
        }
        return key.getAlgorithm();
    }

    private void printDetails(Map<String, Object> d) {
        StringBuilder out = new StringBuilder();
        String[][] fields = {
            {"Thumbprint", "thumbprint"}, {"Subject", "subject"}, {"Issuer", "issuer"}, {"Version", "version"},
            {"Serial number", "serialNumber"}, {"Valid from", "notBefore"}, {"Valid to", "notAfter"},
            {"Signature algorithm", "signatureAlgorithm"}, {"Public key", "publicKey"}, {"SHA-256", "sha256"},
            {"Intended purposes", d.containsKey("validPurposes") ? "validPurposes" : "purposes"},
            {"Certificate template", "template"},
            {"Friendly name", "friendlyName"}, {"Description", "description"},
            {"Extended properties", "properties"}, {"Store", "storeName"}, {"Physical store", "physicalStore"}};
        for (String[] f : fields) {
            out.append(String.format("%-20s %s%n", f[0] + ":", text(d.get(f[1]))));
        }
        if (d.get("heldIn") instanceof List<?> held && !held.isEmpty()) {
            out.append("Held in:\n");
            held.forEach(h -> out.append("  ").append(h).append('\n'));
        }
        boolean key = Boolean.TRUE.equals(d.get("hasPrivateKey"));
        out.append(String.format("%-20s %s%n", "Private key:", key ? "yes, you have a private key that corresponds to this certificate" : "no"));
        out.append(String.format("%-20s %s%n", "Exportable:", d.get("exportableWhyNot") == null ? "yes" : "no (" + d.get("exportableWhyNot") + ")"));
        if (d.get("extensions") instanceof List<?> extensions && !extensions.isEmpty()) {
            out.append("Extensions:\n");
            for (Object o : extensions) {
                Map<?, ?> x = (Map<?, ?>) o;
                out.append("  ").append(x.get("name")).append(Boolean.TRUE.equals(x.get("critical")) ? " (critical)" : "")
                        .append(":\n");
                for (String line : String.valueOf(x.get("value")).split("\\R")) {
                    out.append("    ").append(line).append('\n');
                }
            }
        }
        Map<?, ?> status = (Map<?, ?>) d.get("status");
        out.append(String.format("%-20s %s%n", "Certificate status:", status.get("message")));
        out.append("Certification path (" + d.get("chainStatus") + "):\n");
        Object chain = d.get("chain");
        if (chain instanceof List<?> links) {
            int depth = 0;
            for (int i = links.size() - 1; i >= 0; i--) {
                Map<?, ?> link = (Map<?, ?>) links.get(i);
                out.append("  ").append("  ".repeat(depth++)).append(link.get("subject")).append("  [")
                        .append(link.get("store")).append(' ').append(link.get("thumbprint")).append("]\n");
            }
        }
        if (d.get("missingIssuer") != null) {
            out.append("  issuer not found: ").append(d.get("missingIssuer")).append('\n');
        }
        out.append('\n');
        io.out().print(out);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "" : map.toString();
        }
        return value == null ? "" : value.toString();
    }

    // ---- export

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
                List<ExportFormat> others = services().exporter().formats().stream().filter(f -> !f.isBuiltIn()).toList();
                return others.stream().filter(f -> f.id().equalsIgnoreCase(name)).findFirst()
                        .orElseThrow(() -> new UsageException("--format: use pfx, der, base64 or p7b"
                                + (others.isEmpty() ? "" : ", or one of the installed formats "
                                        + String.join(", ", others.stream().map(f -> f.id() + " (" + f.displayName()
                                                + ")").toList()))
                                + " (got '" + name + "')."));
            }
        }
    }

    private int export(Args args) throws UsageException, CommandException {
        String thumbprint = thumbprint(args.one("thumbprint"));
        Path target = Path.of(args.value("out").orElseThrow(() -> new UsageException(
                "cairn cert export: --out FILE is required (the file to write).")));
        ExportFormat format = format(args.value("format").orElse("pfx"));
        Pkcs12Encryption encryption = switch (args.value("encryption").orElse("aes256-sha256").toLowerCase(Locale.ROOT)) {
            case "aes256-sha256" -> Pkcs12Encryption.AES256_SHA256;
            case "tripledes-sha1" -> Pkcs12Encryption.TRIPLEDES_SHA1;
            default -> throw new UsageException("--encryption: use aes256-sha256 or tripledes-sha1 (got '"
                    + args.value("encryption").orElse("") + "').");
        };
        boolean pfx = format.equals(ExportFormat.PKCS12);
        for (String option : List.of("extended-properties", "delete-key", "encryption", "password-file", "password-env")) {
            if (!pfx && args.has(option)) {
                throw new UsageException("cairn cert export: --" + option + " applies to --format pfx only.");
            }
        }
        if (format.equals(ExportFormat.DER) && args.has("chain")) {
            throw new UsageException("cairn cert export: a DER file holds one certificate; use --format p7b, base64 or pfx with --chain.");
        }
        Scope scope = scope(args);
        Optional<LogicalStore> logical = store(args);
        CertificateStore store = open(scope, args);
        CertificateEntry entry = findOne(store, scope, logical, thumbprint, "Nothing was written.");
        boolean withKey = pfx && entry.hasPrivateKey();
        if (args.has("delete-key") && !withKey) {
            throw new CommandException("--delete-key: the certificate " + thumbprint + " has no private key here. Nothing was written.");
        }
        if (!args.has("force") && java.nio.file.Files.exists(target)) {
            throw new CommandException(target + " exists; it was kept. Give --force to replace it, or another --out file.");
        }
        char[] password = pfx ? io.password(args, "Password to protect " + target.getFileName() + ": ", true) : null;
        try {
            if (pfx && io.console().isPresent() && !args.has("password-file") && !args.has("password-env")) {
                // typed without echo: ask again, as the wizard's "Confirm password" does
                char[] again = io.console().get().readPassword("%s", "Confirm password: ");
                boolean same = again != null && Arrays.equals(password, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    throw new CommandException("the two passwords typed differ. Nothing was written.");
                }
            }
            if (pfx && password.length == 0) {
                throw new CommandException("a PFX file needs a non-empty password (--password-file, --password-env or "
                        + "standard input). Nothing was written.");
            }
            ExportRequest request = ExportRequest.builder(ExportSource.of(entry), format, target).includePrivateKey(withKey)
                    .includeChain(args.has("chain")).extendedProperties(args.has("extended-properties"))
                    .deletePrivateKey(args.has("delete-key")).encryption(encryption).password(password)
                    .overwrite(args.has("force")).build();
            ExportResult result;
            try {
                result = services().exporter().export(request);
            } catch (ExportException e) {
                if (e.reason() == ExportException.Reason.INVALID_REQUEST) {
                    throw new UsageException("cairn cert export: " + e.getMessage());
                }
                throw new CommandException(e.getMessage(), e);
            }
            if (args.has("json")) {
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
            return DONE;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    // ---- import

    private int importFile(Args args) throws UsageException, CommandException {
        Path file = Path.of(args.one("file to import"));
        Scope scope = scope(args);
        Optional<LogicalStore> logical = store(args);
        if (logical.isPresent() && args.has("auto")) {
            throw new UsageException("cairn cert import: give either --store NAME or --auto, not both.");
        }
        Optional<String> physical = args.value("physical-store");
        if (physical.isPresent() && logical.isEmpty()) {
            throw new UsageException("cairn cert import: --physical-store NAME needs --store NAME too (the logical store "
                    + "it is behind; cairn cert list --physical lists them).");
        }
        StoreChoice choice = physical.isPresent() ? StoreChoice.chosen(logical.orElseThrow(), physical.get())
                : logical.map(StoreChoice::chosen).orElse(StoreChoice.automatic());
        if (args.has("db-password-file") || args.has("db-password-env")) {
            open(scope, args); // gives the NSS databases their primary password for this process
        }
        boolean needsPassword;
        try {
            needsPassword = services().importer().needsPassword(file);
        } catch (ImportException e) {
            throw new CommandException(e.getMessage(), e);
        }
        char[] password = needsPassword ? io.password(args, "Password for " + file.getFileName() + ": ", true) : new char[0];
        try (ImportRequest request = new ImportRequest(file, password, scope, choice, args.has("exportable"),
                args.has("extended-properties"))) {
            ImportResult result = services().importer().importFile(request);
            if (args.has("json")) {
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
            return DONE;
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
        CertificateStore opened = open(scope);
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

    // ---- new-self-signed

    private int newSelfSigned(Args args) throws UsageException, CommandException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("cairn cert new-self-signed takes no arguments (got " + String.join(" ", args.positional())
                    + "); the subject goes in --subject.");
        }
        String subject = args.value("subject").orElseThrow(() -> new UsageException(
                "cairn cert new-self-signed: --subject DN is required, for example --subject \"CN=www.example.org,O=Example\"."));
        KeyAlgorithm algorithm = switch (args.value("key").orElse("ec-p256").toLowerCase(Locale.ROOT)) {
            case "rsa2048" -> KeyAlgorithm.RSA_2048;
            case "rsa3072" -> KeyAlgorithm.RSA_3072;
            case "rsa4096" -> KeyAlgorithm.RSA_4096;
            case "ec-p256" -> KeyAlgorithm.EC_P256;
            case "ec-p384" -> KeyAlgorithm.EC_P384;
            case "ed25519" -> KeyAlgorithm.ED25519;
            default -> throw new UsageException("--key: use rsa2048, rsa3072, rsa4096, ec-p256, ec-p384 or ed25519 (got '"
                    + args.value("key").orElse("") + "').");
        };
        int days;
        try {
            days = Integer.parseInt(args.value("days").orElse("365"));
        } catch (NumberFormatException e) {
            throw new UsageException("--days: give a whole number of days (got '" + args.value("days").orElse("") + "').");
        }
        if (days < 1 || days > 36_500) {
            throw new UsageException("--days: give between 1 and 36500 days (got " + days + ").");
        }
        List<Purpose> purposes = new ArrayList<>();
        for (String name : args.value("eku").map(s -> s.split(",")).orElse(new String[0])) {
            purposes.add(purpose(name.trim()));
        }
        LogicalStore target = store(args).orElse(LogicalStore.PERSONAL);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateRequest request;
        try {
            request = CertificateRequest.of(subject).withAlgorithm(algorithm).withValidity(now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(days))).withPurposes(purposes)
                    .withFriendlyName(args.value("friendly-name").orElse("")).withExportable(args.has("exportable"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("cairn cert new-self-signed: " + e.getMessage());
        }
        CertificateStore store = open(scope(args));
        CertificateEntry entry;
        try {
            entry = services().factory().createSelfSignedIn(store, target, request);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (args.has("json")) {
            io.out().println(Json.write(summary(entry)));
        } else {
            io.out().println("Created " + entry.thumbprint() + "  " + entry.subject() + " in " + target.displayName()
                    + " (" + algorithm.displayName() + ", valid to " + DAY.format(entry.notAfter()) + ", key "
                    + (entry.exportable() ? "exportable" : "not exportable") + ").");
        }
        return DONE;
    }

    private static Purpose purpose(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "serverauth" -> Purpose.SERVER_AUTHENTICATION;
            case "clientauth" -> Purpose.CLIENT_AUTHENTICATION;
            case "codesigning" -> Purpose.CODE_SIGNING;
            case "emailprotection" -> Purpose.SECURE_EMAIL;
            case "timestamping" -> Purpose.TIME_STAMPING;
            case "ocspsigning" -> Purpose.OCSP_SIGNING;
            case "ipsecike" -> Purpose.IP_SECURITY_IKE;
            case "smartcardlogon" -> Purpose.SMART_CARD_LOGON;
            case "documentsigning" -> Purpose.DOCUMENT_SIGNING;
            case "efs" -> Purpose.ENCRYPTING_FILE_SYSTEM;
            case "any" -> Purpose.ANY_PURPOSE;
            default -> {
                if (name.matches("[0-2](\\.[0-9]+)+")) {
                    yield Purpose.ofOid(name);
                }
                throw new UsageException("--eku: unknown purpose '" + name + "'. Use serverAuth, clientAuth, codeSigning, "
                        + "emailProtection, timeStamping, OCSPSigning, ipsecIKE, smartcardLogon, documentSigning, efs, any, or an OID.");
            }
        };
    }

    // ---- delete

    private int delete(Args args) throws UsageException, CommandException {
        String thumbprint = thumbprint(args.one("thumbprint"));
        Scope scope = scope(args);
        Optional<LogicalStore> logical = store(args);
        CertificateStore store = open(scope);
        CertificateEntry entry = findOne(store, scope, logical, thumbprint, "Nothing was deleted.");
        try {
            store.delete(entry);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage() + " Nothing was deleted.", e);
        }
        if (args.has("json")) {
            io.out().println(Json.write(summary(entry)));
        } else {
            io.out().println("Deleted " + thumbprint + "  " + entry.subject() + " from " + entry.logicalStore().displayName()
                    + (entry.hasPrivateKey() ? ", with its private key." : "."));
        }
        return DONE;
    }

    // ---- protocol

    /** What a console on another computer asks first (org.cairn.certificates.remote): the protocol this side speaks. */
    private int protocol(Args args) throws UsageException {
        if (!args.positional().isEmpty()) {
            throw new UsageException("cairn cert protocol takes no arguments.");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", Integer.valueOf(org.cairn.certificates.remote.RemoteCairn.PROTOCOL));
        m.put("subcommands", List.of("list", "show", "export", "import", "delete", "new-self-signed", "inspect"));
        io.out().println(args.has("json") ? Json.write(m) : "cairn cert protocol " + m.get("protocol"));
        return DONE;
    }

    // ---- inspect

    private int inspect(Args args) throws UsageException, CommandException {
        Path file = Path.of(args.one("PKCS #12 file"));
        char[] password = io.password(args, "", false);
        Pkcs12Report report;
        try {
            report = services().importer().inspect(file, args.has("password-file") || args.has("password-env")
                    ? Optional.of(password) : Optional.empty());
        } catch (ImportException e) {
            throw new CommandException(e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (args.has("json")) {
            io.out().println(Json.write(Inspect.toMap(report)));
        } else {
            io.out().print(Inspect.toText(file, report));
        }
        if (report.problem().isPresent()) {
            // the report above describes what could be read; the refusal itself belongs on standard error too
            io.err().println("cairn cert inspect: " + report.problem().get());
            return FAILED;
        }
        return DONE;
    }
}
