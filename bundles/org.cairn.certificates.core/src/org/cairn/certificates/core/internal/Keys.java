package org.cairn.certificates.core.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Optional;

/**
 * PKCS#8 encoding of private keys, and the check that a key belongs to a certificate. Only the Java runtime's
 * providers are used, so the store itself (and the command line) does not need Bouncy Castle to read keys.
 */
final class Keys {

    private Keys() {
    }

    /** @return the PKCS#8 PrivateKeyInfo DER of the key */
    static byte[] toPkcs8(PrivateKey key) {
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equalsIgnoreCase(key.getFormat())) {
            throw new IllegalArgumentException("The private key (" + key.getAlgorithm()
                    + ") cannot be exported as PKCS#8; it may live in a token, which this store cannot hold.");
        }
        return der;
    }

    /** Key factories tried in turn; each refuses a key of another algorithm. */
    private static final List<String> FACTORIES = List.of("RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA", "XDH");

    /** @return the key decoded from PKCS#8 DER, with the JCA providers of the runtime */
    static PrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : FACTORIES) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException | RuntimeException e) {
                last = e instanceof GeneralSecurityException g ? g : new GeneralSecurityException(e);
            }
        }
        throw new GeneralSecurityException("not a PKCS#8 private key of a supported type (RSA, EC, EdDSA, RSASSA-PSS, DSA, XDH)", last);
    }

    /**
     * @return empty when {@code key} signs what the certificate's public key verifies (or the key type cannot
     *         sign, in which case the algorithms must match); else what is wrong
     */
    static Optional<String> mismatch(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> "EdDSA";
            case "DSA" -> "SHA256withDSA";
            case "RSASSA-PSS" -> null;
            default -> null;
        };
        if (algorithm == null) {
            return key.getAlgorithm().equalsIgnoreCase(publicKey.getAlgorithm()) ? Optional.empty()
                    : Optional.of("the key is " + key.getAlgorithm() + " but the certificate's key is " + publicKey.getAlgorithm());
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature) ? Optional.empty()
                    : Optional.of("the private key does not belong to the certificate's public key");
        } catch (GeneralSecurityException e) {
            return Optional.of("the private key does not belong to the certificate's public key (" + e.getMessage() + ")");
        }
    }
}
