package org.cairn.certificates.export;

import java.util.Objects;

/**
 * A certificate that was written to the export file.
 *
 * @param thumbprint SHA-1 thumbprint as Windows shows it (40 upper-case hex digits)
 * @param sha256     SHA-256 fingerprint (64 upper-case hex digits)
 * @param subject    subject distinguished name (RFC 2253)
 */
public record ExportedCertificate(String thumbprint, String sha256, String subject) {
    public ExportedCertificate {
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(subject, "subject");
    }
}
