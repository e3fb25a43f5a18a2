package org.cairn.certificates.core;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a private key belongs to a public key (a certificate's): a fresh challenge signed with the private
 * key must verify with the public key. The one check the store (on install), the import (pairing keys with
 * certificates) and the export (reading its file back) all make.
 *
 * <p>RSA keys whose moduli differ are told apart at once, without signing. Key types that cannot sign
 * (X25519, X448, RSASSA-PSS without parameters) can only be compared by algorithm.</p>
 *
 * @since 1.1
 */
public final class KeyPairCheck {

    private KeyPairCheck() {
    }

    /**
     * With the Java runtime's providers.
     *
     * @param privateKey the private key
     * @param publicKey  the public key, e.g. {@code certificate.getPublicKey()}
     * @return empty when they form a pair; else what is wrong, in words for a message
     */
    public static Optional<String> mismatch(PrivateKey privateKey, PublicKey publicKey) {
        return mismatch(privateKey, publicKey, null);
    }

    /**
     * @param privateKey the private key
     * @param publicKey  the public key
     * @param provider   the provider to sign and verify with; {@code null} for the runtime's
     * @return empty when they form a pair; else what is wrong, in words for a message
     */
    public static Optional<String> mismatch(PrivateKey privateKey, PublicKey publicKey, Provider provider) {
        if (privateKey instanceof RSAKey rsa && publicKey instanceof RSAKey rsaPublic
                && !rsa.getModulus().equals(rsaPublic.getModulus())) {
            return Optional.of("the private key does not belong to the certificate's public key (another RSA modulus)");
        }
        Optional<String> algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        if (algorithm.isEmpty()) {
            return privateKey.getAlgorithm().equalsIgnoreCase(publicKey.getAlgorithm()) ? Optional.empty()
                    : Optional.of("the key is " + privateKey.getAlgorithm() + " but the certificate's key is "
                            + publicKey.getAlgorithm());
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = signature(algorithm.get(), provider);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signed = signer.sign();
            Signature verifier = signature(algorithm.get(), provider);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signed) ? Optional.empty()
                    : Optional.of("the private key does not belong to the certificate's public key");
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of("the private key does not belong to the certificate's public key (" + e.getMessage() + ")");
        }
    }

    private static Signature signature(String algorithm, Provider provider) throws GeneralSecurityException {
        return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
    }

    private static Optional<String> signatureAlgorithm(String keyAlgorithm) {
        return Optional.ofNullable(switch (keyAlgorithm.toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "ED25519" -> "Ed25519";
            case "ED448" -> "Ed448";
            case "EDDSA" -> "EdDSA";
            default -> null;
        });
    }
}
