package org.cairn.certificates.export;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything the Certificate Export Wizard (or the command line) gathered: an immutable request that the
 * {@link CertificateExportService} carries out. Build one with {@link #builder(ExportSource, ExportFormat, Path)}.
 *
 * <p><b>The password.</b> The request keeps a reference to the caller's {@code char[]} (no copy, so that there
 * is exactly one array for the caller to clear). {@link CertificateExportService#export} copies it, clears its
 * own copies before it returns, and never changes the caller's array, so a request can be submitted again (for
 * example with {@code overwrite} after "the file exists"). Clear the array when done, with {@link #close()} or
 * {@link Arrays#fill(char[], char)}. {@link #toString()} never shows it.</p>
 *
 * @param source             the certificate to export
 * @param format             the file format
 * @param includePrivateKey  "Yes, export the private key" (PKCS #12 only)
 * @param includeChain       "Include all certificates in the certification path if possible"
 *                           (PKCS #7, PKCS #12 and Base-64)
 * @param extendedProperties "Export all extended properties" (PKCS #12 only): the description and the extended
 *                           properties of the entry as bag attributes, besides friendlyName and localKeyId
 * @param deletePrivateKey   "Delete the private key if the export is successful" (PKCS #12 with key only); the
 *                           key is deleted only after the written file was read back and verified
 * @param encryption         PKCS #12 protection (ignored by other formats)
 * @param strongProtection   use the strong iteration count of {@link ExportSettings} (PKCS #12 only)
 * @param password           PKCS #12 password, non-empty; {@code null} for other formats
 * @param target             the file to write; its folder must exist
 * @param overwrite          replace {@code target} if it exists (otherwise the export is refused)
 */
public record ExportRequest(ExportSource source, ExportFormat format, boolean includePrivateKey,
        boolean includeChain, boolean extendedProperties, boolean deletePrivateKey, Pkcs12Encryption encryption,
        boolean strongProtection, char[] password, Path target, boolean overwrite) implements AutoCloseable {

    public ExportRequest {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encryption, "encryption");
        Objects.requireNonNull(target, "target");
    }

    /**
     * @param source the certificate
     * @param format the format
     * @param target the file to write
     * @return a builder with the wizard's defaults: no key, no chain, no extended properties, no deletion,
     *         AES256-SHA256, strong protection, no password, no overwrite
     */
    public static Builder builder(ExportSource source, ExportFormat format, Path target) {
        return new Builder(source, format, target);
    }

    /** @return a builder holding this request's values (the same password array) */
    public Builder toBuilder() {
        Builder b = new Builder(source, format, target);
        b.includePrivateKey = includePrivateKey;
        b.includeChain = includeChain;
        b.extendedProperties = extendedProperties;
        b.deletePrivateKey = deletePrivateKey;
        b.encryption = encryption;
        b.strongProtection = strongProtection;
        b.password = password;
        b.overwrite = overwrite;
        return b;
    }

    /** Clears the password array (the caller's array: see the class comment). */
    @Override
    public void close() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** @return the options, with the password shown only as present or absent */
    @Override
    public String toString() {
        return "ExportRequest[source=" + source.scope().token() + "/" + source.store().shortName() + "/"
                + source.thumbprint() + ", format=" + format + ", includePrivateKey=" + includePrivateKey
                + ", includeChain=" + includeChain + ", extendedProperties=" + extendedProperties
                + ", deletePrivateKey=" + deletePrivateKey + ", encryption=" + encryption + ", strongProtection="
                + strongProtection + ", password=" + (password == null ? "none" : "(given)") + ", target=" + target
                + ", overwrite=" + overwrite + "]";
    }

    /** Builds an {@link ExportRequest}; the defaults are the wizard's. */
    public static final class Builder {
        private final ExportSource source;
        private final ExportFormat format;
        private final Path target;
        private boolean includePrivateKey;
        private boolean includeChain;
        private boolean extendedProperties;
        private boolean deletePrivateKey;
        private Pkcs12Encryption encryption = Pkcs12Encryption.AES256_SHA256;
        private boolean strongProtection = true;
        private char[] password;
        private boolean overwrite;

        private Builder(ExportSource source, ExportFormat format, Path target) {
            this.source = source;
            this.format = format;
            this.target = target;
        }

        /** @param value export the private key @return this builder */
        public Builder includePrivateKey(boolean value) {
            this.includePrivateKey = value;
            return this;
        }

        /** @param value include the certification path @return this builder */
        public Builder includeChain(boolean value) {
            this.includeChain = value;
            return this;
        }

        /** @param value export all extended properties @return this builder */
        public Builder extendedProperties(boolean value) {
            this.extendedProperties = value;
            return this;
        }

        /** @param value delete the private key after a verified export @return this builder */
        public Builder deletePrivateKey(boolean value) {
            this.deletePrivateKey = value;
            return this;
        }

        /** @param value the PKCS #12 protection @return this builder */
        public Builder encryption(Pkcs12Encryption value) {
            this.encryption = value;
            return this;
        }

        /** @param value strong protection (high iteration count) @return this builder */
        public Builder strongProtection(boolean value) {
            this.strongProtection = value;
            return this;
        }

        /** @param value the password; the request keeps this array (no copy) @return this builder */
        public Builder password(char[] value) {
            this.password = value;
            return this;
        }

        /** @param value replace an existing file @return this builder */
        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        /** @return the request */
        public ExportRequest build() {
            return new ExportRequest(source, format, includePrivateKey, includeChain, extendedProperties,
                    deletePrivateKey, encryption, strongProtection, password, target, overwrite);
        }
    }
}
