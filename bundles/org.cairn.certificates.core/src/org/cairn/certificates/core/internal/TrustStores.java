package org.cairn.certificates.core.internal;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.LogicalStore;

/**
 * One reading of the stores that chains are built from: possible issuers by subject (trusted roots first), the
 * thumbprints of trusted roots and of Untrusted Certificates. Builds certification paths two ways: for display and
 * export (an issuer must verify the signature; untrusted certificates are never issuers) and for validation (a path
 * may run through an untrusted certificate, or through an issuer named by the authority key identifier whose
 * signature does not verify, so that the verdict can say so instead of "issuer not found").
 * <p>
 * For display and export ({@link #forDisplay}) the scopes after the first are read when a path needs them: the
 * Untrusted Certificates of every scope at once (a distrusted certificate is never an issuer, whichever scope holds
 * it), the other stores of the computer only when the user's hold no issuer that verifies, or when the root they end
 * in is not trusted by the user's stores. Issuers are tried in the same order as when everything is read (the
 * user's stores before the computer's), so the path is the same; reading the computer's trust anchors (the
 * system's trust bundle and the JDK's cacerts, 300 certificates) took a third of an export's time otherwise.
 */
final class TrustStores {

    /** Chains longer than this are treated as loops (cross-certified CAs). */
    private static final int MAX_PATH = 16;

    /** Where issuers are looked for, in order of preference; Untrusted Certificates are looked at last, and only
     *  to name them. */
    private static final List<LogicalStore> PREFERENCE = List.of(LogicalStore.TRUSTED_ROOT, LogicalStore.THIRD_PARTY_ROOT,
            LogicalStore.INTERMEDIATE, LogicalStore.ENTERPRISE_TRUST, LogicalStore.CLIENT_AUTH_ISSUERS,
            LogicalStore.PERSONAL, LogicalStore.TRUSTED_PUBLISHERS, LogicalStore.TRUSTED_PEOPLE, LogicalStore.OTHER_PEOPLE);

    /** The stores whose certificates are read in advance: the CAs. Personal and people stores may hold thousands of
     *  end-entity certificates, which are issuers rarely; they are read when a path needs them. */
    private static final Set<LogicalStore> CA_STORES = Set.of(LogicalStore.TRUSTED_ROOT, LogicalStore.THIRD_PARTY_ROOT,
            LogicalStore.INTERMEDIATE, LogicalStore.ENTERPRISE_TRUST, LogicalStore.CLIENT_AUTH_ISSUERS);

    /** How a path is built. */
    enum Mode {
        /** Issuers verify the signature; Untrusted Certificates are never used. */
        DISPLAY,
        /** As DISPLAY, then Untrusted Certificates, then an issuer matched by key identifier alone. */
        VALIDATION
    }

    private final Map<X500Principal, List<CertificateEntry>> bySubject = new HashMap<>();
    private final Map<X500Principal, List<CertificateEntry>> distrustedBySubject = new HashMap<>();
    private final Set<String> trustedRoots = new HashSet<>();
    private final Set<String> disallowed = new HashSet<>();
    /** Scopes whose Untrusted Certificates are read but not their other stores, in the order they are read. */
    private final Deque<CertificateStore> unread = new ArrayDeque<>();
    private final boolean preload;

    private TrustStores(boolean preload) {
        this.preload = preload;
    }

    /**
     * Reads every store of every scope now, and parses the possible issuers (for validation, whose results the
     * console draws on the UI thread).
     *
     * @param scopes the stores of the scope, then (for the current user and services) the computer's
     * @return what they hold now
     * @throws CertificateStoreException when a store cannot be read
     */
    static TrustStores read(List<CertificateStore> scopes) throws CertificateStoreException {
        TrustStores stores = new TrustStores(true);
        for (CertificateStore store : scopes) {
            stores.readUntrusted(store);
        }
        stores.unread.addAll(scopes);
        while (stores.readNext()) {
            // all of them
        }
        return stores;
    }

