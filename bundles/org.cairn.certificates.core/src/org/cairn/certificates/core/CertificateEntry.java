package org.cairn.certificates.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * A certificate in a logical store of a scope: an immutable snapshot of what the listing shows
 * (thumbprint, subject, issuer, validity, purposes, attributes, key presence) plus the certificate itself,
 * which is read and parsed only when {@link #certificate()} or {@link #encoded()} is first called.
 *
 * <p>The private key is not part of an entry; it is reached through
 * {@link CertificateStore#exportablePrivateKey(CertificateEntry)}, which checks rights and the exportable
 * flag. Two entries are equal when they name the same certificate (thumbprint) in the same logical store
 * of the same scope; compare {@link #attributes()} to see changes.</p>
 */
public final class CertificateEntry {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    /** Reads the DER encoding of the certificate when it is first needed. */
    @FunctionalInterface
    public interface CertificateSource {
        /**
         * @return the DER encoding
         * @throws IOException when it cannot be read
         */
        byte[] load() throws IOException;
    }

    private final Scope scope;
    private final LogicalStore logicalStore;
    private final List<String> physicalStores;
    private final String thumbprint;
    private final String sha256;
    private final String subject;
    private final String issuer;
    private final String serialNumber;
    private final Instant notBefore;
    private final Instant notAfter;
    private final List<Purpose> purposes;
    private final EntryAttributes attributes;
    private final boolean hasPrivateKey;
    private final String template;
    private final String location;
    private final CertificateSource source;
    private volatile X509Certificate parsed;
    // caches of derived columns; racy but idempotent
    private String issuedTo;
    private String issuedBy;

    private CertificateEntry(Builder b) {
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.logicalStore = Objects.requireNonNull(b.logicalStore, "logicalStore");
        if (b.physicalStores == null || b.physicalStores.isEmpty()) {
            throw new IllegalArgumentException("an entry needs at least one physical store");
        }
        this.physicalStores = List.copyOf(b.physicalStores);
        this.thumbprint = requireHex(b.thumbprint, 40, "thumbprint");
        this.sha256 = requireHex(b.sha256, 64, "sha256");
        this.subject = Objects.requireNonNull(b.subject, "subject");
        this.issuer = Objects.requireNonNull(b.issuer, "issuer");
        this.serialNumber = Objects.requireNonNull(b.serialNumber, "serialNumber");
        this.notBefore = Objects.requireNonNull(b.notBefore, "notBefore");
        this.notAfter = Objects.requireNonNull(b.notAfter, "notAfter");
        this.purposes = List.copyOf(b.purposes);
        this.attributes = Objects.requireNonNull(b.attributes, "attributes");
        this.hasPrivateKey = b.hasPrivateKey;
        this.template = Objects.requireNonNull(b.template, "template");
        this.location = b.location;
        this.parsed = b.certificate;
        if (b.certificate == null && b.source == null) {
            throw new IllegalArgumentException("an entry needs its certificate or a source to read it from");
        }
        this.source = b.source;
    }

    private static String requireHex(String value, int length, String what) {
        Objects.requireNonNull(value, what);
        if (value.length() != length || !value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
            throw new IllegalArgumentException(what + " must be " + length + " upper-case hex digits: " + value);
        }
        return value;
    }

    /** @return the scope whose store holds this entry */
    public Scope scope() {
        return scope;
    }

    /** @return the logical store that shows this entry */
    public LogicalStore logicalStore() {
        return logicalStore;
    }

    /** @return the physical store the attributes and key come from (the first of {@link #physicalStores()}) */
    public String physicalStore() {
        return physicalStores.get(0);
    }

    /** @return every physical store that holds this certificate under the logical store, writable ones first */
    public List<String> physicalStores() {
        return physicalStores;
    }

    /** @return the SHA-1 thumbprint as Windows shows it: 40 upper-case hex digits, no separators */
    public String thumbprint() {
        return thumbprint;
    }

    /** @return the SHA-256 fingerprint: 64 upper-case hex digits */
    public String sha256() {
        return sha256;
    }

    /** @return the subject distinguished name (RFC 2253) */
    public String subject() {
        return subject;
    }

    /** @return the issuer distinguished name (RFC 2253) */
    public String issuer() {
        return issuer;
    }

    /** @return the "Issued To" column: the subject's common name, or the whole name when it has none */
    public String issuedTo() {
        String cn = issuedTo;
        if (cn == null) {
            cn = commonName(subject);
            issuedTo = cn;
        }
        return cn;
    }

    /** @return the "Issued By" column: the issuer's common name, or the whole name when it has none */
    public String issuedBy() {
        String cn = issuedBy;
        if (cn == null) {
            cn = commonName(issuer);
            issuedBy = cn;
        }
        return cn;
    }

    /** @return the serial number in upper-case hex */
    public String serialNumber() {
        return serialNumber;
    }

    /** @return the start of validity */
    public Instant notBefore() {
        return notBefore;
    }

    /** @return the end of validity ("Expiration Date") */
    public Instant notAfter() {
        return notAfter;
    }

    /**
     * @param at an instant
     * @return whether the certificate is within its validity at that instant
     */
    public boolean isValidAt(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }

    /** @return the intended purposes; {@code [Purpose.ALL]} when the certificate has no EKU */
    public List<Purpose> purposes() {
        return purposes;
    }

    /** @return friendly name, description, exportable flag and extended properties */
    public EntryAttributes attributes() {
        return attributes;
    }

    /** @return the friendly name, empty for none */
    public String friendlyName() {
        return attributes.friendlyName();
    }

    /** @return the description, empty for none */
    public String description() {
        return attributes.description();
    }

    /** @return whether the store holds a private key for this certificate */
    public boolean hasPrivateKey() {
        return hasPrivateKey;
    }

    /**
     * @return the Microsoft certificate template the certificate names ("Certificate Template" column): the
     *         template's name, or its OID for a version 2 template; empty for none
     * @see CertificateExtensions#template(X509Certificate)
     */
    public String template() {
        return template;
    }

    /** @return whether a private key is present and was stored as exportable (rights are checked separately) */
    public boolean exportable() {
        return hasPrivateKey && attributes.exportable();
    }

    /** @return the extended properties, sorted by name */
    public Map<String, String> properties() {
        return attributes.properties();
    }

    /** @return whether subject and issuer are the same name (a root or a self-signed certificate) */
    public boolean isSelfIssued() {
        return new X500Principal(subject).equals(new X500Principal(issuer));
    }

    /** @return where the entry lives (a directory or file path), for messages; empty when not file-backed */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /**
     * @return the DER encoding of the certificate (a fresh copy)
     * @throws CertificateStoreException when the certificate can no longer be read
     */
    public byte[] encoded() throws CertificateStoreException {
        try {
            return certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new CertificateStoreException("The certificate " + thumbprint + " cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * @return the certificate, parsed on first use
     * @throws CertificateStoreException when it can no longer be read (for example deleted meanwhile) or is corrupt
     */
    public X509Certificate certificate() throws CertificateStoreException {
        X509Certificate cert = parsed;
        if (cert == null) {
            byte[] der;
            try {
                der = source.load();
            } catch (IOException e) {
                throw new CertificateStoreException("The certificate " + thumbprint + " cannot be read from "
                        + (location == null ? physicalStore() : location) + ": " + e.getMessage()
                        + ". Refresh the view; it may have been deleted by another program.", e);
            }
            cert = parse(der, location == null ? thumbprint : location);
            if (!thumbprint.equals(sha1(der))) {
                throw new CertificateStoreException("The certificate file at " + location
                        + " changed since it was listed (thumbprint no longer " + thumbprint + "). Refresh the view.");
            }
            parsed = cert;
        }
        return cert;
    }

    /** @return a builder for a copy of this entry (to change physical stores or attributes) */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.scope = scope;
        b.logicalStore = logicalStore;
        b.physicalStores = physicalStores;
        b.thumbprint = thumbprint;
        b.sha256 = sha256;
        b.subject = subject;
        b.issuer = issuer;
        b.serialNumber = serialNumber;
        b.notBefore = notBefore;
        b.notAfter = notAfter;
        b.purposes = purposes;
        b.attributes = attributes;
        b.hasPrivateKey = hasPrivateKey;
        b.template = template;
        b.location = location;
        b.source = source;
        b.certificate = parsed;
        return b;
    }

    /** @return an empty builder (for store providers that have their own index) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder filled from a parsed certificate: thumbprints, names, validity and purposes.
     *
     * @param certificate the certificate
     * @return the builder; set scope, stores and attributes before {@link Builder#build()}
     * @throws CertificateStoreException when the certificate cannot be encoded or its EKU cannot be read
     */
    public static Builder builder(X509Certificate certificate) throws CertificateStoreException {
        Builder b = new Builder();
        try {
            byte[] der = certificate.getEncoded();
            b.thumbprint = sha1(der);
            b.sha256 = digest("SHA-256", der);
            b.purposes = Purpose.of(certificate.getExtendedKeyUsage());
        } catch (CertificateEncodingException | CertificateParsingException e) {
            throw new CertificateStoreException("The certificate " + certificate.getSubjectX500Principal()
                    + " cannot be read: " + e.getMessage(), e);
        }
        b.subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        b.issuer = certificate.getIssuerX500Principal().getName(X500Principal.RFC2253);
        b.serialNumber = certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
        b.notBefore = certificate.getNotBefore().toInstant();
        b.notAfter = certificate.getNotAfter().toInstant();
        b.template = CertificateExtensions.template(certificate).orElse("");
        b.certificate = certificate;
        return b;
    }

    /**
     * @param der DER encoding
     * @return the SHA-1 thumbprint as Windows shows it
     */
    public static String sha1(byte[] der) {
        return digest("SHA-1", der);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks " + algorithm, e);
        }
    }

    private static X509Certificate parse(byte[] der, String where) throws CertificateStoreException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new CertificateStoreException("The certificate at " + where + " is corrupt: " + e.getMessage()
                    + ". Delete the entry and import the certificate again.", e);
        }
    }

    private static String commonName(String dn) {
        if (dn.indexOf('\\') < 0 && dn.indexOf('"') < 0 && dn.indexOf('#') < 0) {
            // the common case, no escapes: split at commas and plus signs (listing 10,000 entries calls this a lot)
            int start = 0;
            while (start <= dn.length()) {
                int end = start;
                while (end < dn.length() && dn.charAt(end) != ',' && dn.charAt(end) != '+') {
                    end++;
                }
                if (end - start > 3 && dn.regionMatches(true, start, "CN=", 0, 3)) {
                    return dn.substring(start + 3, end);
                }
                start = end + 1;
            }
            return dn;
        }
        try {
            List<Rdn> rdns = new LdapName(dn).getRdns();
            // LdapName lists RDNs from the last (most general) to the first
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if (rdns.get(i).getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdns.get(i).getValue());
                }
            }
        } catch (InvalidNameException e) {
            // fall through to the whole name
        }
        return dn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateEntry other && thumbprint.equals(other.thumbprint)
                && logicalStore == other.logicalStore && scope.equals(other.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, logicalStore, thumbprint);
    }

    @Override
    public String toString() {
        return logicalStore.shortName() + "/" + thumbprint + " " + subject;
    }

    /** Builds entries; used by store providers. */
    public static final class Builder {
        private Scope scope;
        private LogicalStore logicalStore;
        private List<String> physicalStores;
        private String thumbprint;
        private String sha256;
        private String subject;
        private String issuer;
        private String serialNumber = "";
        private Instant notBefore;
        private Instant notAfter;
        private List<Purpose> purposes = List.of(Purpose.ALL);
        private EntryAttributes attributes = EntryAttributes.defaults();
        private boolean hasPrivateKey;
        private String template = "";
        private String location;
        private CertificateSource source;
        private X509Certificate certificate;

        private Builder() {
        }

        /** @param value the scope @return this */
        public Builder scope(Scope value) { scope = value; return this; }
        /** @param value the logical store @return this */
        public Builder logicalStore(LogicalStore value) { logicalStore = value; return this; }
        /** @param value the physical store names, the one holding attributes and key first @return this */
        public Builder physicalStores(List<String> value) { physicalStores = value; return this; }
        /** @param value the physical store name @return this */
        public Builder physicalStore(String value) { physicalStores = List.of(value); return this; }
        /** @param value SHA-1 thumbprint, 40 upper-case hex digits @return this */
        public Builder thumbprint(String value) { thumbprint = value; return this; }
        /** @param value SHA-256 fingerprint, 64 upper-case hex digits @return this */
        public Builder sha256(String value) { sha256 = value; return this; }
        /** @param value subject DN (RFC 2253) @return this */
        public Builder subject(String value) { subject = value; return this; }
        /** @param value issuer DN (RFC 2253) @return this */
        public Builder issuer(String value) { issuer = value; return this; }
        /** @param value serial number in hex @return this */
        public Builder serialNumber(String value) { serialNumber = value; return this; }
        /** @param value start of validity @return this */
        public Builder notBefore(Instant value) { notBefore = value; return this; }
        /** @param value end of validity @return this */
        public Builder notAfter(Instant value) { notAfter = value; return this; }
        /** @param value intended purposes @return this */
        public Builder purposes(List<Purpose> value) { purposes = value; return this; }
        /** @param value attributes @return this */
        public Builder attributes(EntryAttributes value) { attributes = value; return this; }
        /** @param value whether a private key is present @return this */
        public Builder hasPrivateKey(boolean value) { hasPrivateKey = value; return this; }
        /** @param value the certificate template the certificate names, empty for none @return this */
        public Builder template(String value) { template = value; return this; }
        /** @param value where the entry lives, for messages @return this */
        public Builder location(String value) { location = value; return this; }
        /** @param value reads the DER encoding on first use @return this */
        public Builder source(CertificateSource value) { source = value; return this; }

        /**
         * Forgets a parsed certificate so the entry holds only its summary and reads the certificate from the
         * source on first use (keeps large listings small).
         *
         * @return this
         */
        public Builder lazy() {
            if (source == null) {
                throw new IllegalStateException("lazy() needs a source to read the certificate from");
            }
            certificate = null;
            return this;
        }

        /** @return the entry @throws IllegalArgumentException or NullPointerException when a field is missing */
        public CertificateEntry build() {
            return new CertificateEntry(this);
        }
    }
}
