package org.cairn.certificates.pkcs12.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception.Reason;

/**
 * The PKCS #12 bag attributes, both ways: what the export writes and what every reader (import, inspect, the
 * export's read-back) decodes. The one place that knows these encodings.
 *
 * <ul>
 * <li>friendlyName (1.2.840.113549.1.9.20, BMPString) on the key and the leaf certificate;</li>
 * <li>localKeyId (1.2.840.113549.1.9.21, OCTET STRING) on the key and the leaf certificate: Cairn writes the SHA-1
 * thumbprint of the leaf, so the link is stable and says which certificate it is;</li>
 * <li>Windows' extended properties, as Windows writes them: attribute {@code 1.3.6.1.4.1.311.17.3.<property id>}
 * (szOID_PKCS_12_EXTENDED_ATTRIBUTES followed by the CERT_*_PROP_ID) with one OCTET STRING holding the property's
 * bytes. The description is CERT_DESCRIPTION_PROP_ID 13, {@value #MS_DESCRIPTION}, as UTF-16LE text with a
 * terminating NUL (Windows' string property format). The free name/value properties, which have no Windows property
 * id, use the id {@value #CAIRN_PROPERTIES_ID} from Windows' range for application-defined properties
 * (CERT_FIRST_USER_PROP_ID 0x8000 to CERT_LAST_USER_PROP_ID 0xFFFF), {@value #CAIRN_PROPERTIES}, and the bytes are
 * the DER encoding of {@code SEQUENCE OF SEQUENCE { name UTF8String, value UTF8String }}, sorted by name. (An OID
 * under 2.25 from a UUID would need no registration, but GnuTLS 3.7 rejects the whole certificate bag when an OID
 * arc exceeds 64 bits.)</li>
 * </ul>
 * Readers that do not know the last two attributes ignore them (checked with OpenSSL, JDK keytool, NSS, GnuTLS
 * and python-cryptography, which is also what keeps this codec honest: the export's read-back decodes with the same
 * code that encoded, so the interoperability tests are the independent check of the encodings).
 */
public final class Pkcs12Attributes {

    /** friendlyName. */
    public static final String FRIENDLY_NAME = "1.2.840.113549.1.9.20";
    /** localKeyId. */
    public static final String LOCAL_KEY_ID = "1.2.840.113549.1.9.21";
    /** Microsoft's CSP name. */
    public static final String MS_CSP_NAME = "1.3.6.1.4.1.311.17.1";
    /** Microsoft's local machine keyset marker. */
    public static final String MS_LOCAL_MACHINE = "1.3.6.1.4.1.311.17.2";
    /** Windows' "extended attributes" arc (wincrypt.h szOID_PKCS_12_EXTENDED_ATTRIBUTES). */
    public static final String MS_EXTENDED_ATTRIBUTES = "1.3.6.1.4.1.311.17.3";
    /** CERT_DESCRIPTION_PROP_ID (13) under the extended-attributes arc. */
    public static final String MS_DESCRIPTION = MS_EXTENDED_ATTRIBUTES + ".13";
    /** CERT_FRIENDLY_NAME_PROP_ID (11) under the extended-attributes arc. */
    public static final String MS_FRIENDLY_NAME = MS_EXTENDED_ATTRIBUTES + ".11";
    /** The application-defined Windows property id under which Cairn writes its name/value properties (0xCA1E). */
    public static final int CAIRN_PROPERTIES_ID = 0xCA1E;
    /** Cairn's name/value properties as a Windows application-defined extended property. */
    public static final String CAIRN_PROPERTIES = MS_EXTENDED_ATTRIBUTES + "." + CAIRN_PROPERTIES_ID;
    /** The JDK's trusted certificate usage. */
    public static final String JAVA_TRUSTED_USAGE = "2.16.840.1.113894.746875.1.1";

    /** {@link #MS_DESCRIPTION} as an OID. */
    public static final ASN1ObjectIdentifier MS_DESCRIPTION_OID = new ASN1ObjectIdentifier(MS_DESCRIPTION);
    /** {@link #CAIRN_PROPERTIES} as an OID. */
    public static final ASN1ObjectIdentifier CAIRN_PROPERTIES_OID = new ASN1ObjectIdentifier(CAIRN_PROPERTIES);

