package org.cairn.certificates.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One folder of the "Certificate purpose" view: a purpose and the certificates that have it.
 *
 * @param purpose the purpose ({@link Purpose#ALL} for certificates without EKU)
 * @param entries the certificates with that purpose, in the order they were given
 */
public record PurposeGroup(Purpose purpose, List<CertificateEntry> entries) {

    public PurposeGroup {
        Objects.requireNonNull(purpose, "purpose");
        entries = List.copyOf(entries);
    }

    /**
     * Groups entries by each of their purposes; a certificate with three EKUs is in three groups, one
     * without EKU in the {@link Purpose#ALL} group.
     *
     * @param entries the entries to group
     * @return the groups, {@link Purpose#ALL} first and then by purpose name; no empty group
     */
    public static List<PurposeGroup> group(Collection<CertificateEntry> entries) {
        TreeMap<Purpose, List<CertificateEntry>> groups = new TreeMap<>();
        for (CertificateEntry entry : entries) {
            for (Purpose purpose : entry.purposes()) {
                groups.computeIfAbsent(purpose, p -> new ArrayList<>()).add(entry);
            }
        }
        List<PurposeGroup> result = new ArrayList<>(groups.size());
        groups.forEach((p, list) -> result.add(new PurposeGroup(p, list)));
        return List.copyOf(result);
    }
}
