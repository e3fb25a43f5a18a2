package org.cairn.certificates.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An intended purpose of a certificate: an extended key usage (EKU) with the name Windows shows, or
 * {@link #ALL} ("&lt;All&gt;") for a certificate without the EKU extension.
 *
 * @param oid         the EKU object identifier; empty for {@link #ALL}
 * @param displayName the familiar name, or the OID itself when it has no familiar name
 */
public record Purpose(String oid, String displayName) implements Comparable<Purpose> {

    /** A certificate without an EKU extension may be used for every purpose. */
    public static final Purpose ALL = new Purpose("", "<All>");
    public static final Purpose SERVER_AUTHENTICATION = new Purpose("1.3.6.1.5.5.7.3.1", "Server Authentication");
    public static final Purpose CLIENT_AUTHENTICATION = new Purpose("1.3.6.1.5.5.7.3.2", "Client Authentication");
    public static final Purpose CODE_SIGNING = new Purpose("1.3.6.1.5.5.7.3.3", "Code Signing");
    public static final Purpose SECURE_EMAIL = new Purpose("1.3.6.1.5.5.7.3.4", "Secure Email");
    public static final Purpose IP_SECURITY_END_SYSTEM = new Purpose("1.3.6.1.5.5.7.3.5", "IP security end system");
    public static final Purpose IP_SECURITY_TUNNEL = new Purpose("1.3.6.1.5.5.7.3.6", "IP security tunnel termination");
    public static final Purpose IP_SECURITY_USER = new Purpose("1.3.6.1.5.5.7.3.7", "IP security user");
    public static final Purpose TIME_STAMPING = new Purpose("1.3.6.1.5.5.7.3.8", "Time Stamping");
    public static final Purpose OCSP_SIGNING = new Purpose("1.3.6.1.5.5.7.3.9", "OCSP Signing");
    public static final Purpose IP_SECURITY_IKE = new Purpose("1.3.6.1.5.5.7.3.17", "IP security IKE intermediate");
    public static final Purpose ANY_PURPOSE = new Purpose("2.5.29.37.0", "Any Purpose");
    public static final Purpose SMART_CARD_LOGON = new Purpose("1.3.6.1.4.1.311.20.2.2", "Smart Card Logon");
    public static final Purpose ENCRYPTING_FILE_SYSTEM = new Purpose("1.3.6.1.4.1.311.10.3.4", "Encrypting File System");
    public static final Purpose DOCUMENT_SIGNING = new Purpose("1.3.6.1.4.1.311.10.3.12", "Document Signing");

    private static final Map<String, Purpose> KNOWN = known();

    public Purpose {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(displayName, "displayName");
    }

    private static Map<String, Purpose> known() {
        Map<String, Purpose> map = new LinkedHashMap<>();
        for (Purpose p : List.of(SERVER_AUTHENTICATION, CLIENT_AUTHENTICATION, CODE_SIGNING, SECURE_EMAIL,
                IP_SECURITY_END_SYSTEM, IP_SECURITY_TUNNEL, IP_SECURITY_USER, TIME_STAMPING, OCSP_SIGNING,
                IP_SECURITY_IKE, ANY_PURPOSE, SMART_CARD_LOGON, ENCRYPTING_FILE_SYSTEM, DOCUMENT_SIGNING)) {
            map.put(p.oid, p);
        }
        return Map.copyOf(map);
    }

    /**
     * @param oid an EKU object identifier
     * @return the purpose with its familiar name, or one named by the OID when the OID is not a familiar one
     */
    public static Purpose ofOid(String oid) {
        Purpose p = KNOWN.get(oid);
        return p != null ? p : new Purpose(oid, oid);
    }

    /**
     * @param ekuOids the certificate's EKU OIDs, or {@code null} when it has no EKU extension
     * @return the purposes, {@code [ALL]} when there is no EKU extension
     */
    public static List<Purpose> of(Collection<String> ekuOids) {
        if (ekuOids == null) {
            return List.of(ALL);
        }
        List<Purpose> purposes = new ArrayList<>(ekuOids.size());
        for (String oid : ekuOids) {
            purposes.add(ofOid(oid));
        }
        return List.copyOf(purposes);
    }

    /** @return the familiar purposes, for choosing EKUs when creating a certificate */
    public static List<Purpose> familiar() {
        return List.of(SERVER_AUTHENTICATION, CLIENT_AUTHENTICATION, CODE_SIGNING, SECURE_EMAIL,
                IP_SECURITY_END_SYSTEM, IP_SECURITY_TUNNEL, IP_SECURITY_USER, TIME_STAMPING, OCSP_SIGNING,
                IP_SECURITY_IKE, ANY_PURPOSE, SMART_CARD_LOGON, ENCRYPTING_FILE_SYSTEM, DOCUMENT_SIGNING);
    }

    /** Orders by display name, with {@link #ALL} first, as MMC's purpose folders. */
    @Override
    public int compareTo(Purpose other) {
        if (equals(other)) {
            return 0;
        }
        if (this.equals(ALL)) {
            return -1;
        }
        if (other.equals(ALL)) {
            return 1;
        }
        int byName = displayName.compareToIgnoreCase(other.displayName);
        return byName != 0 ? byName : oid.compareTo(other.oid);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