    /**
     * One attribute as decoded, for reports.
     *
     * @param oid   its OID
     * @param name  its name when known ("friendlyName", "localKeyId", ...), else the OID
     * @param value its value as text (hex for bytes)
     */
    public record Shown(String oid, String name, String value) {
    }

    /**
     * The attributes of one bag.
     *
     * @param friendlyName the friendlyName (a trailing NUL, which Windows writes, removed), empty for none
     * @param rawFriendlyName the friendlyName exactly as in the file, when present
     * @param localKeyId   the localKeyId
     * @param description  the description extended property, empty for none
     * @param properties   Cairn's name/value properties
     * @param shown        every attribute, in file order, for reports and for counting
     */
    public record Decoded(String friendlyName, Optional<String> rawFriendlyName, Optional<byte[]> localKeyId,
            String description, Map<String, String> properties, List<Shown> shown) {

        /** No attributes. */
        public static final Decoded NONE = new Decoded("", Optional.empty(), Optional.empty(), "", Map.of(), List.of());

        public Decoded {
            properties = Map.copyOf(properties);
            shown = List.copyOf(shown);
        }

        /** @return whether an attribute with that OID is present */
        public boolean has(String oid) {
            return shown.stream().anyMatch(s -> s.oid().equals(oid));
        }
    }

    private Pkcs12Attributes() {
    }

    // ---- writing

