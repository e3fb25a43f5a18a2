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

    /** @return the automatic choice */
    static StoreChoice automatic() {
        return new Automatic();
    }

    /** @param store a logical store @return every certificate into that store */
    static StoreChoice chosen(LogicalStore store) {
        return new Chosen(store);
    }
}
