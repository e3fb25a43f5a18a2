package org.cairn.certificates.export;

/**
 * The file formats of the Certificate Export Wizard's "Export File Format" page.
 *
 * <p>Only {@link #PKCS12} can hold a private key; {@link #PKCS7}, {@link #PKCS12} and {@link #BASE64} can hold
 * the certification path ({@link #BASE64} as consecutive PEM blocks, leaf first, as Linux servers expect a
 * "full chain" file); {@link #DER} holds exactly one certificate.</p>
 */
public enum ExportFormat {
    /** DER encoded binary X.509 (.cer): the certificate alone, as bytes. */
    DER("DER encoded binary X.509", "cer", false, false),
    /** Base-64 encoded X.509 (.cer): PEM text ("-----BEGIN CERTIFICATE-----"). */
    BASE64("Base-64 encoded X.509", "cer", true, false),
    /** Cryptographic Message Syntax Standard, PKCS #7 certificates (.p7b): a degenerate SignedData. */
    PKCS7("Cryptographic Message Syntax Standard - PKCS #7 Certificates", "p7b", true, false),
    /** Personal Information Exchange, PKCS #12 (.pfx): certificates and, optionally, the private key. */
    PKCS12("Personal Information Exchange - PKCS #12", "pfx", true, true);

    private final String displayName;
    private final String fileExtension;
    private final boolean chain;
    private final boolean privateKey;

    ExportFormat(String displayName, String fileExtension, boolean chain, boolean privateKey) {
        this.displayName = displayName;
        this.fileExtension = fileExtension;
        this.chain = chain;
        this.privateKey = privateKey;
    }

    /** @return the name the wizard shows */
    public String displayName() {
        return displayName;
    }

    /** @return the usual file name extension, without the dot ({@code cer}, {@code p7b}, {@code pfx}) */
    public String fileExtension() {
        return fileExtension;
    }

    /** @return whether the format can hold the certification path besides the certificate */
    public boolean canHoldChain() {
        return chain;
    }

    /** @return whether the format can hold the private key */
    public boolean canHoldPrivateKey() {
        return privateKey;
    }
}
