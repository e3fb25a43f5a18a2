package org.cairn.certificates.export.spi;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;

import org.cairn.certificates.export.ExportFormat;

/**
 * A further export file format, contributed by another bundle as an OSGi Declarative Services service: it then
 * appears in the Certificate Export Wizard (after Windows' four formats), in {@code cairn cert export --format ID}
 * and in {@link org.cairn.certificates.export.CertificateExportService#formats()}, and goes away with its bundle.
 *
 * <p>Certificate-only by design: a contributed format never receives a private key. The service does everything
 * else as for the built-in formats (the request's checks, the store, the atomic write with 0644 permissions, the
 * refusal to overwrite) and verifies the file before reporting success: it reads the written bytes back with
 * {@link #read(byte[])} and requires exactly the certificates it asked {@link #write(List)} to write, in order.</p>
 *
 * <pre>
 * &#64;Component(service = CertificateFileFormat.class)
 * public final class PemWithText implements CertificateFileFormat {
 *     private static final ExportFormat FORMAT =
 *             ExportFormat.certificatesOnly("com.example.pem-with-text", "Base-64 with subject lines", "crt", true);
 *     public ExportFormat format() { return FORMAT; }
 *     public byte[] write(List&lt;X509Certificate&gt; certificates) { ... }
 *     public List&lt;X509Certificate&gt; read(byte[] content) { ... }
 * }
 * </pre>
 *
 * Implementations must be thread-safe and keep no state between calls.
 *
 * @since 1.1
 */
public interface CertificateFileFormat {

    /** @return the format, made with {@link ExportFormat#certificatesOnly}; the same object every time */
    ExportFormat format();

    /**
     * @param certificates the certificate first, then its issuers in path order when the path was asked for (only
     *                     when {@link ExportFormat#canHoldChain()})
     * @return the file content
     * @throws IOException              when the content cannot be encoded
     * @throws GeneralSecurityException when a certificate cannot be encoded
     */
    byte[] write(List<X509Certificate> certificates) throws IOException, GeneralSecurityException;

    /**
     * Reads a file of this format: the service's check of what {@link #write(List)} produced.
     *
     * @param content the file content as written to disk and read back
     * @return the certificates the file holds, in the file's order
     * @throws IOException              when the content is not a file of this format
     * @throws GeneralSecurityException when a certificate in it does not decode
     */
    List<X509Certificate> read(byte[] content) throws IOException, GeneralSecurityException;
}
