package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;

/**
 * Find Certificates: the certificates of one logical store, or of all, whose chosen field contains a text
 * (case-insensitive; spaces and colons ignored in serial numbers and thumbprints, as they are copied with them).
 */
public final class CertificateSearch {

    /** The fields Find Certificates looks in, as Windows lists them. */
    public enum Field {
        /** The subject (common name or whole name). */
        ISSUED_TO("find.field.issuedTo"),
        /** The issuer (common name or whole name). */
        ISSUED_BY("find.field.issuedBy"),
        /** The serial number, hex. */
        SERIAL_NUMBER("find.field.serial"),
        /** The SHA-1 thumbprint, hex. */
        THUMBPRINT("find.field.thumbprint");

        private final String key;

        Field(String key) {
            this.key = key;
        }

        /** @return the name shown in the "Look in Field:" list */
        public String label() {
            return Messages.get(key);
        }

        boolean matches(CertificateEntry entry, String text) {
            String wanted = text.strip().toLowerCase(Locale.ROOT);
            return switch (this) {
                case ISSUED_TO -> contains(entry.issuedTo(), wanted) || contains(entry.subject(), wanted);
                case ISSUED_BY -> contains(entry.issuedBy(), wanted) || contains(entry.issuer(), wanted);
                case SERIAL_NUMBER -> contains(hex(entry.serialNumber()), hex(wanted));
                case THUMBPRINT -> contains(hex(entry.thumbprint()), hex(wanted));
            };
        }

        private static boolean contains(String value, String wanted) {
            return value.toLowerCase(Locale.ROOT).contains(wanted);
        }

        private static String hex(String value) {
            return value.replaceAll("[\\s:]", "").toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a search found.
     *
     * @param entries  the matching certificates, store by store
     * @param problems stores that could not be read, with why
     */
    public record Result(List<CertificateEntry> entries, List<String> problems) {
        /** Copies the lists. */
        public Result {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    private CertificateSearch() {
    }

    /** Searches {@code in} (every logical store when empty) of {@code store}. */
    public static Result find(CertificateStore store, Optional<LogicalStore> in, Field field, String text) {
        List<CertificateEntry> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (LogicalStore logical : in.map(List::of).orElse(List.of(LogicalStore.values()))) {
            try {
                for (CertificateEntry entry : store.list(logical).entries()) {
                    if (field.matches(entry, text)) {
                        found.add(entry);
                    }
                }
            } catch (CertificateStoreException e) {
                problems.add(logical.displayName() + ": " + e.getMessage());
            }
        }
        return new Result(found, problems);
    }
}
