package org.cairn.certificates.export;

import java.util.Objects;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;

/**
 * Which certificate to export: an entry from a listing (the wizard) or a scope, logical store and thumbprint
 * (the command line). Either way the service re-reads the entry from its store, so a stale entry is fine.
 */
public sealed interface ExportSource permits ExportSource.Entry, ExportSource.Reference {

    /** @return the scope whose stores hold the certificate */
    Scope scope();

    /** @return the logical store that holds it */
    LogicalStore store();

    /** @return its SHA-1 thumbprint, 40 upper-case hex digits */
    String thumbprint();

    /**
     * @param entry an entry from a store listing
     * @return a source naming that entry
     */
    static ExportSource of(CertificateEntry entry) {
        return new Entry(entry);
    }

    /**
     * @param scope      the scope
     * @param store      the logical store
     * @param thumbprint the SHA-1 thumbprint, in any case, spaces and colons allowed
     * @return a source naming that certificate
     * @throws IllegalArgumentException when the thumbprint is not 40 hex digits
     */
    static ExportSource of(Scope scope, LogicalStore store, String thumbprint) {
        return new Reference(scope, store, thumbprint);
    }

    /**
     * An entry from a store listing.
     *
     * @param entry the entry
     */
    record Entry(CertificateEntry entry) implements ExportSource {
        public Entry {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public Scope scope() {
            return entry.scope();
        }

        @Override
        public LogicalStore store() {
            return entry.logicalStore();
        }

        @Override
        public String thumbprint() {
            return entry.thumbprint();
        }
    }

    /**
     * A certificate named by where it is.
     *
     * @param scope      the scope
     * @param store      the logical store
     * @param thumbprint the SHA-1 thumbprint (normalised to 40 upper-case hex digits)
     */
    record Reference(Scope scope, LogicalStore store, String thumbprint) implements ExportSource {
        public Reference {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(store, "store");
            thumbprint = CertificateStore.normalizeThumbprint(thumbprint);
        }
    }
}
