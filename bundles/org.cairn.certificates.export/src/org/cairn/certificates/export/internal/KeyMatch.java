package org.cairn.certificates.export.internal;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;

/** Whether a private key belongs to a public key: a signature with one that verifies with the other. */
final class KeyMatch {

    private KeyMatch() {
    }

    /**
     * @param privateKey the decrypted key
     * @param publicKey  the certificate's public key
     * @param provider   the provider to sign and verify with; {@code null} for the runtime's default
     * @param random     randomness for the challenge
     * @return whether they form a pair
     * @throws GeneralSecurityException when the key type is not supported
     */
    static boolean matches(PrivateKey privateKey, PublicKey publicKey, Provider provider, SecureRandom random)
            throws GeneralSecurityException {
        String algorithm = signatureAlgorithm(privateKey.getAlgorithm());
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        Signature signer = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        signer.initSign(privateKey);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        return verifier.verify(signature);
    }

    private static String signatureAlgorithm(String keyAlgorithm) throws GeneralSecurityException {
        return switch (keyAlgorithm.toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "ED25519" -> "Ed25519";
            case "ED448" -> "Ed448";
            case "EDDSA" -> "EdDSA";
            default -> throw new GeneralSecurityException("cannot check a " + keyAlgorithm + " key against its certificate");
        };
    }
}
