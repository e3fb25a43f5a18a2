package org.cairn.certificates.core.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;

/**
 * The listing cache of a file store ({@code .cairn/index}), version 3: what a listing needs, one line per entry,
 * so that opening a store of 10,000 certificates reads one file instead of 20,000. An index of another version is
 * rebuilt, never trusted (version 1 lacked the template; version 2 was judged by the directory's modification time).
 *
 * <p>It is only a cache, valid for exactly one {@link Generation} of the store: every change advances the generation
 * before it touches an entry, so an index written before the change (or by a writer that died) no longer matches and
 * is rebuilt. The store directory's modification time is kept beside it only to notice an entry directory that
 * another program added or removed by hand; it never decides about Cairn's own changes (it is coarse, and blind to
 * changes inside an entry).</p>
 *
 * <pre>
 * cairn-store-index 3 &lt;generation nonce:value&gt; &lt;store directory mtime, ns&gt;
 * E\tthumb\tsha256\tserial\tnotBefore-ms\tnotAfter-ms\thasKey(0|1)\tEKU OIDs (comma) or -\tsubject\tissuer\tfriendlyName\tdescription\texportable(0|1)\tname=value;...\ttemplate
 * P\tlocation\tmessage
 * </pre>
 */
final class IndexFormat {

    static final String MAGIC = "cairn-store-index";
    static final int VERSION = 3;

    private IndexFormat() {
    }

