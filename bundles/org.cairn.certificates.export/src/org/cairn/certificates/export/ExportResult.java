package org.cairn.certificates.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an export wrote, for the wizard's completion page, the command line's receipt and an audit log. It
 * never holds the password.
 *
 * @param file                      the written file (absolute)
 * @param size                      its size in bytes
 * @param sha256                    SHA-256 of its content, 64 upper-case hex digits
 * @param format                    the format
 * @param protection                for PKCS #12: algorithms and iteration counts as read back from the file
 * @param certificates              the certificates written, leaf first
 * @param chainCertificatesNotFound when the chain was asked for and is incomplete: the issuer names (RFC 2253)
 *                                  that no store holds; empty when the path is complete or not asked for
 * @param keyWritten                whether the private key is in the file
 * @param keyDeleted                whether the private key was deleted from the store afterwards
 * @param keyNotDeletedReason       when deletion was asked for but did not happen after a successful export:
 *                                  why, and what to do; empty otherwise
 * @param verifiedBy                the independent readers that re-opened the file and agreed with what was
 *                                  meant to be written
 */
public record ExportResult(Path file, long size, String sha256, ExportFormat format,
        Optional<Pkcs12Protection> protection, List<ExportedCertificate> certificates,
        List<String> chainCertificatesNotFound, boolean keyWritten, boolean keyDeleted,
        Optional<String> keyNotDeletedReason, List<String> verifiedBy) {

    public ExportResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(protection, "protection");
        certificates = List.copyOf(certificates);
        chainCertificatesNotFound = List.copyOf(chainCertificatesNotFound);
        Objects.requireNonNull(keyNotDeletedReason, "keyNotDeletedReason");
        verifiedBy = List.copyOf(verifiedBy);
    }
}
