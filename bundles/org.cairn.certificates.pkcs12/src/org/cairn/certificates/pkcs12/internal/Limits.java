package org.cairn.certificates.pkcs12.internal;

/**
 * The bounds on every number a certificate file controls. Each is far above what real files use (the corpus of
 * third-party files and every writer we know) and far below what would take minutes or gigabytes.
 */
public final class Limits {

    /**
     * Iteration counts of one key derivation: OpenSSL writes 2,048, Windows 2,000, the JDK 10,000, Cairn 100,000 by
     * default and at most 1,000,000; OWASP's advice for PBKDF2-HMAC-SHA256 is 600,000.
     */
    public static final int MAX_ITERATIONS = 2_000_000;
    /**
     * The total work one read may ask for, in iterations x blocks summed over every derivation (MAC, each safe,
     * each key) and every password form tried (an empty password is tried as BMPString 00 00 and as absent).
     * Measured on a loaded 2-core machine, a million PBKDF2-HMAC-SHA256 iterations take 1.2 s (warm) to 4.7 s (cold):
     * this bound keeps the worst file to seconds. The most demanding real files seen (the corpus: 3DES at 600,000
     * iterations, PBKDF2-HMAC-SHA-512 at 1,000,000) and a file Cairn exports at its maximum (3 x 1,000,000) fit.
     */
    public static final long MAX_WORK = 6_000_000L;
    /** A PBKDF2 derived key (PBES2, PBMAC1) in bytes: AES-256 needs 32, an HMAC-SHA-512 key 64, RC2 at most 128. */
    public static final int MAX_KEY_BYTES = 128;
    /** RC2's effective key bits (RFC 8018: at most 1024). */
    public static final int MAX_RC2_BITS = 1024;
    /** scrypt: N x r (memory is 128 x N x r bytes: 128 MB at this bound). */
    public static final long MAX_SCRYPT_N_R = 1L << 20;
    /** scrypt's parallelisation p. */
    public static final int MAX_SCRYPT_P = 16;
    /** Salts of key derivations and MACs, in bytes (real files use 8 to 64). */
    public static final int MAX_SALT_BYTES = 1024;
    /** Nesting of ASN.1 structures in one decoded object (a PKCS #12 file uses about 12). */
    public static final int MAX_DEPTH = 64;
    /** ASN.1 elements in one decoded object. */
    public static final int MAX_ELEMENTS = 500_000;
    /** Safes in a PKCS #12 file's authenticated safe. */
    public static final int MAX_SAFES = 256;
    /** Bags in a file, all safes together (certificates, keys, CRLs, ...). */
    public static final int MAX_BAGS = 10_000;
    /** Nested safeContents bags inside one another. */
    public static final int MAX_BAG_NESTING = 8;
    /** Attributes on one bag. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Certificates in a PKCS #7 or PEM file, and PEM blocks. */
    public static final int MAX_CERTIFICATES = 10_000;

    private Limits() {
    }

    /**
     * @param what what the file asks for, in the user's words ("a PBKDF2 key length of 300 bytes")
     * @param bound the bound, in the same words ("at most 128 bytes")
     * @return the refusal
     */
    public static Pkcs12Exception refused(String what, String bound) {
        return new Pkcs12Exception(Pkcs12Exception.Reason.LIMIT, "The file asks for " + what + "; a valid certificate "
                + "file needs " + bound + ". It is damaged or was made to stall the computer, and was not read.");
    }
}
