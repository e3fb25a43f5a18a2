package org.cairn.certificates.pkcs12.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception.Reason;

/**
 * Private keys: from PKCS #8 structures to Java keys (with the Java runtime's own providers, which is what the
 * certificate store reads keys back with), their type as people name it, and the check that a key belongs to a
 * certificate.
 */
public final class KeyFactories {

    private static final Map<String, String> ALGORITHMS = Map.of(
            "1.2.840.113549.1.1.1", "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            "1.2.840.10045.2.1", "EC",
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448",
            "1.3.101.110", "X25519",
            "1.3.101.111", "X448");

    private static final Map<String, String> CURVES = Map.of(
            "1.2.840.10045.3.1.7", "P-256",
            "1.3.132.0.34", "P-384",
            "1.3.132.0.35", "P-521",
            "1.3.132.0.33", "P-224");

    private KeyFactories() {
    }

    /**
     * @param info a decoded PKCS #8 PrivateKeyInfo
     * @return the Java key
     * @throws Pkcs12Exception UNSUPPORTED naming the algorithm, or CORRUPT when the key does not decode
     */
    public static PrivateKey toJava(PrivateKeyInfo info) throws Pkcs12Exception {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        String algorithm = ALGORITHMS.get(oid);
        if (algorithm == null) {
            throw new Pkcs12Exception(Reason.UNSUPPORTED, "The file holds a private key of type " + Algorithms.name(oid)
                    + ", which Cairn's certificate stores do not support (RSA, EC, DSA, Ed25519, Ed448, X25519 and X448 are).",
                    null, oid);
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            // the runtime's message may quote the key's bytes (InvalidKeyException does): it is never shown, and
            // the cause is dropped so that no trace prints it either
            throw new Pkcs12Exception(Reason.CORRUPT, "The " + algorithm + " private key in the file cannot be decoded: "
                    + "the key is damaged or uses parameters the Java runtime does not support. Get a new copy of the file.");
        }
    }

    /** @return "RSA-2048", "EC-P-256", "DSA-1024", "Ed25519", ... */
    public static String describe(PrivateKey key) {
        if (key instanceof RSAKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof DSAPrivateKey dsa) {
            return "DSA-" + dsa.getParams().getP().bitLength();
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        if (oid.equals("1.2.840.10045.2.1")) {
            ASN1Encodable params = info.getPrivateKeyAlgorithm().getParameters();
            if (params instanceof ASN1ObjectIdentifier curve) {
                String name = CURVES.get(curve.getId());
                if (name == null) {
                    name = ECNamedCurveTable.getName(curve);
                }
                return "EC-" + (name == null ? curve.getId() : name);
            }
            return "EC (explicit parameters)";
        }
        return ALGORITHMS.getOrDefault(oid, key.getAlgorithm());
    }

    /** @return whether the key belongs to the certificate's public key ({@link KeyPairCheck}) */
    public static boolean matches(PrivateKey key, X509Certificate certificate) {
        return KeyPairCheck.mismatch(key, certificate.getPublicKey()).isEmpty();
    }
}
