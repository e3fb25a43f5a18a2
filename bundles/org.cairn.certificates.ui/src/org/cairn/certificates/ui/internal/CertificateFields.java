package org.cairn.certificates.ui.internal;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.ui.internal.CertificateField.Kind;

/**
 * The Details tab's rows for a certificate: every version 1 field, every extension (decoded where Windows decodes
 * it, hex otherwise), and the store's properties, named and formatted as Windows' certificate dialog does.
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

    private static void extensions(X509Certificate certificate, List<CertificateField> fields) {
        Set<String> critical = orEmpty(certificate.getCriticalExtensionOIDs());
        Set<String> all = new TreeSet<>(critical);
        all.addAll(orEmpty(certificate.getNonCriticalExtensionOIDs()));
        for (String oid : all) {
            Kind kind = critical.contains(oid) ? Kind.CRITICAL_EXTENSION : Kind.EXTENSION;
            String name = Messages.has("ext." + oid) ? Messages.get("ext." + oid) : oid;
            String value;
            try {
                value = extensionValue(certificate, oid);
            } catch (CertificateParsingException | RuntimeException e) {
                value = Der.extensionValue(certificate.getExtensionValue(oid)).map(bytes -> Formats.hexBlock(bytes, 16))
                        .orElse("");
            }
            fields.add(CertificateField.of(kind, name, value));
        }
    }

    private static String extensionValue(X509Certificate certificate, String oid) throws CertificateParsingException {
        switch (oid) {
            case "2.5.29.19": {
                int pathLength = certificate.getBasicConstraints();
                if (pathLength < 0) {
                    return Messages.get("basicConstraints.endEntity") + "\n"
                            + Messages.format("basicConstraints.pathLength", Messages.get("basicConstraints.none"));
                }
                return Messages.get("basicConstraints.ca") + "\n" + Messages.format("basicConstraints.pathLength",
                        pathLength == Integer.MAX_VALUE ? Messages.get("basicConstraints.none") : pathLength);
            }
            case "2.5.29.15":
                return keyUsage(certificate.getKeyUsage());
            case "2.5.29.37": {
                List<String> lines = new ArrayList<>();
                for (String usage : certificate.getExtendedKeyUsage()) {
                    lines.add(Purpose.ofOid(usage).displayName() + " (" + usage + ")");
                }
                return String.join("\n", lines);
            }
            case "2.5.29.17":
                return altNames(certificate.getSubjectAlternativeNames());
            case "2.5.29.18":
                return altNames(certificate.getIssuerAlternativeNames());
            case "2.5.29.14":
                return Der.extensionValue(certificate.getExtensionValue(oid)).flatMap(Der::one)
                        .map(t -> Formats.hexPairs(t.content()).replace(" ", "")).orElseThrow();
            case "2.5.29.35":
                return Der.extensionValue(certificate.getExtensionValue(oid)).flatMap(Der::one)
                        .map(Der.Tlv::children).flatMap(children -> children.stream()
                                .filter(t -> t.tag() == 0x80).findFirst())
                        .map(t -> Messages.format("keyIdentifier", Formats.hexPairs(t.content()).replace(" ", "")))
                        .orElseThrow();
            case CertificateTemplate.NAME_OID, CertificateTemplate.INFORMATION_OID:
                return CertificateTemplate.of(certificate).orElseThrow();
            default:
                return Der.extensionValue(certificate.getExtensionValue(oid)).map(bytes -> Formats.hexBlock(bytes, 16))
                        .orElse("");
        }
    }

    private static String keyUsage(boolean[] usage) {
        if (usage == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        int bits = 0;
        for (int i = 0; i < usage.length && i < 9; i++) {
            if (usage[i]) {
                names.add(Messages.get("keyUsage." + i));
                if (i < 8) {
                    bits |= 0x80 >> i;
                }
            }
        }
        return String.join(", ", names) + String.format(Locale.ROOT, " (%02x)", bits);
    }

    private static String altNames(Collection<List<?>> names) {
        if (names == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            Object value = name.get(1);
            String label = Messages.has("altName." + type) ? Messages.get("altName." + type) : "Type " + type;
            lines.add(label + "=" + (value instanceof byte[] bytes ? Formats.hexPairs(bytes) : value));
        }
        return String.join("\n", lines);
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

    private static Set<String> orEmpty(Set<String> set) {
        return set == null ? Set.of() : set;
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
