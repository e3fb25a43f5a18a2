package org.cairn.certificates.ui.internal;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateExtensions;
import org.cairn.certificates.ui.internal.CertificateField.Kind;

/**
 * The Details tab's rows for a certificate: every version 1 field, every extension (decoded where Windows decodes
 * it, hex otherwise: {@link CertificateExtensions}), and the store's properties, named and formatted as Windows' certificate dialog does.
 */
public final class CertificateFields {

    private CertificateFields() {
    }

    /** @return the rows for {@code entry}, whose certificate is {@code certificate} */
    public static List<CertificateField> of(CertificateEntry entry, X509Certificate certificate) {
        List<CertificateField> fields = new ArrayList<>();
        fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.version"), "V" + certificate.getVersion()));
        fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.serialNumber"),
                Formats.hexPairs(certificate.getSerialNumber().toByteArray())));
        fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.signatureAlgorithm"),
                signatureAlgorithm(certificate.getSigAlgName())));
        hashAlgorithm(certificate.getSigAlgName()).ifPresent(hash -> fields.add(CertificateField.of(Kind.VERSION_1,
                Messages.get("field.signatureHashAlgorithm"), hash)));
        fields.add(name(Messages.get("field.issuer"), certificate.getIssuerX500Principal().getName()));
        fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.validFrom"),
                Formats.longDateTime(certificate.getNotBefore().toInstant())));
        fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.validTo"),
                Formats.longDateTime(certificate.getNotAfter().toInstant())));
        fields.add(name(Messages.get("field.subject"), certificate.getSubjectX500Principal().getName()));
        PublicKey key = certificate.getPublicKey();
        fields.add(new CertificateField(Kind.VERSION_1, Messages.get("field.publicKey"), publicKeySummary(key),
                Formats.hexBlock(key.getEncoded(), 16)));
        if (key instanceof ECPublicKey ec) {
            fields.add(CertificateField.of(Kind.VERSION_1, Messages.get("field.publicKeyParameters"),
                    curveName(ec)));
        }
        extensions(certificate, fields);
        properties(entry, fields);
        return List.copyOf(fields);
    }

    /** The extensions, decoded by the store model as Windows decodes them (hex where it does not). */
    private static void extensions(X509Certificate certificate, List<CertificateField> fields) {
        for (CertificateExtensions.Extension extension : CertificateExtensions.of(certificate)) {
            fields.add(CertificateField.of(extension.critical() ? Kind.CRITICAL_EXTENSION : Kind.EXTENSION,
                    extension.name(), extension.text()));
        }
    }

    private static void properties(CertificateEntry entry, List<CertificateField> fields) {
        fields.add(CertificateField.of(Kind.PROPERTY, Messages.get("field.thumbprint"),
                entry.thumbprint().toLowerCase(Locale.ROOT)));
        fields.add(CertificateField.of(Kind.PROPERTY, Messages.get("field.sha256"),
                entry.sha256().toLowerCase(Locale.ROOT)));
        if (!entry.friendlyName().isEmpty()) {
            fields.add(CertificateField.of(Kind.PROPERTY, Messages.get("field.friendlyName"), entry.friendlyName()));
        }
        if (!entry.description().isEmpty()) {
            fields.add(new CertificateField(Kind.PROPERTY, Messages.get("field.description"),
                    entry.description().replace("\n", " "), entry.description()));
        }
        if (entry.hasPrivateKey()) {
            fields.add(CertificateField.of(Kind.PROPERTY, Messages.get("field.privateKey"), Messages.get(
                    entry.exportable() ? "field.privateKey.exportable" : "field.privateKey.notExportable")));
        }
        fields.add(CertificateField.of(Kind.PROPERTY, Messages.get("field.store"), entry.logicalStore().displayName()
                + " (" + String.join(", ", entry.physicalStores()) + ")"));
        for (Map.Entry<String, String> property : entry.properties().entrySet()) {
            fields.add(CertificateField.of(Kind.PROPERTY, Messages.format("field.property", property.getKey()),
                    property.getValue()));
        }
    }

    private static CertificateField name(String field, String rfc2253) {
        List<String> values = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try {
            List<Rdn> rdns = new ArrayList<>(new LdapName(rfc2253).getRdns());
            java.util.Collections.reverse(rdns);
            for (Rdn rdn : rdns) {
                values.add(String.valueOf(rdn.getValue()));
                lines.add(rdn.getType() + " = " + rdn.getValue());
            }
        } catch (InvalidNameException e) {
            return CertificateField.of(Kind.VERSION_1, field, rfc2253);
        }
        return new CertificateField(Kind.VERSION_1, field, String.join(", ", values), String.join("\n", lines));
    }

    /** "SHA256withRSA" reads "sha256RSA", "SHA384withECDSA" reads "sha384ECDSA", as in Windows. */
    static String signatureAlgorithm(String jcaName) {
        int with = jcaName.toUpperCase(Locale.ROOT).indexOf("WITH");
        if (with < 0) {
            return jcaName;
        }
        return jcaName.substring(0, with).toLowerCase(Locale.ROOT) + jcaName.substring(with + 4);
    }

    private static java.util.Optional<String> hashAlgorithm(String jcaName) {
        int with = jcaName.toUpperCase(Locale.ROOT).indexOf("WITH");
        return with < 0 ? java.util.Optional.empty()
                : java.util.Optional.of(jcaName.substring(0, with).toLowerCase(Locale.ROOT));
    }

    /** "RSA (2048 Bits)", "ECC (256 Bits)", "Ed25519 (256 Bits)". */
    static String publicKeySummary(PublicKey key) {
        return switch (key) {
            case RSAPublicKey rsa -> Messages.format("publicKey.bits", "RSA", String.valueOf(rsa.getModulus().bitLength()));
            case ECPublicKey ec -> Messages.format("publicKey.bits", "ECC",
                    String.valueOf(ec.getParams().getCurve().getField().getFieldSize()));
            default -> "Ed25519".equalsIgnoreCase(key.getAlgorithm()) || "EdDSA".equalsIgnoreCase(key.getAlgorithm())
                    ? Messages.format("publicKey.bits", "Ed25519", "256") : key.getAlgorithm();
        };
    }

    /** "ECDSA_P256", "ECDSA_P384" as Windows names the NIST curves; the JDK's description otherwise. */
    private static String curveName(ECPublicKey key) {
        String description = key.getParams().toString();
        for (String curve : List.of("P-256", "P-384", "P-521")) {
            if (description.contains(curve)) {
                return "ECDSA_" + curve.replace("-", "");
            }
        }
        return description;
    }

    /** @return whether {@code field} is shown under the "Show:" choice {@code show} (0 = &lt;All&gt;) */
    public static boolean shows(int show, CertificateField field) {
        return switch (show) {
            case 1 -> field.kind() == Kind.VERSION_1;
            case 2 -> field.kind() == Kind.EXTENSION || field.kind() == Kind.CRITICAL_EXTENSION;
            case 3 -> field.kind() == Kind.CRITICAL_EXTENSION;
            case 4 -> field.kind() == Kind.PROPERTY;
            default -> true;
        };
    }

}
