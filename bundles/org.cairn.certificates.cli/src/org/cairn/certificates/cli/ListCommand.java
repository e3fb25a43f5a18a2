package org.cairn.certificates.cli;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.ChainValidator;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.ValidationOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn cert list}. */
@Command(name = "list", header = "list certificates", description = {"List the certificates of one logical store (--store), or of every store of the scope.",
    "--json gives an array; each object has thumbprint (SHA-1, upper-case hex), sha256, subject, issuer, issuedTo, issuedBy, "
        + "serialNumber, notBefore, notAfter (ISO-8601 UTC), friendlyName, description, purposes, hasPrivateKey, "
        + "exportable, store (short name), storeName, physicalStore, scope, properties (the extended properties). With --status, each object also has the verdict of cairn cert show "
        + "--json: status, chain (with each certificate's DER), chainStatus, missingIssuer, validPurposes."})
final class ListCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Mixin
    Options.ScopeStore where;
    @Option(names = "--physical", description = "Also the physical stores behind each logical store (Cairn's own "
            + ".Default, the system trust bundle, the user's NSS databases: \"NSS: Chrome and system\", \"Firefox: "
            + "PROFILE\", ...), with where they are; --json then gives an object with \"physicalStores\" (store, name, "
            + "location, writable, locked) and \"certificates\".")
    boolean physical;
    @Option(names = "--status", description = "With --json: each certificate's status and certification path, as "
            + "cairn cert show --json gives them (the stores validation needs are read once for the whole list).")
    boolean status;
    @Mixin
    Options.DbPassword db;
    @Mixin
    Options.Json json;
    @Mixin
    Options.Remote remote;

    private final Session session;

    ListCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        if (status && !json.json) {
            throw new UsageException("--status goes with --json (cairn cert show prints a certificate's status and "
                    + "certification path for people).");
        }
        Io io = session.io();
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        CertificateStore store = session.open(scope, db);
        StoreListing listing;
        try {
            listing = logical.isPresent() ? store.list(logical.get()) : store.listAll();
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        for (StoreProblem problem : listing.problems()) {
            io.err().println("warning: " + problem.location() + ": " + problem.message());
        }
        if (json.json) {
            List<CertificateEntry> entries = listing.entries();
            List<Map<String, Object>> all;
            if (status) {
                // validated before anything is printed: a failure leaves no half-written array
                ChainValidator validator = validator(store);
                all = new ArrayList<>();
                for (CertificateEntry e : entries) {
                    Map<String, Object> summary = Entries.summary(e);
                    Verdicts.put(summary, validator.validate(e));
                    all.add(summary);
                }
            } else {
                // each certificate's object made as it is printed and dropped after: the objects of a large store
                // never all exist at once, and neither does its text (Json.print)
                all = new AbstractList<>() {
                    @Override
                    public Map<String, Object> get(int index) {
                        return Entries.summary(entries.get(index));
                    }

                    @Override
                    public int size() {
                        return entries.size();
                    }
                };
            }
            if (physical) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("physicalStores", physicalStores(store, logical));
                m.put("certificates", all);
                Json.print(io.out(), m);
            } else {
                Json.print(io.out(), all);
            }
            return CertCommand.DONE;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(physical
                ? new String[] {"Store", "Physical Store", "Thumbprint", "Issued To", "Issued By", "Expiration Date", "Key", "Friendly Name"}
                : new String[] {"Store", "Thumbprint", "Issued To", "Issued By", "Expiration Date", "Key", "Friendly Name"});
        for (CertificateEntry e : listing.entries()) {
            String key = e.hasPrivateKey() ? (e.exportable() ? "exportable" : "yes") : "";
            rows.add(physical
                    ? new String[] {e.logicalStore().shortName(), String.join(", ", e.physicalStores()), e.thumbprint(),
                        e.issuedTo(), e.issuedBy(), Entries.day(e.notAfter()), key, e.friendlyName()}
                    : new String[] {e.logicalStore().shortName(), e.thumbprint(), e.issuedTo(), e.issuedBy(),
                        Entries.day(e.notAfter()), key, e.friendlyName()});
        }
        io.out().print(Entries.table(rows));
        if (physical) {
            io.out().println();
            List<String[]> stores = new ArrayList<>();
            stores.add(new String[] {"Store", "Physical Store", "Writable", "Locked", "Location"});
            for (Map<String, Object> p : physicalStores(store, logical)) {
                stores.add(new String[] {(String) p.get("store"), (String) p.get("name"),
                    (Boolean) p.get("writable") ? "yes" : "no", (Boolean) p.get("locked") ? "yes" : "", (String) p.get("location")});
            }
            io.out().print(Entries.table(stores));
            if (Runtime.version().feature() < 22) {
                // the NSS bundle needs java.lang.foreign (final in 22) and does not resolve on older runtimes
                io.err().println("note: the NSS databases (browsers' certificates) show only on Java 22 or newer; this is Java "
                        + Runtime.version().feature() + ".");
            }
        }
        io.out().println(listing.entries().size() + " certificate(s) in " + logical.map(LogicalStore::displayName)
                .orElse("all stores") + " of " + scope.displayName() + ".");
        return CertCommand.DONE;
    }

    private static ChainValidator validator(CertificateStore store) throws CommandException {
        try {
            return store.validator(ValidationOptions.defaults());
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
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
}
