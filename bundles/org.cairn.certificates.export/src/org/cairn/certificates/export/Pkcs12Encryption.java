package org.cairn.certificates.export;

/**
 * How a PKCS #12 file is protected: the wizard's "Encryption" choice.
 *
 * <p>The iteration count is not part of the choice: it comes from "strong protection" and the
 * {@link ExportSettings}. The same count is used for the key, the certificates and the MAC.</p>
 */
public enum Pkcs12Encryption {
    /**
     * The default: PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC for the key and the certificates, and an
     * HMAC-SHA256 integrity MAC. Read by Windows 10 1709 / Server 2019 and later, OpenSSL 1.1.1 and later,
     * Java 11 and later, NSS and GnuTLS.
     */
    AES256_SHA256("AES256-SHA256", "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)", "HMAC-SHA256",
            "Windows 10 1709 / Server 2019 and later, OpenSSL 1.1.1 and later, Java 11 and later, NSS, GnuTLS"),
    /**
     * For older applications: pbeWithSHAAnd3-KeyTripleDES-CBC for the key and the certificates and an HMAC-SHA1
     * MAC, as Windows Server 2016 and Java 8 expect.
     */
    TRIPLEDES_SHA1("TripleDES-SHA1", "pbeWithSHAAnd3-KeyTripleDES-CBC", "HMAC-SHA1",
            "older applications: Windows Server 2016 and earlier, Java 8, older appliances; also everything above");

    private final String displayName;
    private final String encryptionAlgorithm;
    private final String macAlgorithm;
    private final String readableBy;

    Pkcs12Encryption(String displayName, String encryptionAlgorithm, String macAlgorithm, String readableBy) {
        this.displayName = displayName;
        this.encryptionAlgorithm = encryptionAlgorithm;
        this.macAlgorithm = macAlgorithm;
        this.readableBy = readableBy;
    }

    /** @return the name Windows' wizard uses ({@code AES256-SHA256}, {@code TripleDES-SHA1}) */
    public String displayName() {
        return displayName;
    }

    /** @return the algorithm that encrypts the key and the certificates */
    public String encryptionAlgorithm() {
        return encryptionAlgorithm;
    }

    /** @return the integrity MAC over the whole file */
    public String macAlgorithm() {
        return macAlgorithm;
    }

    /** @return which applications can read such a file, for the wizard's explanation */
    public String readableBy() {
        return readableBy;
    }
}