    /**
     * Reads for {@link Mode#DISPLAY} paths: every scope's Untrusted Certificates now, the first scope's other stores
     * now, the later scopes' when a path needs them.
     *
     * @param scopes the stores of the scope, then (for the current user and services) the computer's
     * @return the stores, read as far as a path needs
     * @throws CertificateStoreException when a store cannot be read
     */
    static TrustStores forDisplay(List<CertificateStore> scopes) throws CertificateStoreException {
        TrustStores stores = new TrustStores(false);
        for (CertificateStore store : scopes) {
            stores.readUntrusted(store);
        }
        stores.unread.addAll(scopes);
        stores.readNext();
        return stores;
    }

    private void readUntrusted(CertificateStore store) throws CertificateStoreException {
        for (CertificateEntry e : store.list(LogicalStore.UNTRUSTED).entries()) {
            disallowed.add(e.thumbprint());
            distrustedBySubject.computeIfAbsent(new X500Principal(e.subject()), k -> new ArrayList<>()).add(e);
            if (preload) {
                preload(e);
            }
        }
    }

    /** Reads the next scope's stores of issuers; false when every scope is read. */
    private boolean readNext() throws CertificateStoreException {
        CertificateStore store = unread.poll();
        if (store == null) {
            return false;
        }
        for (LogicalStore logical : PREFERENCE) {
            for (CertificateEntry e : store.list(logical).entries()) {
                if (logical == LogicalStore.TRUSTED_ROOT || logical == LogicalStore.THIRD_PARTY_ROOT) {
                    trustedRoots.add(e.thumbprint());
                }
                bySubject.computeIfAbsent(new X500Principal(e.subject()), k -> new ArrayList<>()).add(e);
                if (preload && CA_STORES.contains(logical)) {
                    preload(e);
                }
            }
        }
        return true;
    }

    /**
     * Reads and parses a possible issuer (a CA, or a distrusted certificate) now, while the stores are read (off the UI thread, where the console lists),
     * so that validating a row later (when it is drawn, on the UI thread) reads no file for its issuers. The entry
     * keeps what it parsed.
     */
    private static void preload(CertificateEntry entry) {
        try {
            entry.certificate();
        } catch (CertificateStoreException e) {
            // a broken candidate is not an issuer (see issuer()); the listing reports it
        }
    }

    /** @return whether the certificate is in Untrusted Certificates */
    boolean distrusted(String thumbprint) {
        return disallowed.contains(thumbprint);
    }

    /** @return whether the certificate is a trusted root that is not also distrusted */
    boolean trusted(String thumbprint) {
        return trustedRoots.contains(thumbprint) && !disallowed.contains(thumbprint);
    }

    /**
     * @param entry the leaf
     * @param mode  how to link
     * @param now   the validation time; VALIDATION prefers issuers valid then (a renewed CA over its expired twin)
     * @return the path, leaf first
     * @throws CertificateStoreException when the leaf cannot be read
     */
    CertificationPath build(CertificateEntry entry, Mode mode, Instant now) throws CertificateStoreException {
        if (mode == Mode.VALIDATION) {
            while (readNext()) {
                // validation weighs every candidate: all of them
            }
        }
        List<CertificateEntry> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        CertificateEntry current = entry;
        X509Certificate currentCert = entry.certificate();
        while (true) {
            path.add(current);
            seen.add(current.thumbprint());
            if (current.isSelfIssued() && (verifies(currentCert, currentCert.getPublicKey())
                    || mode == Mode.VALIDATION && keyIdentifierMatches(currentCert, currentCert))) {
                while (!trusted(current.thumbprint()) && !disallowed.contains(current.thumbprint()) && readNext()) {
                    // a root the scopes read so far do not trust: a later scope may
                }
                return new CertificationPath(path, trusted(current.thumbprint())
                        ? CertificationPath.Status.TRUSTED_ROOT : CertificationPath.Status.UNTRUSTED_ROOT, Optional.empty());
            }
            Link issuer = path.size() < MAX_PATH ? issuer(current, currentCert, seen, mode, now) : null;
            if (issuer == null) {
                return new CertificationPath(path, CertificationPath.Status.ISSUER_NOT_FOUND, Optional.of(current.issuer()));
            }
            current = issuer.entry();
            currentCert = issuer.certificate();
        }
    }

