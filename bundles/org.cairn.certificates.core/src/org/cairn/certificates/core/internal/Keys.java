package org.cairn.certificates.core.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

/**
 * PKCS#8 encoding and decoding of private keys (the check that a key belongs to a certificate is
 * {@link org.cairn.certificates.core.KeyPairCheck}). Only the Java runtime's
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
}
