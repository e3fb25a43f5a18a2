package org.cairn.certificates.export;

import java.util.Objects;

/**
 * How a written PKCS #12 file is protected, as read back from the file itself (not as requested).
 *
 * @param encryption                the profile that was asked for
 * @param keyAlgorithm              the algorithm protecting the private key, empty when no key was written
 * @param keyIterations             its iteration count, 0 when no key was written
 * @param certificateAlgorithm      the algorithm protecting the certificates
 * @param certificateIterations     its iteration count
 * @param macAlgorithm              the integrity MAC (for example {@code HMAC-SHA256})
 * @param macIterations             its iteration count
 */
public record Pkcs12Protection(Pkcs12Encryption encryption, String keyAlgorithm, int keyIterations,
        String certificateAlgorithm, int certificateIterations, String macAlgorithm, int macIterations) {
    public Pkcs12Protection {
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        Objects.requireNonNull(certificateAlgorithm, "certificateAlgorithm");
        Objects.requireNonNull(macAlgorithm, "macAlgorithm");
    }
}
