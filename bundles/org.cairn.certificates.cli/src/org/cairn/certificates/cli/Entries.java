package org.cairn.certificates.cli;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;

/** Finding certificates by thumbprint and describing them, as the subcommands print them. */
final class Entries {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Entries() {
    }

    static String thumbprint(String given) throws UsageException {
        try {
            return CertificateStore.normalizeThumbprint(given);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** @return the entries with that thumbprint, in the given store or in every store of the scope */
    static List<CertificateEntry> find(CertificateStore store, Optional<LogicalStore> logical, String thumbprint)
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
    static CertificateEntry findOne(CertificateStore store, Scope scope, Optional<LogicalStore> logical,
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

    static Map<String, Object> summary(CertificateEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("thumbprint", e.thumbprint());
        m.put("sha256", e.sha256());
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
        m.put("properties", e.properties());
        return m;
    }

    /** @return the rows as columns two spaces apart, the first row the headings */
    static String table(List<String[]> rows) {
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
        return out.toString();
    }
}
