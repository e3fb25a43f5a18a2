package org.cairn.certificates.core;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * "Where is this certificate trusted?" and "Trust/Distrust everywhere": every physical store, of every scope this
 * process can read (the current user's and the computer's), that holds a certificate; and a root added to or removed
 * from all the writable places other programs read (the computer's local trust anchors, each NSS database) in one
 * step, each place reported with its outcome. Trusting leaves out Cairn's own physical store ({@link #OWN}), which no
 * other program reads; distrusting removes the certificate from there too. The console's All Tasks and
 * {@code cairn cert trust|distrust --everywhere} both use it. Every call reads or changes stores: never on a UI thread.
 *
 * @since 1.5
 */
public final class TrustEverywhere {

    /** Cairn's own physical store, which only Cairn reads. */
    public static final String OWN = ".Default";

    /** What happened at one place. */
    public enum Outcome {
        /** The place holds the certificate (a question, no change). */
        HELD,
        /** The certificate was added there. */
        ADDED,
        /** The place held it already. */
        ALREADY_THERE,
        /** The certificate was removed from there. */
        REMOVED,
        /** It is still there: a writable place it was not removed from. */
        STILL_THERE,
        /** It is still there: the place cannot be changed (the distribution's bundle, for example). */
        STILL_THERE_READ_ONLY,
        /** The place refused the change; {@link Place#detail()} says why. */
        NOT_CHANGED
    }

    /**
     * One physical store that holds the certificate, or one place a change was tried.
     *
     * @param scope         whose stores
     * @param store         the logical store
     * @param physicalStore the physical store's name
     * @param outcome       what happened there
     * @param detail        where the place is (for {@link Outcome#ADDED}) or why it refused (for
     *                      {@link Outcome#NOT_CHANGED}); empty otherwise
     */
    public record Place(Scope scope, LogicalStore store, String physicalStore, Outcome outcome, String detail) {

        public Place {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(physicalStore, "physicalStore");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }

        /** @return whether the place refused the change */
        public boolean refused() {
            return outcome == Outcome.NOT_CHANGED;
        }

        /** @return "scope / logical store / physical store", as the command line prints it */
        public String where() {
            return scope.displayName() + " / " + store.displayName() + " / " + physicalStore;
        }

        /** @return the outcome in the command line's words: "added (sql:...)", "not changed: why", ... */
        public String outcomeText() {
            return switch (outcome) {
                case HELD -> "";
                case ADDED -> "added (" + detail + ")";
                case ALREADY_THERE -> "already there";
                case REMOVED -> "removed";
                case STILL_THERE -> "still there";
                case STILL_THERE_READ_ONLY -> "still there (read-only)";
                case NOT_CHANGED -> "not changed: " + detail;
            };
        }

        /** @return {@link #where()} and, after a change, ": " and {@link #outcomeText()} */
        public String line() {
            String text = outcomeText();
            return where() + (text.isEmpty() ? "" : ": " + text);
        }
    }

    private final CertificateStoreService stores;

    /** @param stores opens the stores of each scope */
    public TrustEverywhere(CertificateStoreService stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    /** @return the scopes looked at: the current user's (NSS databases) and the computer's (anchors, Java, services) */
    public List<Scope> scopes() {
        return List.of(Scope.currentUser(), Scope.computer());
    }

    /**
     * @param thumbprint the certificate's SHA-1 thumbprint
     * @return every physical store, of every scope, that holds the certificate ({@link Outcome#HELD})
     * @throws CertificateStoreException when a scope's stores cannot be read
     */
    public List<Place> holders(String thumbprint) throws CertificateStoreException {
        List<Place> places = new ArrayList<>();
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            for (CertificateEntry entry : store.find(thumbprint)) {
                for (String physical : entry.physicalStores()) {
                    places.add(new Place(scope, entry.logicalStore(), physical, Outcome.HELD, ""));
                }
            }
        }
        return places;
    }

    /**
     * @param thumbprint the certificate's SHA-1 thumbprint
     * @return the certificate with that thumbprint from the first scope that holds it
     * @throws CertificateStoreException when a scope's stores cannot be read
     */
    public Optional<X509Certificate> certificate(String thumbprint) throws CertificateStoreException {
        for (Scope scope : scopes()) {
            for (CertificateEntry entry : stores.open(scope).find(thumbprint)) {
                return Optional.of(entry.certificate());
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a certificate may be trusted everywhere: only a root, a certificate issued to itself and signed with its
     * own key, is a trust anchor. A certificate issued by another is trusted through its root; put into every trust
     * store it would make each program trust whatever it names, without the root's constraints.
     *
     * @param certificate the certificate
     * @return empty for a root; else why not, in the command line's words
     * @since 1.5
     */
    public static Optional<String> whyNotARoot(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return Optional.of("only a root certificate (issued to itself) can be trusted everywhere; "
                    + certificate.getSubjectX500Principal().getName() + " was issued by "
                    + certificate.getIssuerX500Principal().getName() + ". Trust the root of its certification path"
                    + " instead.");
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return Optional.empty();
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return Optional.of("only a root certificate can be trusted everywhere; "
                    + certificate.getSubjectX500Principal().getName() + " names itself as its issuer but is not signed"
                    + " with its own key (" + e.getMessage() + "). Trust the root of its certification path instead.");
        }
    }

    /**
     * Adds the root to Trusted Root Certification Authorities in every writable physical store but Cairn's own, one
     * after the other; a place that refuses does not stop the others.
     *
     * @param root the certificate to trust: a root ({@link #whyNotARoot(X509Certificate)})
     * @return each place and what happened there ({@link Outcome#ADDED}, {@link Outcome#ALREADY_THERE} or
     *         {@link Outcome#NOT_CHANGED} with the reason)
     * @throws CertificateStoreException when the certificate is not a root (nothing is changed), or when a scope's
     *                                   stores cannot be read
     */
    public List<Place> trust(X509Certificate root) throws CertificateStoreException {
        Optional<String> notARoot = whyNotARoot(root);
        if (notARoot.isPresent()) {
            throw new CertificateStoreException(notARoot.get());
        }
        String thumbprint;
        try {
            thumbprint = CertificateEntry.sha1(root.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CertificateStoreException("The certificate " + root.getSubjectX500Principal()
                    + " cannot be encoded: " + e.getMessage(), e);
        }
        List<Place> places = new ArrayList<>();
        LogicalStore logical = LogicalStore.TRUSTED_ROOT;
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            // where it is before the change: adding to one physical store does not put it in another
            List<String> holding = store.find(logical, thumbprint).map(CertificateEntry::physicalStores).orElse(List.of());
            for (CertificateStore.PhysicalStoreInfo physical : store.physicalStores(logical)) {
                if (!physical.writable() || physical.name().equals(OWN)) {
                    continue;
                }
                if (holding.contains(physical.name())) {
                    places.add(new Place(scope, logical, physical.name(), Outcome.ALREADY_THERE, ""));
                    continue;
                }
                try {
                    store.add(logical, physical.name(), root, Optional.empty(), EntryAttributes.defaults());
                    places.add(new Place(scope, logical, physical.name(), Outcome.ADDED, physical.location()));
                } catch (CertificateStoreException e) {
                    places.add(new Place(scope, logical, physical.name(), Outcome.NOT_CHANGED, e.getMessage()));
                }
            }
        }
        return places;
    }

    /**
     * Removes the certificate from Trusted Root Certification Authorities in every writable physical store, Cairn's
     * own included (distrusting means no longer trusting it anywhere), one store at a time; read-only copies (the
     * distribution's bundle) are reported as still holding it.
     *
     * @param thumbprint the certificate's SHA-1 thumbprint
     * @return each place and what happened there
     * @throws CertificateStoreException when a scope's stores cannot be read
     */
    public List<Place> distrust(String thumbprint) throws CertificateStoreException {
        List<Place> places = new ArrayList<>();
        LogicalStore logical = LogicalStore.TRUSTED_ROOT;
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            List<String> writable = store.physicalStores(logical).stream()
                    .filter(CertificateStore.PhysicalStoreInfo::writable).map(CertificateStore.PhysicalStoreInfo::name)
                    .toList();
            Optional<String> refused = Optional.empty();
            // the store deletes from the first writable physical store holding it: again until none is left
            for (int round = 0; round <= writable.size(); round++) {
                Optional<CertificateEntry> entry = store.find(logical, thumbprint);
                if (entry.isEmpty()) {
                    break;
                }
                Optional<String> holder = entry.get().physicalStores().stream().filter(writable::contains).findFirst();
                if (holder.isEmpty()) {
                    break;
                }
                try {
                    store.delete(entry.get());
                    places.add(new Place(scope, logical, holder.get(), Outcome.REMOVED, ""));
                } catch (CertificateStoreException e) {
                    refused = holder;
                    places.add(new Place(scope, logical, holder.get(), Outcome.NOT_CHANGED, e.getMessage()));
                    break;
                }
            }
            Optional<CertificateEntry> left = store.find(logical, thumbprint);
            if (left.isPresent()) {
                for (String p : left.get().physicalStores()) {
                    if (refused.isEmpty() || !refused.get().equals(p)) {
                        places.add(new Place(scope, logical, p,
                                writable.contains(p) ? Outcome.STILL_THERE : Outcome.STILL_THERE_READ_ONLY, ""));
                    }
                }
            }
        }
        return places;
    }
}
