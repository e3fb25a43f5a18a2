package org.cairn.certificates.core;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.PolicyQualifierInfo;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.UserNotice;

/**
 * A certificate's extensions in readable text, named and laid out as Windows' certificate dialog shows them
 * (Details tab): Key Usage "Digital Signature, Key Encipherment (a0)", Enhanced Key Usage one purpose a line,
 * Subject Alternative Name "DNS Name=...", Basic Constraints, key identifiers, CRL Distribution Points, Authority
 * Information Access, Certificate Policies, and Microsoft's certificate template extensions. An extension it does
 * not know, or cannot read, is shown as hex. The words are in {@code extensions.properties} for translation.
 */
public final class CertificateExtensions {

    /** Certificate Template Name (Microsoft, version 1 templates): a BMPString with the template's name. */
    public static final String TEMPLATE_NAME = "1.3.6.1.4.1.311.20.2";
    /** Certificate Template Information (Microsoft, version 2 templates): the template's OID and version. */
    public static final String TEMPLATE_INFORMATION = "1.3.6.1.4.1.311.21.7";

    private static final String INDENT = "     ";
    private static final HexFormat HEX = HexFormat.of();

    /**
     * An extension of a certificate, decoded.
     *
     * @param oid      its object identifier
     * @param name     its name as Windows shows it ("Key Usage"), or the OID when it has none
     * @param critical whether it is marked critical
     * @param text     the readable value, on as many lines as it needs
     */
    public record Extension(String oid, String name, boolean critical, String text) {
    }

    private CertificateExtensions() {
    }

    /** @return every extension of {@code certificate}, ordered by OID */
    public static List<Extension> of(X509Certificate certificate) {
        Set<String> critical = certificate.getCriticalExtensionOIDs() == null ? Set.of()
                : certificate.getCriticalExtensionOIDs();
        Set<String> all = new TreeSet<>(critical);
        if (certificate.getNonCriticalExtensionOIDs() != null) {
            all.addAll(certificate.getNonCriticalExtensionOIDs());
        }
        List<Extension> extensions = new ArrayList<>();
        for (String oid : all) {
            extensions.add(new Extension(oid, name(oid), critical.contains(oid),
                    text(oid, certificate.getExtensionValue(oid))));
        }
        return List.copyOf(extensions);
    }

    /** @return the name Windows gives the extension {@code oid}, or the OID itself */
    public static String name(String oid) {
        return word("ext." + oid).orElse(oid);
    }

    /**
     * @param oid   the extension's OID
     * @param octets the extension's value as {@link X509Certificate#getExtensionValue(String)} returns it (the
     *               OCTET STRING around the DER value), or {@code null}
     * @return the readable value; hex pairs for an extension not decoded here or that cannot be read
     */
    public static String text(String oid, byte[] octets) {
        if (octets == null) {
            return "";
        }
        byte[] value;
        try {
            value = ASN1OctetString.getInstance(octets).getOctets();
        } catch (IllegalArgumentException e) {
            return hexBlock(octets);
        }
        try {
            ASN1Primitive asn1 = ASN1Primitive.fromByteArray(value);
            return switch (oid) {
                case "2.5.29.15" -> keyUsage(ASN1BitString.getInstance(asn1));
                case "2.5.29.37" -> enhancedKeyUsage(ExtendedKeyUsage.getInstance(asn1));
                case "2.5.29.17", "2.5.29.18" -> lines(GeneralNames.getInstance(asn1).getNames(), "");
                case "2.5.29.19" -> basicConstraints(BasicConstraints.getInstance(asn1));
                case "2.5.29.14" -> HEX.formatHex(SubjectKeyIdentifier.getInstance(asn1).getKeyIdentifier());
                case "2.5.29.35" -> authorityKeyIdentifier(AuthorityKeyIdentifier.getInstance(asn1));
                case "2.5.29.31" -> crlDistributionPoints(CRLDistPoint.getInstance(asn1));
                case "1.3.6.1.5.5.7.1.1" -> authorityInformationAccess(AuthorityInformationAccess.getInstance(asn1));
                case "2.5.29.32" -> certificatePolicies(CertificatePolicies.getInstance(asn1));
                case TEMPLATE_NAME -> ((ASN1String) asn1).getString();
                case TEMPLATE_INFORMATION -> templateInformation(ASN1Sequence.getInstance(asn1));
                default -> hexBlock(value);
            };
        } catch (IOException | RuntimeException e) {
            // a malformed or unexpected value is shown as it is, never hidden
            return hexBlock(value);
        }
    }