    private record Link(CertificateEntry entry, X509Certificate certificate) {
    }

    private Link issuer(CertificateEntry current, X509Certificate currentCert, Set<String> seen, Mode mode, Instant now)
            throws CertificateStoreException {
        X500Principal name = new X500Principal(current.issuer());
        if (mode == Mode.DISPLAY) {
            // the candidates of the scopes read so far, then those of each later scope, until one verifies
            int tried = 0;
            do {
                List<CertificateEntry> known = bySubject.getOrDefault(name, List.of());
                Link found = verifyingIssuer(known.subList(tried, known.size()), currentCert, seen);
                if (found != null) {
                    return found;
                }
                tried = known.size();
            } while (readNext());
            return null;
        }
        List<CertificateEntry> candidates = new ArrayList<>();
        for (CertificateEntry candidate : bySubject.getOrDefault(name, List.of())) {
            if (!disallowed.contains(candidate.thumbprint())) {
                candidates.add(candidate);
            }
        }
        // validation: then the distrusted ones (so that the verdict can name them)
        candidates.addAll(distrustedBySubject.getOrDefault(name, List.of()));
        Link verifying = null;
        Link byKeyIdentifier = null;
        for (CertificateEntry candidate : candidates) {
            X509Certificate c = seen.contains(candidate.thumbprint()) ? null : readable(candidate);
            if (c == null) {
                continue;
            }
            if (verifies(currentCert, c.getPublicKey())) {
                if (candidate.isValidAt(now)) {
                    return new Link(candidate, c);
                }
                if (verifying == null) {
                    verifying = new Link(candidate, c);
                }
            } else if (byKeyIdentifier == null && keyIdentifierMatches(currentCert, c)) {
                byKeyIdentifier = new Link(candidate, c);
            }
        }
        return verifying != null ? verifying : byKeyIdentifier;
    }

    /** The first candidate that is not distrusted, not on the path yet, and whose key verifies the signature. */
    private Link verifyingIssuer(List<CertificateEntry> candidates, X509Certificate currentCert, Set<String> seen) {
        for (CertificateEntry candidate : candidates) {
            X509Certificate c = disallowed.contains(candidate.thumbprint()) || seen.contains(candidate.thumbprint())
                    ? null : readable(candidate);
            if (c != null && verifies(currentCert, c.getPublicKey())) {
                return new Link(candidate, c);
            }
        }
        return null;
    }

    /** @return the candidate's certificate, or null when it cannot be read: a broken candidate is not an issuer
     *          (the listing reports it) */
    private static X509Certificate readable(CertificateEntry candidate) {
        try {
            return candidate.certificate();
        } catch (CertificateStoreException e) {
            return null;
        }
    }

    static boolean verifies(X509Certificate certificate, PublicKey key) {
        try {
            certificate.verify(key);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the certificate's authority key identifier names the candidate's subject key identifier. */
    private static boolean keyIdentifierMatches(X509Certificate certificate, X509Certificate candidate) {
        try {
            byte[] aki = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
            byte[] ski = candidate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
            if (aki == null || ski == null) {
                return false;
            }
            ASN1OctetString keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(aki).getOctets())
                    .getKeyIdentifierObject();
            byte[] held = SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getKeyIdentifier();
            return keyId != null && Arrays.equals(keyId.getOctets(), held);
        } catch (RuntimeException e) {
            return false; // a malformed extension identifies nothing
        }
    }
}
