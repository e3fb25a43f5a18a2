package org.cairn.certificates.core.spi;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreListing;

/**
 * One physical store behind a logical store of a scope. Read-only stores implement only the reading methods;
 * the writing ones then refuse with {@link AccessDenial.Reason#READ_ONLY_STORE}. Thumbprints passed in are
 * already normalised (40 upper-case hex digits). Entries returned name this store in
 * {@link CertificateEntry#physicalStore()}.
 */
public interface PhysicalStore {

    /** @return the physical store's name, for example {@code .Default} */
    String name();

    /** @return where it is (directory or file), for messages */
    String location();

    /** @return the logical store it belongs to */
    LogicalStore logicalStore();

    /** @return whether certificates can be added, changed and deleted */
    default boolean writable() {
        return false;
    }

    /**
     * Whether an add to the logical store that names no physical store goes here rather than to the first writable
     * store in provider order: the computer's local trust anchors say yes, since an administrator adding a root
     * to the computer means "this machine trusts it". Only a {@link #writable()} store is taken.
     *
     * @return whether this store is the preferred target of adds
     * @since 1.1
     */
    default boolean preferredTarget() {
        return false;
    }

    /**
     * @return the entries, and the problems for entries that could not be read
     * @throws CertificateStoreException when the store as a whole cannot be read
     */
    StoreListing list() throws CertificateStoreException;

    /**
     * @param thumbprint normalised SHA-1 thumbprint
     * @return the entry, read fresh
     * @throws CertificateStoreException when the entry exists but cannot be read
     */
    Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException;

    /**
     * @return empty when the identity may add and change entries here; else why not
     */
    default Optional<AccessDenial> whyNotWritable() {
        return Optional.of(readOnly());
    }

    /**
     * @param thumbprint normalised SHA-1 thumbprint
     * @return empty when the identity may read the entry's private key (whether it exists is not checked)
     */
    default Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY,
                "The physical store " + name() + " holds no private keys."));
    }

    /**
     * Whether the entry's private key may be deleted alone, the certificate staying (the export wizard's "Delete the
     * private key if the export is successful"). A store that writes keys but never deletes one alone (a service's
     * key file that its configuration names) says why here, so that the option is greyed before an export rather than
     * refused after it.
     *
     * @param thumbprint normalised SHA-1 thumbprint
     * @return empty when the identity may delete the entry's private key (whether it exists is not checked); else why
     *         not. By default the same as {@link #whyNotWritable()}
     * @since 1.3
     */
    default Optional<AccessDenial> whyKeyNotDeletable(String thumbprint) {
        return whyNotWritable();
    }

    /**
     * @param certificate the certificate
     * @param privateKey  its key, if any
     * @param attributes  attributes
     * @return the new entry
     * @throws CertificateStoreException when it exists already, or refused, or writing fails
     */
    default CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        throw new CertificateStoreException(readOnly());
    }

    /**
     * @param thumbprint normalised SHA-1 thumbprint
     * @throws CertificateStoreException when missing, refused, or writing fails
     */
    default void delete(String thumbprint) throws CertificateStoreException {
        throw new CertificateStoreException(readOnly());
    }

    /**
     * @param thumbprint normalised SHA-1 thumbprint
     * @return the entry without key
     * @throws CertificateStoreException when missing, without key, refused, or writing fails
     */
    default CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
        throw new CertificateStoreException(readOnly());
    }

    /**
     * Changes attributes atomically: reads the current ones under the store lock, applies {@code change}, writes.
     *
     * @param thumbprint normalised SHA-1 thumbprint
     * @param change     the change; must not alter the exportable flag
     * @return the entry as it is now
     * @throws CertificateStoreException when missing, refused, or writing fails
     */
    default CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
            throws CertificateStoreException {
        throw new CertificateStoreException(readOnly());
    }

    /**
     * Reads the private key. Callers (the logical store) check the exportable flag; this checks access.
     *
     * @param thumbprint normalised SHA-1 thumbprint
     * @return the key
     * @throws CertificateStoreException with a denial when absent or not accessible, without when corrupt
     */
    default PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        throw new CertificateStoreException(whyKeyNotReadable(thumbprint).orElse(readOnly()));
    }

    /**
     * @return whether the store has a password (for example an NSS database's primary password) that has not been
     *         given yet in this process; until it is, its private keys are not visible
     * @since 1.2
     */
    default boolean locked() {
        return false;
    }

    /**
     * Gives the store's password. Stores sharing one database (the same {@link #location()}) are unlocked together.
     *
     * @param password the password; not kept, the caller clears it
     * @return whether it was right (false: the store stays locked)
     * @throws CertificateStoreException when the store cannot check it
     * @since 1.2
     */
    default boolean unlock(char[] password) throws CertificateStoreException {
        return !locked();
    }

    /** @return the standard refusal of a read-only store */
    default AccessDenial readOnly() {
        return new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "The physical store " + name() + " (" + location()
                + ") is read-only: change it with the tools of the system that owns it.");
    }
}
