package org.cairn.certificates.cli;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;

/**
 * "Where is this certificate trusted?" and "Trust/Distrust everywhere" (issue 14 item 3): every physical store of
 * every scope Cairn can read here (the current user's and the computer's) that holds a certificate, and a root added
 * to or removed from all the writable places other programs read (the computer's local trust anchors, each NSS
 * database) in one step, each change reported. Trusting leaves out Cairn's own store ({@code .Default}), which no
 * other program reads; distrusting removes it from there too.
 */
final class Everywhere {

    /** Cairn's own physical store, which only Cairn reads. */
    static final String OWN = ".Default";

    private Everywhere() {
    }

    /** One physical store that holds the certificate, or one place a change was tried. */
    record Place(Scope scope, LogicalStore store, String physicalStore, String outcome) {
        String line() {
            return scope.displayName() + " / " + store.displayName() + " / " + physicalStore
                    + (outcome.isEmpty() ? "" : ": " + outcome);
        }
    }

    /** The scopes looked at: the current user's (NSS databases) and the computer's (anchors, Java, services). */
    static List<Scope> scopes() {
        return List.of(Scope.currentUser(), Scope.computer());
    }

    /** @return every physical store, of every scope, that holds the certificate */
    static List<Place> holders(CertificateStoreService stores, String thumbprint) throws CertificateStoreException {
        List<Place> places = new ArrayList<>();
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            for (CertificateEntry entry : store.find(thumbprint)) {
                for (String physical : entry.physicalStores()) {
                    places.add(new Place(scope, entry.logicalStore(), physical, ""));
                }
            }
        }
        return places;
    }

    /** @return the certificate with that thumbprint from the first scope that holds it */
    static Optional<X509Certificate> certificate(CertificateStoreService stores, String thumbprint)
            throws CertificateStoreException {
        for (Scope scope : scopes()) {
            for (CertificateEntry entry : stores.open(scope).find(thumbprint)) {
                return Optional.of(entry.certificate());
            }
        }
        return Optional.empty();
    }

    /**
     * Adds the root to Trusted Root Certification Authorities in every writable physical store but Cairn's own.
     *
     * @return each place and what happened there ("added", "already there", or "not changed: why")
     */
    static List<Place> trust(CertificateStoreService stores, X509Certificate root, String thumbprint)
            throws CertificateStoreException {
        List<Place> places = new ArrayList<>();
        LogicalStore logical = LogicalStore.TRUSTED_ROOT;
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            for (CertificateStore.PhysicalStoreInfo physical : store.physicalStores(logical)) {
                if (!physical.writable() || physical.name().equals(OWN)) {
                    continue;
                }
                Optional<CertificateEntry> there = store.find(logical, thumbprint);
                if (there.isPresent() && there.get().physicalStores().contains(physical.name())) {
                    places.add(new Place(scope, logical, physical.name(), "already there"));
                    continue;
                }
                try {
                    store.add(logical, physical.name(), root, Optional.empty(), EntryAttributes.defaults());
                    places.add(new Place(scope, logical, physical.name(), "added (" + physical.location() + ")"));
                } catch (CertificateStoreException e) {
                    places.add(new Place(scope, logical, physical.name(), "not changed: " + e.getMessage()));
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
     * @return each place and what happened there
     */
    static List<Place> distrust(CertificateStoreService stores, String thumbprint) throws CertificateStoreException {
        List<Place> places = new ArrayList<>();
        LogicalStore logical = LogicalStore.TRUSTED_ROOT;
        for (Scope scope : scopes()) {
            CertificateStore store = stores.open(scope);
            List<String> writable = store.physicalStores(logical).stream().filter(CertificateStore.PhysicalStoreInfo::writable)
                    .map(CertificateStore.PhysicalStoreInfo::name).toList();
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
                    places.add(new Place(scope, logical, holder.get(), "removed"));
                } catch (CertificateStoreException e) {
                    refused = holder;
                    places.add(new Place(scope, logical, holder.get(), "not changed: " + e.getMessage()));
                    break;
                }
            }
            Optional<CertificateEntry> left = store.find(logical, thumbprint);
            if (left.isPresent()) {
                for (String p : left.get().physicalStores()) {
                    if (refused.isEmpty() || !refused.get().equals(p)) {
                        places.add(new Place(scope, logical, p, writable.contains(p) ? "still there" : "still there (read-only)"));
                    }
                }
            }
        }
        return places;
    }
}
