package org.cairn.certificates.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;

/**
 * Supplies physical stores behind logical stores. Register an implementation as an OSGi service (a DS
 * {@code @Component}); the certificate store service merges every provider's physical stores into the logical
 * view, in ascending {@link #order()}. Cairn provides the writable file store of each scope (order 0) and the
 * operating system's read-only trust bundle under the computer's Trusted Root Certification Authorities
 * (order 100). A third party can add, for example, an NSS database or a PKCS#11 token.
 */
public interface StoreProvider {

    /** @return a stable identifier, for example {@code file} or {@code os-trust-bundle} */
    String id();

    /**
     * @return the merge order: lower first. The first physical store holding a certificate gives its attributes
     *         and key; exactly one provider should offer writable stores (the file store, order 0)
     */
    default int order() {
        return 100;
    }

    /**
     * @param context the scope being opened
     * @param store   a logical store
     * @return the physical store this provider has behind that logical store in that scope, or empty
     * @throws CertificateStoreException when the provider cannot open it
     */
    Optional<PhysicalStore> open(StoreContext context, LogicalStore store) throws CertificateStoreException;

    /**
     * Adds entries to this provider's writable physical stores of one scope, all or none, even if the process is
     * killed half-way (see {@link org.cairn.certificates.core.CertificateStore#addAll(List)}). Only the provider of
     * the writable stores needs this; the default refuses.
     *
     * @param context the scope
     * @param entries the entries, each new to its logical store
     * @throws CertificateStoreException when refused or when writing fails; then nothing was added
     * @since 1.1
     */
    default void addAll(StoreContext context, List<NewEntry> entries) throws CertificateStoreException {
        throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE,
                "The store provider " + id() + " cannot add certificates."));
    }

    /**
     * For providers with several physical stores behind one logical store (for example one per NSS database of the
     * user). The certificate store service calls this one; the default returns what {@link #open} returns.
     *
     * @param context the scope being opened
     * @param store   a logical store
     * @return the physical stores, each with a distinct {@link PhysicalStore#name()}; empty for none
     * @throws CertificateStoreException when the provider cannot open them
     * @since 1.2
     */
    default List<PhysicalStore> openAll(StoreContext context, LogicalStore store) throws CertificateStoreException {
        return open(context, store).stream().toList();
    }

    /**
     * Registers an existing file as a physical store of the scope, when this provider keeps such registrations (for
     * example a service's Java keystore, {@code cairn cert add-physical-store}). The default registers nothing.
     *
     * @param context      the scope
     * @param file         the file, as the system names it
     * @param passwordFile a file holding its password, if it has one and it is to be read from there
     * @return the physical store now registered, or empty when this provider does not register such files in that
     *         scope
     * @throws CertificateStoreException when this provider refuses it (a file it cannot read, a wrong password, no
     *                                   right to register); then nothing was registered
     * @since 1.3
     */
    default Optional<CertificateStore.PhysicalStoreInfo> register(StoreContext context, Path file,
            Optional<Path> passwordFile) throws CertificateStoreException {
        return Optional.empty();
    }

    /**
     * Removes a registration made by {@link #register}; the file itself stays.
     *
     * @param context the scope
     * @param file    the registered file, as the system names it
     * @return whether this provider had it registered (and no longer has)
     * @throws CertificateStoreException when the registration cannot be changed
     * @since 1.3
     */
    default boolean unregister(StoreContext context, Path file) throws CertificateStoreException {
        return false;
    }
}
