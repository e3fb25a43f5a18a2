package org.cairn.certificates.core;

/**
 * Opens the certificate stores of a scope. Available as an OSGi Declarative Services service (built from the
 * {@link org.cairn.certificates.core.spi.StoreProvider} services present), or without OSGi through
 * {@link CertificateStores#create}.
 */
public interface CertificateStoreService {

    /**
     * Opens the stores of a scope. The current user's root directory is created on first use with owner-only
     * permissions; other scopes' roots are created when first written.
     *
     * @param scope the scope
     * @return its stores; cheap, opening reads nothing until a store is listed
     * @throws CertificateStoreException when the scope's root cannot be created
     */
    CertificateStore open(Scope scope) throws CertificateStoreException;

    /** @return the identity whose rights are checked */
    Identity identity();

    /** @return where the scopes live */
    StoreRoots roots();
}
