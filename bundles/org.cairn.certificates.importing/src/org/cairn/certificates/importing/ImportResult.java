package org.cairn.certificates.importing;

import java.util.List;
import java.util.Objects;

import org.cairn.certificates.core.Scope;

/**
 * The result of a successful import: every certificate of the file is in a store.
 *
 * @param format       the kind of file
 * @param scope        the scope whose stores received the certificates
 * @param certificates one per certificate of the file, in file order
 * @param notes        what the file held that was left out, and why
 */
public record ImportResult(FileFormat format, Scope scope, List<ImportedCertificate> certificates, List<String> notes) {

    public ImportResult {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scope, "scope");
        certificates = List.copyOf(certificates);
        notes = List.copyOf(notes);
    }

    /** @return how many certificates were added (not counting those already present) */
    public long added() {
        return certificates.stream().filter(c -> !c.alreadyPresent()).count();
    }
}
