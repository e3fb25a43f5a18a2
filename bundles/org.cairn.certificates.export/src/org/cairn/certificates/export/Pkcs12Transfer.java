package org.cairn.certificates.export;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.export.internal.Pkcs12Transfers;

/**
 * A PKCS #12 file made in memory by the export engine's own encoder, to carry one certificate with its private key
 * and attributes (friendly name, description, extended properties) to another store's import: the console's
 * "Another computer" imports there this way. Nothing is read from a store and nothing is written to disk; the
 * caller chooses a strong, one-time password, sends the bytes, and clears the password.
 *
 * @since 1.2
 */
public final class Pkcs12Transfer {

    private Pkcs12Transfer() {
    }

    /**
     * @param certificate the certificate
     * @param key         its private key, if it goes along (the caller checked that it belongs to the certificate)
     * @param attributes  its friendly name (no attribute when empty), description and extended properties
     * @param iterations  the PBKDF2 iteration count ({@link ExportSettings#iterations(boolean)})
     * @param password    the file's password, not empty; not kept, not changed
     * @return the file's bytes: AES256-SHA256 ({@link Pkcs12Encryption#AES256_SHA256}) for the key, the
     *         certificate and the MAC
     * @throws ExportException {@link ExportException.Reason#CRYPTO_FAILED} when it cannot be encoded
     */
    public static byte[] encode(X509Certificate certificate, Optional<PrivateKey> key, EntryAttributes attributes,
            int iterations, char[] password) throws ExportException {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        if (password == null || password.length == 0) {
            throw new ExportException(ExportException.Reason.INVALID_REQUEST, "A PKCS #12 file to carry a certificate "
                    + "needs a password.");
        }
        try {
            return Pkcs12Transfers.encode(List.of(certificate), key, attributes, iterations, password,
                    new SecureRandom());
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new ExportException(ExportException.Reason.CRYPTO_FAILED, "Cannot encode the PKCS #12 file: "
                    + e.getMessage() + ". The Java runtime may lack an algorithm.", e);
        }
    }
}
