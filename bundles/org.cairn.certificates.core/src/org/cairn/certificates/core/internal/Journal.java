package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.cairn.certificates.core.LogicalStore;

/**
 * The journal of a change to several entries of one scope ({@code <scope root>/.cairn/journal}): which staged entry
 * directories become which entries. The writer stages every entry completely in its store's {@code .cairn/tmp/}
 * first (invisible to listings), then writes this file atomically and durably: that is the commit point. Before it,
 * a crash leaves only staging directories, which the next writer removes (nothing was added). After it, the next
 * writer, or a reader that may write, replays the journal: it moves every staged directory that is still there into
 * place, and deletes the journal (everything was added). A reader that may not write hides the journal's entries, so
 * a listing shows all of a change or none of it.
 *
 * <pre>
 * cairn-store-journal 1
 * add\t&lt;store short name&gt;\t&lt;thumbprint&gt;\t&lt;staging directory name in that store's .cairn/tmp&gt;
 * ...
 * end
 * </pre>
 */
final class Journal {

    static final String FILE = "journal";
    private static final String MAGIC = "cairn-store-journal 1";
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");
    private static final Pattern STAGING = Pattern.compile("[A-Za-z0-9-]{1,120}");
    /** Bounds for a file read back: an import of a million certificates is far beyond any real file. */
    private static final int MAX_BYTES = 64 << 20;
    private static final int MAX_ADDS = 1_000_000;

    /**
     * One entry the change adds.
     *
     * @param store      the logical store
     * @param thumbprint the entry's directory name
     * @param staging    the staged directory's name in the store's {@code .cairn/tmp}
     */
    record Add(LogicalStore store, String thumbprint, String staging) {
    }

    private Journal() {
    }

    static byte[] encode(List<Add> adds) {
        StringBuilder out = new StringBuilder(MAGIC).append('\n');
        for (Add a : adds) {
            out.append("add\t").append(a.store().shortName()).append('\t').append(a.thumbprint()).append('\t')
                    .append(a.staging()).append('\n');
        }
        return out.append("end\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** What a journal file holds. */
    sealed interface Content {
    }

    /** No journal: no multi-entry change is under way or was cut short. */
    record None() implements Content {
    }

    /** A committed change, to be replayed. */
    record Committed(List<Add> adds) implements Content {
    }

    /** A file that is not a journal this version wrote whole (changed by hand, or by a later version). */
    record Damaged(String why) implements Content {
    }

    /**
     * @param file the journal file
     * @return its content
     * @throws IOException when it exists but cannot be read (an account without access gets {@link None}: it cannot
     *                     replay anyway, and the listing it reads is then the state before the change)
     */
    static Content read(Path file) throws IOException {
        byte[] data;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return new Damaged("larger than " + MAX_BYTES + " bytes");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new None();
        } catch (AccessDeniedException e) {
            return new None();
        }
        String text = new String(data, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || !lines[0].equals(MAGIC) || !lines[lines.length - 2].equals("end")
                || !lines[lines.length - 1].isEmpty()) {
            return new Damaged("not a complete journal of version 1");
        }
        if (lines.length - 3 > MAX_ADDS) {
            return new Damaged("more than " + MAX_ADDS + " entries");
        }
        List<Add> adds = new ArrayList<>(lines.length - 3);
        for (int i = 1; i < lines.length - 2; i++) {
            String[] f = lines[i].split("\t", -1);
            if (f.length != 4 || !f[0].equals("add") || !THUMBPRINT.matcher(f[2]).matches()
                    || !STAGING.matcher(f[3]).matches()) {
                return new Damaged("line " + (i + 1) + " is not an entry");
            }
            Optional<LogicalStore> store = LogicalStore.fromShortName(f[1]);
            if (store.isEmpty() || !store.get().shortName().equals(f[1])) {
                return new Damaged("line " + (i + 1) + " names no store");
            }
            adds.add(new Add(store.get(), f[2], f[3]));
        }
        return new Committed(List.copyOf(adds));
    }
}