    static byte[] write(Generation generation, long mtime, StoreListing listing) {
        StringBuilder out = new StringBuilder(256 * (listing.entries().size() + 1));
        header(out, generation, mtime);
        for (CertificateEntry e : listing.entries()) {
            line(out, e);
        }
        for (StoreProblem p : listing.problems()) {
            out.append('P').append('\t').append(Escapes.escapeField(p.location())).append('\t')
                    .append(Escapes.escapeField(p.message())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder out, Generation generation, long mtime) {
        out.append(MAGIC).append(' ').append(VERSION).append(' ').append(generation.stamp()).append(' ').append(mtime)
                .append('\n');
    }

    /**
     * @param text       an index file's text
     * @param generation the store's generation now
     * @return the directory mtime the index was built at, when the index is complete, of this version and built at
     *         exactly this generation (which must be stable); else empty
     */
    static java.util.OptionalLong builtAt(String text, Generation generation) {
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 0 || !text.endsWith("\n") || !generation.stable()) {
            return java.util.OptionalLong.empty();
        }
        String[] header = text.substring(0, lineEnd).split(" ");
        if (header.length != 4 || !header[0].equals(MAGIC) || !header[1].equals(String.valueOf(VERSION))
                || !header[2].equals(generation.stamp()) || !header[3].matches("-?[0-9]{1,19}")) {
            return java.util.OptionalLong.empty();
        }
        try {
            return java.util.OptionalLong.of(Long.parseLong(header[3]));
        } catch (NumberFormatException e) {
            return java.util.OptionalLong.empty();
        }
    }

    private static void line(StringBuilder out, CertificateEntry e) {
        out.append('E').append('\t').append(e.thumbprint()).append('\t').append(e.sha256()).append('\t')
                .append(Escapes.escapeField(e.serialNumber())).append('\t')
                .append(e.notBefore().toEpochMilli()).append('\t').append(e.notAfter().toEpochMilli()).append('\t')
                .append(e.hasPrivateKey() ? '1' : '0').append('\t');
        List<Purpose> purposes = e.purposes();
        if (purposes.size() == 1 && purposes.get(0).equals(Purpose.ALL)) {
            out.append('-');
        } else {
            for (int i = 0; i < purposes.size(); i++) {
                out.append(i == 0 ? "" : ",").append(Escapes.escape(purposes.get(i).oid()));
            }
        }
        EntryAttributes a = e.attributes();
        out.append('\t').append(Escapes.escapeField(e.subject()))
                .append('\t').append(Escapes.escapeField(e.issuer()))
                .append('\t').append(Escapes.escapeField(a.friendlyName()))
                .append('\t').append(Escapes.escapeField(a.description()))
                .append('\t').append(a.exportable() ? '1' : '0').append('\t');
        boolean first = true;
        for (Map.Entry<String, String> p : a.properties().entrySet()) {
            // the full escape also covers tabs and line ends
            out.append(first ? "" : ";").append(Escapes.escape(p.getKey())).append('=').append(Escapes.escape(p.getValue()));
            first = false;
        }
        out.append('\t').append(Escapes.escapeField(e.template()));
        out.append('\n');
    }

    /**
     * The index after one entry changed, without reading the other entries again: the entry's line is dropped (and
     * any problem reported at its directory) and, when it still exists, written anew.
     *
     * @param valid      an index that was valid before the change
     * @param generation the generation the change ends with
     * @param mtime      the store directory's modification time after the change
     * @param thumbprint the changed entry
     * @param entryDir   its directory (problems are reported there)
     * @param now        the entry after the change, empty when it was deleted
     * @return the new index text
     */
    static String replace(String valid, Generation generation, long mtime, String thumbprint, String entryDir,
            Optional<CertificateEntry> now) {
        StringBuilder out = new StringBuilder(valid.length() + 512);
        header(out, generation, mtime);
        String entryPrefix = "E\t" + thumbprint + "\t";
        String problemPrefix = "P\t" + Escapes.escapeField(entryDir) + "\t";
        int pos = valid.indexOf('\n') + 1;
        while (pos < valid.length()) {
            int end = valid.indexOf('\n', pos) + 1;
            if (!valid.startsWith(entryPrefix, pos) && !valid.startsWith(problemPrefix, pos)) {
                out.append(valid, pos, end);
            }
            pos = end;
        }
        now.ifPresent(e -> line(out, e));
        return out.toString();
    }

    /**
     * @return the listing, or empty when the index is stale (built at another generation, or the directory changed
     *         by hand since), of another version, or damaged
     */
    static Optional<StoreListing> read(byte[] data, Generation generation, long mtime, Scope scope, LogicalStore store,
            String physical, Path storeDir) {
        String text = new String(data, StandardCharsets.UTF_8);
        java.util.OptionalLong builtAt = builtAt(text, generation);
        if (builtAt.isEmpty() || builtAt.getAsLong() != mtime) {
            return Optional.empty();
        }
        int lineEnd = text.indexOf('\n');
        List<CertificateEntry> entries = new ArrayList<>();
        List<StoreProblem> problems = new ArrayList<>();
        String[] fields = new String[15];
        int pos = lineEnd + 1;
        try {
            while (pos < text.length()) {
                int end = text.indexOf('\n', pos);
                int count = split(text, pos, end, fields);
                pos = end + 1;
                if (fields[0].equals("E") && count == 15) {
                    entries.add(entry(fields, scope, store, physical, storeDir));
                } else if (fields[0].equals("P") && count == 3) {
                    problems.add(new StoreProblem(store, physical, Escapes.unescape(fields[1]), Escapes.unescape(fields[2])));
                } else {
                    return Optional.empty();
                }
            }
        } catch (RuntimeException e) {
            // a damaged cache is rebuilt, never trusted
            return Optional.empty();
        }
        // already sorted after a full scan, so this is a linear pass; entries changed since are put in place
        entries.sort(FileStore.ORDER);
        return Optional.of(new StoreListing(entries, problems));
    }

    private static int split(String text, int from, int to, String[] fields) {
        int n = 0;
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || text.charAt(i) == '\t') {
                if (n == fields.length) {
                    return n + 1;
                }
                fields[n++] = text.substring(start, i);
                start = i + 1;
            }
        }
        return n;
    }

    private static CertificateEntry entry(String[] f, Scope scope, LogicalStore store, String physical, Path storeDir) {
        String thumbprint = f[1];
        Path dir = storeDir.resolve(thumbprint);
        List<String> oids = null;
        if (!f[7].equals("-")) {
            oids = new ArrayList<>();
            for (String oid : f[7].split(",")) {
                oids.add(Escapes.unescape(oid));
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        if (!f[13].isEmpty()) {
            for (String pair : f[13].split(";")) {
                int eq = pair.indexOf('=');
                properties.put(Escapes.unescape(pair.substring(0, eq)), Escapes.unescape(pair.substring(eq + 1)));
            }
        }
        return CertificateEntry.builder()
                .scope(scope).logicalStore(store).physicalStore(physical)
                .thumbprint(thumbprint).sha256(f[2]).serialNumber(Escapes.unescape(f[3]))
                .notBefore(Instant.ofEpochMilli(Long.parseLong(f[4]))).notAfter(Instant.ofEpochMilli(Long.parseLong(f[5])))
                .hasPrivateKey(f[6].equals("1"))
                .template(Escapes.unescape(f[14]))
                .purposes(Purpose.of(oids))
                .subject(Escapes.unescape(f[8])).issuer(Escapes.unescape(f[9]))
                .attributes(new EntryAttributes(Escapes.unescape(f[10]), Escapes.unescape(f[11]), f[12].equals("1"), properties))
                .location(dir.toString())
                .source(() -> Files.readAllBytes(dir.resolve(FileStore.CERTIFICATE)))
                .build();
    }
}
