package org.cairn.certificates.importing;

import java.util.Objects;

import org.cairn.certificates.core.LogicalStore;

/**
 * Where the imported certificates go, as the Certificate Import Wizard's "Certificate Store" page offers it.
 */
public sealed interface StoreChoice {

    /**
     * "Automatically select the certificate store based on the type of certificate": a certificate with its
     * private key goes to Personal, a self-signed CA certificate to Trusted Root Certification Authorities, another
     * CA certificate to Intermediate Certification Authorities, and any other certificate to Other People.
     */
    record Automatic() implements StoreChoice {
    }

    /**
     * "Place all certificates in the following store".
     *
     * @param store the logical store
     */
    record Chosen(LogicalStore store) implements StoreChoice {
        public Chosen {
            Objects.requireNonNull(store, "store");
        }
    }

    /**
     * "Place all certificates in the following store" with "Show physical stores" on: one physical store behind the
     * logical store, for example an NSS database. Such a store may take certificates one at a time (an NSS database
     * through certutil and pk12util); when one fails, the ones added before are taken out again (all or nothing).
     *
     * @param store         the logical store
     * @param physicalStore the physical store's name ({@code cairn cert list --physical})
     * @since 1.1
     */
    record InPhysicalStore(LogicalStore store, String physicalStore) implements StoreChoice {
        public InPhysicalStore {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(physicalStore, "physicalStore");
        }
    }

    /** @return the automatic choice */
    static StoreChoice automatic() {
        return new Automatic();
    }

    /** @param store a logical store @return every certificate into that store */
    static StoreChoice chosen(LogicalStore store) {
        return new Chosen(store);
    }

    /**
     * @param store         a logical store
     * @param physicalStore a physical store behind it
     * @return every certificate into that physical store
     * @since 1.1
     */
    static StoreChoice chosen(LogicalStore store, String physicalStore) {
        return new InPhysicalStore(store, physicalStore);
    }
}
