package org.cairn.certificates.cli;

import java.time.Instant;
import java.time.LocalDate;
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
        // made for every entry of a listing (10,000 and more): sized for its 19 keys, the dates and purposes without
        // java.time's formatter or a stream
        Map<String, Object> m = new LinkedHashMap<>(32);
        m.put("thumbprint", e.thumbprint());
        m.put("sha256", e.sha256());
        m.put("subject", e.subject());
        m.put("issuer", e.issuer());
        m.put("issuedTo", e.issuedTo());
        m.put("issuedBy", e.issuedBy());
        m.put("serialNumber", e.serialNumber());
        m.put("notBefore", instant(e.notBefore()));
        m.put("notAfter", instant(e.notAfter()));
        m.put("friendlyName", e.friendlyName());
        m.put("description", e.description());
        List<Purpose> purposes = e.purposes();
        String[] names = new String[purposes.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = purposes.get(i).displayName();
        }
        m.put("purposes", List.of(names));
        m.put("hasPrivateKey", e.hasPrivateKey());
        m.put("exportable", e.exportable());
        m.put("store", e.logicalStore().shortName());
        m.put("storeName", e.logicalStore().displayName());
        m.put("physicalStore", e.physicalStore());
        m.put("scope", e.scope().token());
        m.put("properties", e.properties());
        return m;
    }

    /**
     * @return the instant as {@link Instant#toString()} writes it ({@code 2026-12-07T18:14:15Z}), without its
     *         formatter for whole seconds of the years certificates use: a listing writes two for each entry, and the
     *         formatter's first thousands of calls (interpreted, then compiled code of the command line's quick JIT)
     *         took about a sixth of a 10,000-entry {@code list --json}'s own time
     */
    static String instant(Instant at) {
        if (at.getNano() != 0 || at.getEpochSecond() < FIRST || at.getEpochSecond() >= LAST) {
            return at.toString();
        }
        long seconds = at.getEpochSecond();
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        int time = (int) Math.floorMod(seconds, 86_400);
        char[] text = new char[20];
        digits(text, 0, day.getYear(), 4);
        text[4] = '-';
        digits(text, 5, day.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, day.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time / 3600, 2);
        text[13] = ':';
        digits(text, 14, time / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, time % 60, 2);
        text[19] = 'Z';
        return new String(text);
    }

    /** @return the day of the instant in UTC, as {@link #DAY} writes it ({@code 2026-12-07}) */
    static String day(Instant at) {
        return at.getEpochSecond() < FIRST || at.getEpochSecond() >= LAST ? DAY.format(at) : instant(at).substring(0, 10);
    }

    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years {@link #instant} writes with four digits */
    private static final long FIRST = -30_610_224_000L;
    private static final long LAST = 253_402_300_800L;

    private static void digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
