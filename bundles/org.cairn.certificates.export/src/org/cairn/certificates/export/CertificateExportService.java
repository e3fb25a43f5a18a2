package org.cairn.certificates.export;

import java.util.List;

/**
 * The one export engine behind the Certificate Export Wizard, the command line and third-party snap-ins: DER,
 * Base-64, PKCS #7 and PKCS #12 files, and the certificate-only formats other bundles add, written atomically with owner-only permissions and read back before
 * success is reported.
 *
 * <p>Available as an OSGi Declarative Services service, or without OSGi through
 * {@link CertificateExportServices#create}. Implementations are thread-safe.</p>
 */
public interface CertificateExportService {

    /**
     * Exports a certificate. In order: checks the request; reads the certificate, the chain (if asked) and the
     * private key (if asked: only through the store's checked access, so a key that is absent, not exportable
     * or not accessible is refused, never written); writes a temporary file in the target folder (0600 when it
     * holds a key, else 0644), syncs it; re-opens it with independent readers and compares it with what was
     * meant to be written; renames it to the target and syncs the folder; only then, if asked, deletes the
     * private key from the store (the certificate stays).
     *
     * @param request what to export; its password array is copied, not changed
     * @return what was written
     * @throws ExportException with a reason and a message that says what to do; nothing was written then
     *                         (an existing target is unchanged) and no key was deleted
     */
    ExportResult export(ExportRequest request) throws ExportException;

    /**
     * @return the settings the next export would use (iteration counts), for the wizard to show
     */
    ExportSettings settings();

    /**
     * @return the formats installed now: Windows' four ({@link ExportFormat#builtIn()}) in its order, then those
     *         of other bundles ({@link org.cairn.certificates.export.spi.CertificateFileFormat}) by name
     * @since 1.1
     */
    List<ExportFormat> formats();
}
