package org.cairn.certificates.core;

import java.util.List;
import java.util.Optional;

/**
 * What listing a store found: the readable entries and the problems (corrupt or unreadable entries, each
 * with its path), so one bad entry never hides the others.
 *
 * @param entries  the entries; a logical store's listing is sorted by Issued To (case-insensitive), then thumbprint
 * @param problems the entries that were skipped, with why
 */
public record StoreListing(List<CertificateEntry> entries, List<StoreProblem> problems) {

    public StoreListing {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /**
     * @param thumbprint a SHA-1 thumbprint, any case, spaces and colons ignored
     * @return the entry with that thumbprint
     */
    public Optional<CertificateEntry> find(String thumbprint) {
        String wanted = CertificateStore.normalizeThumbprint(thumbprint);
        return entries.stream().filter(e -> e.thumbprint().equals(wanted)).findFirst();
    }
}