    /**
     * @param leaf the certificate the key belongs to
     * @return the localKeyId value: the certificate's SHA-1 thumbprint
     * @throws CertificateEncodingException when the certificate cannot be encoded
     */
    public static byte[] localKeyId(X509Certificate leaf) throws CertificateEncodingException {
        try {
            return MessageDigest.getInstance("SHA-1").digest(leaf.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks SHA-1", e);
        }
    }

    /** @return the friendlyName attribute's OID */
    public static ASN1ObjectIdentifier friendlyNameOid() {
        return PKCSObjectIdentifiers.pkcs_9_at_friendlyName;
    }

    /** @return the localKeyId attribute's OID */
    public static ASN1ObjectIdentifier localKeyIdOid() {
        return PKCSObjectIdentifiers.pkcs_9_at_localKeyId;
    }

    /**
     * @param description the text
     * @return the value of {@link #MS_DESCRIPTION}: UTF-16LE with a terminating NUL, as Windows stores strings
     */
    public static DEROctetString windowsString(String description) {
        return new DEROctetString((description + '\0').getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * @param properties name/value pairs, sorted by name
     * @return the value of {@link #CAIRN_PROPERTIES}
     * @throws IOException when the pairs cannot be encoded
     */
    public static DEROctetString properties(Map<String, String> properties) throws IOException {
        ASN1EncodableVector all = new ASN1EncodableVector();
        for (Map.Entry<String, String> e : new TreeMap<>(properties).entrySet()) {
            all.add(new DERSequence(new DERUTF8String[] {new DERUTF8String(e.getKey()), new DERUTF8String(e.getValue())}));
        }
        return new DEROctetString(new DERSequence(all).getEncoded(ASN1Encoding.DER));
    }

    // ---- reading

    /**
     * @param attributes a bag's attributes (null for none)
     * @return them decoded
     * @throws Pkcs12Exception CORRUPT when one is damaged, LIMIT when there are too many
     */
    public static Decoded decode(Attribute[] attributes) throws Pkcs12Exception {
        if (attributes == null || attributes.length == 0) {
            return Decoded.NONE;
        }
        if (attributes.length > Limits.MAX_ATTRIBUTES) {
            throw Limits.refused(attributes.length + " attributes on one bag", "at most " + Limits.MAX_ATTRIBUTES);
        }
        String friendlyName = "";
        Optional<String> rawFriendlyName = Optional.empty();
        Optional<byte[]> localKeyId = Optional.empty();
        String description = "";
        Map<String, String> properties = new TreeMap<>();
        List<Shown> shown = new ArrayList<>();
        for (Attribute attribute : attributes) {
            try {
                String oid = attribute.getAttrType().getId();
                if (attribute.getAttrValues() == null || attribute.getAttrValues().size() == 0) {
                    shown.add(new Shown(oid, oid.equals(MS_LOCAL_MACHINE) ? "Microsoft local machine keyset" : oid, "(no value)"));
                    continue;
                }
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                switch (oid) {
                    case FRIENDLY_NAME -> {
                        String name = ((ASN1String) value).getString();
                        rawFriendlyName = Optional.of(name);
                        friendlyName = withoutTrailingNul(name);
                        shown.add(new Shown(oid, "friendlyName", name));
                    }
                    case LOCAL_KEY_ID -> {
                        byte[] id = ASN1OctetString.getInstance(value).getOctets();
                        localKeyId = Optional.of(id);
                        shown.add(new Shown(oid, "localKeyId", HexFormat.of().withUpperCase().formatHex(id)));
                    }
                    case MS_CSP_NAME -> shown.add(new Shown(oid, "Microsoft CSP name", ((ASN1String) value).getString()));
                    case MS_LOCAL_MACHINE -> shown.add(new Shown(oid, "Microsoft local machine keyset", hex(value)));
                    case MS_DESCRIPTION -> {
                        description = windowsText(ASN1OctetString.getInstance(value).getOctets());
                        shown.add(new Shown(oid, "extended property: description", description));
                    }
                    case MS_FRIENDLY_NAME -> shown.add(new Shown(oid, "extended property: friendly name",
                            windowsText(ASN1OctetString.getInstance(value).getOctets())));
                    case CAIRN_PROPERTIES -> {
                        properties.putAll(fromProperties(ASN1OctetString.getInstance(value).getOctets()));
                        shown.add(new Shown(oid, "extended property: Cairn properties", properties.toString()));
                    }
                    case JAVA_TRUSTED_USAGE -> shown.add(new Shown(oid, "Java trusted key usage", hex(value)));
                    default -> shown.add(new Shown(oid, oid.startsWith(MS_EXTENDED_ATTRIBUTES + ".")
                            ? "extended property " + oid.substring(MS_EXTENDED_ATTRIBUTES.length() + 1) : oid, hex(value)));
                }
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
                throw new Pkcs12Exception(Reason.CORRUPT, "The file is damaged: a bag attribute cannot be decoded. Get a "
                        + "new copy of the file or export it again.", e);
            }
        }
        return new Decoded(friendlyName, rawFriendlyName, localKeyId, description, properties, shown);
    }

    /**
     * @param value the bytes of a {@link #CAIRN_PROPERTIES} attribute
     * @return the name/value pairs
     * @throws Pkcs12Exception when they are not encoded as {@link #properties(Map)} writes them
     */
    public static Map<String, String> fromProperties(byte[] value) throws Pkcs12Exception {
        Map<String, String> read = new TreeMap<>();
        try {
            for (ASN1Encodable pair : ASN1Sequence.getInstance(Der.parse(value, "the extended properties"))) {
                ASN1Sequence s = ASN1Sequence.getInstance(pair);
                read.put(DERUTF8String.getInstance(s.getObjectAt(0)).getString(),
                        DERUTF8String.getInstance(s.getObjectAt(1)).getString());
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file is damaged: its extended properties cannot be decoded.", e);
        }
        return read;
    }

    /**
     * @param value a Windows string property: UTF-16LE, NUL-terminated
     * @return the text without the terminating NUL
     */
    public static String windowsText(byte[] value) {
        return withoutTrailingNul(new String(value, StandardCharsets.UTF_16LE));
    }

    /** @return the text without the NULs Windows puts at its end */
    public static String withoutTrailingNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    /** @return a friendlyName value: a BMPString, as every writer uses */
    public static DERBMPString friendlyName(String name) {
        return new DERBMPString(name);
    }

    private static String hex(ASN1Encodable value) {
        try {
            return HexFormat.of().withUpperCase().formatHex(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            return "?";
        }
    }
}
