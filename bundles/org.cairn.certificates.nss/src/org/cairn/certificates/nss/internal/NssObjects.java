package org.cairn.certificates.nss.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;

/**
 * What one read of an NSS database found: every certificate with its nickname, its trust and its private key
 * (matched by {@code CKA_ID}, as NSS does).
 *
 * @param certificates the certificates, in the database's order
 * @param locked       whether the database has a primary password not given yet (private keys are then hidden)
 */
record NssObjects(List<Cert> certificates, boolean locked) {

    /**
     * One certificate.
     *
     * @param der         its encoding
     * @param thumbprint  SHA-1, upper-case hex
     * @param nickname    NSS nickname ({@code CKA_LABEL}), may be empty
     * @param trust       its trust
     * @param key         its private key, if the database holds one (and is unlocked)
     */
    record Cert(byte[] der, String thumbprint, String nickname, NssTrust trust, Optional<Key> key) {
    }

    /**
     * A private key's properties.
     *
     * @param keyType     {@code CKA_KEY_TYPE}
     * @param extractable {@code CKA_EXTRACTABLE}: whether NSS lets it leave wrapped
     */
    record Key(long keyType, boolean extractable) {
    }

    /** Reads every certificate, trust object and private key of the database in one session. */
    static NssObjects read(Pkcs11 p11, long session, boolean locked) {
        Map<String, Long> keys = new HashMap<>();
        Map<String, Key> keyInfo = new HashMap<>();
        for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PRIVATE_KEY})) {
            Optional<byte[]> id = p11.attribute(session, h, Pkcs11.CKA_ID);
            if (id.isPresent()) {
                String hex = HexFormat.of().formatHex(id.get());
                keys.put(hex, h);
                keyInfo.put(hex, new Key(p11.ulongAttribute(session, h, Pkcs11.CKA_KEY_TYPE).orElse(-1L),
                        p11.booleanAttribute(session, h, Pkcs11.CKA_EXTRACTABLE).orElse(false)));
            }
        }
        Map<String, NssTrust> trust = new HashMap<>();
        for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_NSS_TRUST})) {
            Optional<byte[]> sha1 = p11.attribute(session, h, Pkcs11.CKA_CERT_SHA1_HASH);
            if (sha1.isPresent()) {
                trust.put(HexFormat.of().withUpperCase().formatHex(sha1.get()), new NssTrust(
                        level(p11, session, h, Pkcs11.CKA_TRUST_SERVER_AUTH),
                        level(p11, session, h, Pkcs11.CKA_TRUST_CLIENT_AUTH),
                        level(p11, session, h, Pkcs11.CKA_TRUST_EMAIL_PROTECTION),
                        level(p11, session, h, Pkcs11.CKA_TRUST_CODE_SIGNING)));
            }
        }
        List<Cert> certificates = new ArrayList<>();
        for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS, Pkcs11.CKA_CERTIFICATE_TYPE},
                new long[] {Pkcs11.CKO_CERTIFICATE, 0 /* CKC_X_509 */})) {
            Optional<byte[]> der = p11.attribute(session, h, Pkcs11.CKA_VALUE);
            if (der.isEmpty()) {
                continue;
            }
            String thumbprint = CertificateEntry.sha1(der.get());
            String nickname = p11.attribute(session, h, Pkcs11.CKA_LABEL)
                    .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
            Optional<Key> key = p11.attribute(session, h, Pkcs11.CKA_ID)
                    .map(id -> keyInfo.get(HexFormat.of().formatHex(id)));
            certificates.add(new Cert(der.get(), thumbprint, nickname, trust.getOrDefault(thumbprint, NssTrust.NONE), key));
        }
        return new NssObjects(List.copyOf(certificates), locked);
    }

    private static NssTrust.Level level(Pkcs11 p11, long session, long handle, long attribute) {
        return p11.ulongAttribute(session, handle, attribute).map(NssTrust.Level::of).orElse(NssTrust.Level.NONE);
    }

    /**
     * @return the handle of the certificate's private key in this session, if any
     */
    static Optional<Long> keyHandle(Pkcs11 p11, long session, String thumbprint) {
        for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_CERTIFICATE})) {
            Optional<byte[]> der = p11.attribute(session, h, Pkcs11.CKA_VALUE);
            if (der.isPresent() && CertificateEntry.sha1(der.get()).equals(thumbprint)) {
                Optional<byte[]> id = p11.attribute(session, h, Pkcs11.CKA_ID);
                if (id.isEmpty()) {
                    return Optional.empty();
                }
                for (long k : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PRIVATE_KEY})) {
                    if (p11.attribute(session, k, Pkcs11.CKA_ID).map(kid -> Arrays.equals(kid, id.get())).orElse(false)) {
                        return Optional.of(k);
                    }
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
