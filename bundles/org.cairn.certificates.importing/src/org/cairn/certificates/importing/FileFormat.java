package org.cairn.certificates.importing;

/** The kinds of file the import reads, recognised by their content (the extension is only a hint). */
public enum FileFormat {
    /** Personal Information Exchange, PKCS #12 (.pfx, .p12). */
    PKCS12("Personal Information Exchange - PKCS #12 (.PFX, .P12)"),
    /** One X.509 certificate, DER encoded binary (.cer, .crt). */
    DER_CERTIFICATE("DER encoded binary X.509 (.CER)"),
    /** One X.509 certificate, Base-64 encoded (.cer, .crt). */
    BASE64_CERTIFICATE("Base-64 encoded X.509 (.CER)"),
    /** Cryptographic Message Syntax Standard, PKCS #7 certificates (.p7b, .p7c), DER or Base-64. */
    PKCS7("Cryptographic Message Syntax Standard - PKCS #7 Certificates (.P7B)"),
    /** A PEM file with certificates and private keys (PKCS #8, encrypted or not; PKCS #1; SEC1). */
    PEM_BUNDLE("PEM bundle (.PEM): certificates and private keys");

    private final String displayName;

    FileFormat(String displayName) {
        this.displayName = displayName;
    }

    /** @return the name as the import wizard shows it */
    public String displayName() {
        return displayName;
    }
}