    /**
     * The "Certificate Template" column: the template's name (version 1 templates) or, for version 2 templates,
     * the template's OID, as Windows shows it when it cannot ask the directory for the name.
     *
     * @return the template, empty when the certificate names none or the extension cannot be read
     */
    public static Optional<String> template(X509Certificate certificate) {
        try {
            byte[] name = certificate.getExtensionValue(TEMPLATE_NAME);
            if (name != null) {
                ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(name).getOctets());
                if (value instanceof ASN1String text && !text.getString().isBlank()) {
                    return Optional.of(text.getString());
                }
            }
            byte[] information = certificate.getExtensionValue(TEMPLATE_INFORMATION);
            if (information != null) {
                ASN1Sequence sequence = ASN1Sequence.getInstance(
                        ASN1OctetString.getInstance(information).getOctets());
                return Optional.of(ASN1ObjectIdentifier.getInstance(sequence.getObjectAt(0)).getId());
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable template names none
        }
        return Optional.empty();
    }

    private static String keyUsage(ASN1BitString bits) {
        byte[] bytes = bits.getBytes();
        int first = bytes.length > 0 ? bytes[0] & 0xff : 0;
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < 9; bit++) {
            int octet = bit / 8;
            if (octet < bytes.length && (bytes[octet] & (0x80 >> (bit % 8))) != 0) {
                names.add(get("keyUsage." + bit));
            }
        }
        String hex = String.format(Locale.ROOT, "%02x", first)
                + (bytes.length > 1 ? String.format(Locale.ROOT, " %02x", bytes[1] & 0xff) : "");
        return String.join(", ", names) + " (" + hex + ")";
    }

    private static String enhancedKeyUsage(ExtendedKeyUsage usage) {
        List<String> lines = new ArrayList<>();
        for (KeyPurposeId id : usage.getUsages()) {
            lines.add(Purpose.ofOid(id.getId()).displayName() + " (" + id.getId() + ")");
        }
        return String.join("\n", lines);
    }

    private static String basicConstraints(BasicConstraints constraints) {
        String type = get(constraints.isCA() ? "basicConstraints.ca" : "basicConstraints.endEntity");
        String length = constraints.isCA() && constraints.getPathLenConstraint() != null
                ? constraints.getPathLenConstraint().toString() : get("basicConstraints.none");
        return type + "\n" + format("basicConstraints.pathLength", length);
    }

    private static String authorityKeyIdentifier(AuthorityKeyIdentifier identifier) {
        List<String> lines = new ArrayList<>();
        if (identifier.getKeyIdentifierObject() != null) {
            lines.add(format("authorityKeyId.keyId", HEX.formatHex(identifier.getKeyIdentifierObject().getOctets())));
        }
        if (identifier.getAuthorityCertIssuer() != null) {
            lines.add(get("authorityKeyId.issuer"));
            lines.add(lines(identifier.getAuthorityCertIssuer().getNames(), INDENT));
        }
        if (identifier.getAuthorityCertSerialNumber() != null) {
            lines.add(format("authorityKeyId.serial",
                    HEX.formatHex(identifier.getAuthorityCertSerialNumber().toByteArray())));
        }
        return String.join("\n", lines);
    }

    private static String crlDistributionPoints(CRLDistPoint points) {
        List<String> lines = new ArrayList<>();
        DistributionPoint[] all = points.getDistributionPoints();
        for (int i = 0; i < all.length; i++) {
            lines.add("[" + (i + 1) + "]" + get("crl.point"));
            DistributionPointName name = all[i].getDistributionPoint();
            if (name != null) {
                lines.add(INDENT + get("crl.pointName"));
                if (name.getType() == DistributionPointName.FULL_NAME) {
                    lines.add(INDENT + INDENT + get("crl.fullName"));
                    lines.add(lines(GeneralNames.getInstance(name.getName()).getNames(), INDENT + INDENT + INDENT));
                } else {
                    lines.add(INDENT + INDENT + get("crl.relativeName") + " " + name.getName());
                }
            }
            if (all[i].getCRLIssuer() != null) {
                lines.add(INDENT + get("crl.issuer"));
                lines.add(lines(all[i].getCRLIssuer().getNames(), INDENT + INDENT));
            }
        }
        return String.join("\n", lines);
    }

    private static String authorityInformationAccess(AuthorityInformationAccess access) {
        List<String> lines = new ArrayList<>();
        AccessDescription[] all = access.getAccessDescriptions();
        for (int i = 0; i < all.length; i++) {
            String method = all[i].getAccessMethod().getId();
            lines.add("[" + (i + 1) + "]" + get("aia.entry"));
            lines.add(INDENT + format("aia.method", word("accessMethod." + method).map(n -> n + " (" + method + ")")
                    .orElse(method)));
            lines.add(INDENT + get("aia.name"));
            lines.add(lines(new GeneralName[] {all[i].getAccessLocation()}, INDENT + INDENT));
        }
        return String.join("\n", lines);
    }

    private static String certificatePolicies(CertificatePolicies policies) {
        List<String> lines = new ArrayList<>();
        PolicyInformation[] all = policies.getPolicyInformation();
        for (int i = 0; i < all.length; i++) {
            lines.add("[" + (i + 1) + "]" + get("policy.entry"));
            String id = all[i].getPolicyIdentifier().getId();
            lines.add(INDENT + format("policy.id", word("policy." + id).orElse(id)));
            ASN1Sequence qualifiers = all[i].getPolicyQualifiers();
            if (qualifiers == null) {
                continue;
            }
            for (int q = 0; q < qualifiers.size(); q++) {
                PolicyQualifierInfo info = PolicyQualifierInfo.getInstance(qualifiers.getObjectAt(q));
                String qualifierId = info.getPolicyQualifierId().getId();
                lines.add(INDENT + "[" + (i + 1) + "," + (q + 1) + "]" + get("policy.qualifierInfo"));
                lines.add(INDENT + INDENT + format("policy.qualifierId",
                        word("qualifier." + qualifierId).orElse(qualifierId)));
                lines.add(INDENT + INDENT + get("policy.qualifier"));
                lines.add(INDENT + INDENT + INDENT + qualifier(qualifierId, info.getQualifier()));
            }
        }
        return String.join("\n", lines);
    }

    private static String qualifier(String id, ASN1Encodable value) {
        if (value instanceof ASN1String text) {
            return text.getString();
        }
        if ("1.3.6.1.5.5.7.2.2".equals(id)) {
            UserNotice notice = UserNotice.getInstance(value);
            if (notice.getExplicitText() != null) {
                return format("policy.noticeText", notice.getExplicitText().getString());
            }
        }
        return value.toString();
    }

    private static String templateInformation(ASN1Sequence sequence) {
        List<String> lines = new ArrayList<>();
        lines.add(format("template.oid", ASN1ObjectIdentifier.getInstance(sequence.getObjectAt(0)).getId()));
        if (sequence.size() > 1) {
            lines.add(format("template.major", ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()));
        }
        if (sequence.size() > 2) {
            lines.add(format("template.minor", ASN1Integer.getInstance(sequence.getObjectAt(2)).getValue()));
        }
        return String.join("\n", lines);
    }

    /** One general name a line, as Windows writes them: "DNS Name=...", "URL=...", "Directory Address:" ... */
    private static String lines(GeneralName[] names, String indent) {
        List<String> lines = new ArrayList<>();
        for (GeneralName name : names) {
            String label = word("altName." + name.getTagNo()).orElse("[" + name.getTagNo() + "]");
            switch (name.getTagNo()) {
                case GeneralName.dNSName, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier ->
                    lines.add(indent + label + "=" + ((ASN1String) name.getName()).getString());
                case GeneralName.iPAddress -> lines.add(indent + label + "=" + ipAddress(
                        ASN1OctetString.getInstance(name.getName()).getOctets()));
                case GeneralName.directoryName -> {
                    lines.add(indent + label + ":");
                    lines.add(indent + INDENT + X500Name.getInstance(name.getName()).toString());
                }
                case GeneralName.registeredID -> lines.add(indent + label + "="
                        + ASN1ObjectIdentifier.getInstance(name.getName()).getId());
                default -> lines.add(indent + label + "=" + hexPairs(encoded(name.getName())));
            }
        }
        return String.join("\n", lines);
    }

    private static String ipAddress(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
        }
        List<String> groups = new ArrayList<>();
        for (int i = 0; i + 1 < address.length; i += 2) {
            groups.add(Integer.toHexString(((address[i] & 0xff) << 8) | (address[i + 1] & 0xff)));
        }
        return String.join(":", groups);
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String hexPairs(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** Hex pairs, 16 bytes a line, as Windows shows an extension it does not decode. */
    private static String hexBlock(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 16) {
            text.append(i == 0 ? "" : "\n").append(hexPairs(java.util.Arrays.copyOfRange(bytes, i,
                    Math.min(bytes.length, i + 16))));
        }
        return text.toString();
    }

    private static ResourceBundle bundle() {
        return ResourceBundle.getBundle("org.cairn.certificates.core.extensions", Locale.getDefault(),
                CertificateExtensions.class.getClassLoader());
    }

    private static Optional<String> word(String key) {
        try {
            return Optional.of(bundle().getString(key));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }

    private static String get(String key) {
        return word(key).orElse(key);
    }

    private static String format(String key, Object value) {
        return get(key).replace("{0}", String.valueOf(value));
    }
}
