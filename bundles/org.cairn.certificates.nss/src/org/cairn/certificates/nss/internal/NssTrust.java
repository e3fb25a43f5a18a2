package org.cairn.certificates.nss.internal;

import java.util.ArrayList;
import java.util.List;

import org.cairn.certificates.core.LogicalStore;

/**
 * A certificate's NSS trust (a {@code CKO_NSS_TRUST} object), per purpose, and where Cairn places it.
 *
 * @param serverAuth      trust for server authentication (certutil's SSL column, {@code C}, {@code P}, {@code p})
 * @param clientAuth      trust for client authentication (certutil's {@code T})
 * @param emailProtection trust for secure email (certutil's S/MIME column)
 * @param codeSigning     trust for code signing (certutil's JAR/XPI column)
 */
public record NssTrust(Level serverAuth, Level clientAuth, Level emailProtection, Level codeSigning) {

    /** NSS's trust values ({@code CKT_NSS_*}). */
    public enum Level {
        /** No trust object, or no value for this purpose. */
        NONE("not set", ""),
        /** Trusted as a certification authority ({@code CKT_NSS_TRUSTED_DELEGATOR}, certutil {@code C}). */
        TRUSTED_DELEGATOR("trusted as a certification authority", "C"),
        /** Trusted as this peer itself ({@code CKT_NSS_TRUSTED}, certutil {@code P}). */
        TRUSTED("trusted as a peer certificate", "P"),
        /** Valid certification authority, trust from the chain ({@code CKT_NSS_VALID_DELEGATOR}, certutil {@code c}). */
        VALID_DELEGATOR("valid certification authority, not a trust anchor", "c"),
        /** Explicitly distrusted ({@code CKT_NSS_NOT_TRUSTED}, certutil {@code p}). */
        NOT_TRUSTED("distrusted", "p"),
        /** Must be verified through its chain ({@code CKT_NSS_MUST_VERIFY_TRUST}). */
        MUST_VERIFY("verified through its chain", ""),
        /** Trust unknown ({@code CKT_NSS_TRUST_UNKNOWN}). */
        UNKNOWN("unknown", "");

        private final String words;
        private final String flag;

        Level(String words, String flag) {
            this.words = words;
            this.flag = flag;
        }

        /** @return the value in plain words */
        public String words() {
            return words;
        }

        static Level of(long ckt) {
            return switch ((int) (ckt - 0xCE534350L)) {
                case 1 -> TRUSTED;
                case 2 -> TRUSTED_DELEGATOR;
                case 3 -> MUST_VERIFY;
                case 5 -> UNKNOWN;
                case 10 -> NOT_TRUSTED;
                case 11 -> VALID_DELEGATOR;
                default -> NONE;
            };
        }
    }

    /** No trust object. */
    public static final NssTrust NONE = new NssTrust(Level.NONE, Level.NONE, Level.NONE, Level.NONE);

    private List<Level> all() {
        return List.of(serverAuth, clientAuth, emailProtection, codeSigning);
    }

    /**
     * Where a certificate without a private key goes: trusted as a CA → Trusted Root Certification Authorities
     * (only for client authentication → Client Authentication Issuers); else distrusted → Untrusted
     * Certificates; else trusted peer → Trusted People; else a CA → Intermediate Certification Authorities;
     * else Other People.
     *
     * @param isCa whether the certificate is a CA certificate (basic constraints)
     * @return the logical store
     */
    public LogicalStore place(boolean isCa) {
        if (serverAuth == Level.TRUSTED_DELEGATOR || emailProtection == Level.TRUSTED_DELEGATOR
                || codeSigning == Level.TRUSTED_DELEGATOR) {
            return LogicalStore.TRUSTED_ROOT;
        }
        if (clientAuth == Level.TRUSTED_DELEGATOR) {
            return LogicalStore.CLIENT_AUTH_ISSUERS;
        }
        if (all().contains(Level.NOT_TRUSTED)) {
            return LogicalStore.UNTRUSTED;
        }
        if (all().contains(Level.TRUSTED)) {
            return LogicalStore.TRUSTED_PEOPLE;
        }
        return isCa ? LogicalStore.INTERMEDIATE : LogicalStore.OTHER_PEOPLE;
    }

    /**
     * @param hasKey whether the database holds the certificate's private key ({@code u})
     * @return the trust as {@code certutil -L} writes it, for example {@code CT,,} or {@code u,u,u}
     */
    public String certutilFlags(boolean hasKey) {
        String u = hasKey ? "u" : "";
        String ssl = serverAuth.flag + (clientAuth == Level.TRUSTED_DELEGATOR ? "T" : "");
        return ssl + u + "," + emailProtection.flag + u + "," + codeSigning.flag + u;
    }

    /** @return the trust per purpose in plain words, for the certificate's description */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add("Server Authentication: " + serverAuth.words);
        parts.add("Client Authentication: " + clientAuth.words);
        parts.add("Secure Email: " + emailProtection.words);
        parts.add("Code Signing: " + codeSigning.words);
        return String.join("; ", parts);
    }
}
