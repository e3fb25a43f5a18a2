package org.cairn.certificates.core;

/** The key types a new certificate can have, with the signature algorithm it is signed with. */
public enum KeyAlgorithm {
    /** RSA, 2048 bits, SHA256withRSA. */
    RSA_2048("RSA", 2048, "SHA256withRSA", "RSA 2048"),
    /** RSA, 3072 bits, SHA256withRSA. */
    RSA_3072("RSA", 3072, "SHA256withRSA", "RSA 3072"),
    /** RSA, 4096 bits, SHA384withRSA. */
    RSA_4096("RSA", 4096, "SHA384withRSA", "RSA 4096"),
    /** ECDSA on NIST P-256 (secp256r1), SHA256withECDSA. */
    EC_P256("EC", 256, "SHA256withECDSA", "ECDSA P-256"),
    /** ECDSA on NIST P-384 (secp384r1), SHA384withECDSA. */
    EC_P384("EC", 384, "SHA384withECDSA", "ECDSA P-384"),
    /** Ed25519 (RFC 8410). */
    ED25519("Ed25519", 255, "Ed25519", "Ed25519");

    private final String jcaName;
    private final int bits;
    private final String signatureAlgorithm;
    private final String displayName;

    KeyAlgorithm(String jcaName, int bits, String signatureAlgorithm, String displayName) {
        this.jcaName = jcaName;
        this.bits = bits;
        this.signatureAlgorithm = signatureAlgorithm;
        this.displayName = displayName;
    }

    /** @return the JCA key algorithm name: RSA, EC or Ed25519 */
    public String jcaName() {
        return jcaName;
    }

    /** @return the key size in bits */
    public int bits() {
        return bits;
    }

    /** @return the JCA signature algorithm used to sign with such a key */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** @return a name for menus, for example "ECDSA P-256" */
    public String displayName() {
        return displayName;
    }
}
