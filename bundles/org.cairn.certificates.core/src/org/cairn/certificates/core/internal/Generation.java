package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change counter of one file store ({@code .cairn/generation}), the only thing that decides whether the
 * listing index is current. Every change advances it under the store lock, twice: to an odd value, durably,
 * before anything changes (from then on the index is stale, even if the writer dies), and to the next even value
 * once the change and the refreshed index are written. A reader without the lock compares the counter before and
 * after reading the entries: equal and even means no change ran in between.
 *
 * <p>The nonce is chosen when the file is first written, so that an index can never match a counter that started
 * again from zero (the file deleted or restored from a backup). Format: {@code cairn-store-generation 1 NONCE N}.</p>
 *
 * @param nonce random hex chosen when the counter was created
 * @param value the counter: even when no change is under way, odd while one is (or when a writer died in one)
 */
record Generation(String nonce, long value) {

    static final String FILE = "generation";
    private static final String MAGIC = "cairn-store-generation";
    private static final Pattern FORMAT = Pattern.compile(MAGIC + " 1 ([0-9a-f]{16}) ([0-9]{1,18})\n");
    /** Far beyond any real number of changes; a counter this high starts again under a new nonce. */
    private static final long LIMIT = 1L << 60;

    /** @return a new counter with a fresh nonce */
    static Generation fresh() {
        byte[] random = new byte[8];
        new SecureRandom().nextBytes(random);
        return new Generation(HexFormat.of().formatHex(random), 0);
    }

    /**
     * @param file the generation file
     * @return the counter, or empty when the file is missing, unreadable to this account, or damaged (then every
     *         index counts as stale, and the next writer starts a fresh counter)
     */
    static Optional<Generation> read(Path file) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        }
        if (data.length > 100) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(new String(data, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Generation(m.group(1), Long.parseLong(m.group(2))));
    }

    /** @return whether no change is under way (and none died half-way) */
    boolean stable() {
        return value % 2 == 0;
    }

    /** @return the odd value that marks a change under way; always different from this one */
    Generation begin() {
        if (value >= LIMIT) {
            return new Generation(fresh().nonce, 1);
        }
        return new Generation(nonce, stable() ? value + 1 : value + 2);
    }

    /** @return the even value that marks the change done (call on the value {@link #begin()} returned) */
    Generation end() {
        return new Generation(nonce, stable() ? value + 2 : value + 1);
    }

    /** @return how an index names the generation it was built at */
    String stamp() {
        return nonce + ":" + value;
    }

    byte[] encode() {
        return (MAGIC + " 1 " + nonce + " " + value + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
