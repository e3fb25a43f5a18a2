package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * The PKCS #12 bag attributes Cairn writes, and their encodings.
 *
 * <ul>
 * <li>friendlyName (1.2.840.113549.1.9.20, BMPString) on the key and the leaf certificate;</li>
 * <li>localKeyId (1.2.840.113549.1.9.21, OCTET STRING) on the key and the leaf certificate: the SHA-1
 * thumbprint of the leaf, so the link is stable and says which certificate it is;</li>
 * <li>with "export all extended properties", on the leaf certificate bag, as Windows writes its extended
 * properties: attribute {@code 1.3.6.1.4.1.311.17.3.<property id>} (szOID_PKCS_12_EXTENDED_ATTRIBUTES followed
 * by the CERT_*_PROP_ID) with one OCTET STRING holding the property's bytes. The description is
 * CERT_DESCRIPTION_PROP_ID 13, {@value #MS_DESCRIPTION}, as UTF-16LE text with a terminating NUL (Windows'
 * string property format). The free name/value properties, which have no Windows property id, use the id
 * {@value #CAIRN_PROPERTIES_ID} from Windows' range for application-defined properties (CERT_FIRST_USER_PROP_ID
 * 0x8000 to CERT_LAST_USER_PROP_ID 0xFFFF), {@value #CAIRN_PROPERTIES}, and the bytes are the DER encoding of
 * {@code SEQUENCE OF SEQUENCE { name UTF8String, value UTF8String }}, sorted by name. (An OID under 2.25 from a
 * UUID would need no registration, but GnuTLS 3.7 rejects the whole certificate bag when an OID arc exceeds 64 bits.)</li>
 * </ul>
 * Readers that do not know the last two attributes ignore them (checked with OpenSSL, JDK keytool, NSS, GnuTLS
 * and python-cryptography).
 */
final class Pkcs12Attributes {

    /** Windows' "extended attributes" arc (wincrypt.h szOID_PKCS_12_EXTENDED_ATTRIBUTES). */
    static final String MS_EXTENDED_ATTRIBUTES = "1.3.6.1.4.1.311.17.3";
    /** CERT_DESCRIPTION_PROP_ID (13) under the extended-attributes arc. */
    static final String MS_DESCRIPTION = MS_EXTENDED_ATTRIBUTES + ".13";
    /** The application-defined Windows property id under which Cairn writes its name/value properties (0xCA1E). */
    static final int CAIRN_PROPERTIES_ID = 0xCA1E;
    /** Cairn's name/value properties as a Windows application-defined extended property. */
    static final String CAIRN_PROPERTIES = MS_EXTENDED_ATTRIBUTES + "." + CAIRN_PROPERTIES_ID;

    static final ASN1ObjectIdentifier MS_DESCRIPTION_OID = new ASN1ObjectIdentifier(MS_DESCRIPTION);
    static final ASN1ObjectIdentifier CAIRN_PROPERTIES_OID = new ASN1ObjectIdentifier(CAIRN_PROPERTIES);

    private Pkcs12Attributes() {
    }

    /**
     * @param leaf the certificate the key belongs to
     * @return the localKeyId value: the certificate's SHA-1 thumbprint
     * @throws CertificateEncodingException when the certificate cannot be encoded
     */
    static byte[] localKeyId(X509Certificate leaf) throws CertificateEncodingException {
        try {
            return MessageDigest.getInstance("SHA-1").digest(leaf.getEncoded());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime lacks SHA-1", e);
        }
    }

    /**
     * @param description the text
     * @return the value of {@link #MS_DESCRIPTION}: UTF-16LE with a terminating NUL, as Windows stores strings
     */
    static DEROctetString windowsString(String description) {
        return new DEROctetString((description + '\0').getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * @param value a value of {@link #MS_DESCRIPTION}
     * @return the text
     */
    static String fromWindowsString(byte[] value) {
        String s = new String(value, StandardCharsets.UTF_16LE);
        return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
    }

    /**
     * @param properties name/value pairs, sorted by name
     * @return the value of {@link #CAIRN_PROPERTIES}
     * @throws IOException when the pairs cannot be encoded
     */
    static DEROctetString properties(Map<String, String> properties) throws IOException {
        ASN1EncodableVector all = new ASN1EncodableVector();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            all.add(new DERSequence(new DERUTF8String[] {new DERUTF8String(e.getKey()), new DERUTF8String(e.getValue())}));
        }
        return new DEROctetString(new DERSequence(all).getEncoded(ASN1Encoding.DER));
    }

    /**
     * @param value the bytes of a {@link #CAIRN_PROPERTIES} attribute
     * @return the name/value pairs
     * @throws IOException when they are not encoded as {@link #properties(Map)} writes them
     */
    static Map<String, String> fromProperties(byte[] value) throws IOException {
        Map<String, String> read = new TreeMap<>();
        for (ASN1Encodable pair : ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(value))) {
            ASN1Sequence s = ASN1Sequence.getInstance(pair);
            read.put(DERUTF8String.getInstance(s.getObjectAt(0)).getString(),
                    DERUTF8String.getInstance(s.getObjectAt(1)).getString());
        }
        return read;
    }
}
