package org.cairn.certificates.export.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.Pkcs12Protection;

/**
 * Re-opens a written export file and compares it with what was meant to be written, before the export is
 * reported as successful (and before the key may be deleted). A seam: tests inject one that fails.
 */
interface ExportVerifier {

    /**
     * @param file     the written (synced, not yet renamed) file
     * @param format   its format
     * @param expected what it must hold; the key is present exactly when the file must hold it
     * @param options  for PKCS #12: the protection it must have; {@code null} for other formats
     * @param password for PKCS #12: the password; not kept, not changed
     * @return which readers agreed and, for PKCS #12, the protection read from the file
     * @throws ExportException VERIFICATION_FAILED with what differed
     */
    Verification verify(Path file, ExportFormat format, ExportMaterial expected, Pkcs12Encoder.Options options,
            char[] password) throws ExportException;

    /**
     * The outcome of a successful verification.
     *
     * @param readers    the independent readers that agreed, for the result
     * @param protection for PKCS #12, as read from the file
     */
    record Verification(List<String> readers, Optional<Pkcs12Protection> protection) {
        public Verification {
            readers = List.copyOf(readers);
            if (readers.isEmpty()) {
                throw new IllegalArgumentException("a verification needs at least one reader");
            }
            Objects.requireNonNull(protection, "protection");
        }
    }
}
