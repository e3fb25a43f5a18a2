package org.cairn.certificates.export;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An export file format. The four of the Certificate Export Wizard's "Export File Format" page are built in
 * ({@link #DER}, {@link #BASE64}, {@link #PKCS7}, {@link #PKCS12}); other bundles add certificate-only formats
 * as {@link org.cairn.certificates.export.spi.CertificateFileFormat} services, and
 * {@link CertificateExportService#formats()} lists what is installed now.
 *
 * <p>Only {@link #PKCS12} can hold a private key: no other code path ever receives a key to write.
 * {@link #PKCS7}, {@link #PKCS12} and {@link #BASE64} can hold the certification path ({@link #BASE64} as
 * consecutive PEM blocks, leaf first, as Linux servers expect a "full chain" file); {@link #DER} holds exactly
 * one certificate. Formats are equal when their ids are.</p>
 *
 * @since 1.0 (a class since 1.1; it was an enum of the four built-in formats, whose ids are the former names)
 */
public final class ExportFormat {

    /** DER encoded binary X.509 (.cer): the certificate alone, as bytes. */
    public static final ExportFormat DER = new ExportFormat("DER", "DER encoded binary X.509", "cer", false, false);
    /** Base-64 encoded X.509 (.cer): PEM text ("-----BEGIN CERTIFICATE-----"). */
    public static final ExportFormat BASE64 = new ExportFormat("BASE64", "Base-64 encoded X.509", "cer", true, false);
    /** Cryptographic Message Syntax Standard, PKCS #7 certificates (.p7b): a degenerate SignedData. */
    public static final ExportFormat PKCS7 = new ExportFormat("PKCS7",
            "Cryptographic Message Syntax Standard - PKCS #7 Certificates", "p7b", true, false);
    /** Personal Information Exchange, PKCS #12 (.pfx): certificates and, optionally, the private key. */
    public static final ExportFormat PKCS12 = new ExportFormat("PKCS12", "Personal Information Exchange - PKCS #12",
            "pfx", true, true);

    private static final List<ExportFormat> BUILT_IN = List.of(DER, BASE64, PKCS7, PKCS12);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern EXTENSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    private final String id;
    private final String displayName;
    private final String fileExtension;
    private final boolean chain;
    private final boolean privateKey;

    private ExportFormat(String id, String displayName, String fileExtension, boolean chain, boolean privateKey) {
        this.id = id;
        this.displayName = displayName;
        this.fileExtension = fileExtension;
        this.chain = chain;
        this.privateKey = privateKey;
    }

    /**
     * A certificate-only format of another bundle.
     *
     * @param id            unique and stable (it names the format on the command line and in scripts), e.g.
     *                      {@code com.example.pem-with-text}: letters, digits, '.', '_', '-', at most 100
     * @param displayName   what the wizard shows
     * @param fileExtension the usual extension without the dot: letters and digits
     * @param canHoldChain  whether a file can hold the certification path besides the certificate
     * @return the format
     * @throws IllegalArgumentException when the id or extension is malformed, or the id is a built-in one
     */
    public static ExportFormat certificatesOnly(String id, String displayName, String fileExtension,
            boolean canHoldChain) {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("malformed format id: " + id);
        }
        if (BUILT_IN.stream().anyMatch(f -> f.id.equalsIgnoreCase(id))) {
            throw new IllegalArgumentException("the format id " + id + " is built in");
        }
        if (Objects.requireNonNull(displayName, "displayName").isBlank()) {
            throw new IllegalArgumentException("a format needs a name to show");
        }
        if (!EXTENSION.matcher(Objects.requireNonNull(fileExtension, "fileExtension")).matches()) {
            throw new IllegalArgumentException("malformed file extension: " + fileExtension);
        }
        return new ExportFormat(id, displayName, fileExtension, canHoldChain, false);
    }

    /** @return the four formats of Windows' wizard, in its order: DER, Base-64, PKCS #7, PKCS #12 */
    public static List<ExportFormat> builtIn() {
        return BUILT_IN;
    }

    /** @return whether this is one of the four built-in formats */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /** @return the stable id: {@code DER}, {@code BASE64}, {@code PKCS7}, {@code PKCS12}, or another bundle's */
    public String id() {
        return id;
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

    /** @return whether the format can hold the private key (only {@link #PKCS12}) */
    public boolean canHoldPrivateKey() {
        return privateKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportFormat that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
