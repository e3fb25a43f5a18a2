package org.cairn.certificates.core;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate stores of one scope, as the Certificates snap-in shows them: each {@link LogicalStore}
 * merges the physical stores behind it (the scope's writable file store and, for the computer's Trusted Root
 * Certification Authorities, the operating system's read-only trust bundle).
 *
 * <p>Every change is crash-safe and safe against another process changing the same store at the same time
 * (no lost update). Operations take an entry from an earlier listing; they re-read the current state on disk
 * under the store's lock, so an entry that is slightly out of date is fine. Thumbprints may be given in any
 * case, with or without spaces or colons.</p>
 *
 * <p>Rights: the current user's scope belongs to the user; keys and changes in the computer and service scopes
 * need root or the account owning the files. {@code why...} methods answer without throwing, for the UI.</p>
 */
public interface CertificateStore {

    /** @return the scope of these stores */
    Scope scope();

    /** @return the identity whose rights are checked */
    Identity identity();

    /**
     * @param store a logical store
     * @return its merged entries and the problems (corrupt entries, with their paths) found while reading it
     * @throws CertificateStoreException when the store as a whole cannot be read (for example no permission on
     *                                   its directory); a missing store is simply empty
     */
    StoreListing list(LogicalStore store) throws CertificateStoreException;

    /**
     * @return the entries of every logical store (one listing)
     * @throws CertificateStoreException as {@link #list(LogicalStore)}
     */
    StoreListing listAll() throws CertificateStoreException;

    /**
     * @param store      a logical store
     * @param thumbprint SHA-1 thumbprint
     * @return the entry, or empty when the store does not hold that certificate
     * @throws CertificateStoreException as {@link #list(LogicalStore)}
     */
    Optional<CertificateEntry> find(LogicalStore store, String thumbprint) throws CertificateStoreException;

    /**
     * @param thumbprint SHA-1 thumbprint
     * @return the entries with that thumbprint in every logical store of the scope (a certificate can be in several)
     * @throws CertificateStoreException as {@link #list(LogicalStore)}
     */
    List<CertificateEntry> find(String thumbprint) throws CertificateStoreException;

    /**
     * @return the physical stores behind a logical store, writable first, with where they are
     * @param store a logical store
     * @throws CertificateStoreException when a provider fails
     */
    List<PhysicalStoreInfo> physicalStores(LogicalStore store) throws CertificateStoreException;

    /**
     * The physical store that {@link #add} would write to: the writable store that prefers adds (for example the
     * computer's local trust anchors), else the first writable one. Reads no certificates, but providers may look
     * at the file system: call it off the UI thread.
     *
     * @param store a logical store
     * @return the target, or empty when no physical store behind it is writable
     * @throws CertificateStoreException when a provider fails
     * @since 1.3
     */
    default Optional<PhysicalStoreInfo> addTarget(LogicalStore store) throws CertificateStoreException {
        return physicalStores(store).stream().filter(PhysicalStoreInfo::writable).findFirst();
    }

    /**
     * Adds a certificate (and its private key) to the scope's writable physical store ({@link #addTarget}).
     *
     * @param store       the logical store
     * @param certificate the certificate
     * @param privateKey  its private key, if any; must match the certificate's public key
     * @param attributes  friendly name, description, exportable flag, extended properties
     * @return the new entry
     * @throws CertificateStoreException when the certificate is already there (delete it first, or change its
     *                                   attributes), the key does not match, the identity may not change this
     *                                   scope, or writing fails
     */
    CertificateEntry add(LogicalStore store, X509Certificate certificate, Optional<PrivateKey> privateKey,
            EntryAttributes attributes) throws CertificateStoreException;

    /**
     * Adds a certificate (and its private key) to one named physical store behind the logical store, for example an
     * NSS database ("show physical stores" in the Import wizard, {@code --physical-store} in the command line).
     *
     * @param store         the logical store
     * @param physicalStore the physical store's {@link PhysicalStoreInfo#name()}
     * @param certificate   the certificate
     * @param privateKey    its private key, if any
     * @param attributes    the attributes; a physical store may keep only some of them (an NSS database: the
     *                      friendly name, as its nickname)
     * @return the new entry
     * @throws CertificateStoreException when there is no such physical store, it refuses (read-only, held by a
     *                                   running program, locked), or writing fails
     * @since 1.4
     */
    default CertificateEntry add(LogicalStore store, String physicalStore, X509Certificate certificate,
            Optional<PrivateKey> privateKey, EntryAttributes attributes) throws CertificateStoreException {
        throw new CertificateStoreException("No physical store named " + physicalStore + " is behind "
                + store.displayName() + ".");
    }

    /**
     * Adds several certificates, all or none, even if the process is killed half-way: every entry is written in
     * full where listings do not look, then one journal record commits them all, then they are moved into place. A
     * process killed before the commit leaves nothing (its files are removed by the next change); one killed after it
     * leaves a journal that the next change or listing completes. A listing never shows part of the batch.
     *
     * @param entries the certificates to add; each must be new to its logical store, and no store and thumbprint may
     *                appear twice
     * @return the entries as added, in the order given
     * @throws CertificateStoreException when one of them is already there, a key does not belong to its certificate,
     *                                   the stores are not writable, or writing fails; then nothing was added
     * @since 1.2
     */
    List<CertificateEntry> addAll(List<NewEntry> entries) throws CertificateStoreException;

    /**
     * Deletes a certificate, with its key, from the writable physical store. A copy in a read-only physical store
     * stays and keeps showing.
     *
     * @param entry the entry
     * @throws CertificateStoreException when it is only in a read-only store, the identity may not change the
     *                                   scope, it no longer exists, or writing fails
     */
    void delete(CertificateEntry entry) throws CertificateStoreException;

    /**
     * Deletes only the private key (as the export wizard does after a verified export); the certificate stays.
     *
     * @param entry the entry
     * @return the entry as it is now (without key)
     * @throws CertificateStoreException with a denial when there is no key or no access to it
     */
    CertificateEntry deletePrivateKey(CertificateEntry entry) throws CertificateStoreException;

    /**
     * @param entry the entry
     * @param name  the friendly name, empty for none
     * @return the entry as it is now
     * @throws CertificateStoreException when the entry is read-only or not accessible, or writing fails
     */
    CertificateEntry setFriendlyName(CertificateEntry entry, String name) throws CertificateStoreException;

    /**
     * @param entry the entry
     * @param text  the description, empty for none
     * @return the entry as it is now
     * @throws CertificateStoreException as {@link #setFriendlyName}
     */
    CertificateEntry setDescription(CertificateEntry entry, String text) throws CertificateStoreException;

    /**
     * Replaces all extended properties.
     *
     * @param entry      the entry
     * @param properties the new extended properties
     * @return the entry as it is now
     * @throws CertificateStoreException as {@link #setFriendlyName}
     */
    CertificateEntry setProperties(CertificateEntry entry, Map<String, String> properties) throws CertificateStoreException;

    /**
     * Sets one extended property, keeping the others (read-modify-write under the store lock, so two processes
     * setting different properties at once both win).
     *
     * @param entry the entry
     * @param name  property name, non-empty
     * @param value property value
     * @return the entry as it is now
     * @throws CertificateStoreException as {@link #setFriendlyName}
     */
    CertificateEntry putProperty(CertificateEntry entry, String name, String value) throws CertificateStoreException;

    /**
     * @param entry the entry
     * @param name  property name
     * @return the entry as it is now
     * @throws CertificateStoreException as {@link #setFriendlyName}
     */
    CertificateEntry removeProperty(CertificateEntry entry, String name) throws CertificateStoreException;

    /**
     * The private key, for export: only when it exists, was stored as exportable, and the identity may read it.
     *
     * @param entry the entry
     * @return the private key
     * @throws CertificateStoreException with {@link CertificateStoreException#denial()} set when refused, or
     *                                   without when the key file is unreadable or corrupt
     */
    PrivateKey exportablePrivateKey(CertificateEntry entry) throws CertificateStoreException;

    /**
     * Why the private key cannot be exported, without throwing: for the wizard's "Yes, export the private key".
     *
     * @param entry the entry
     * @return empty when {@link #exportablePrivateKey} would hand out the key; else the first reason:
     *         {@code NO_PRIVATE_KEY}, {@code NO_ACCESS}, then {@code NOT_EXPORTABLE}
     */
    Optional<AccessDenial> whyKeyNotExportable(CertificateEntry entry);

    /**
     * @param entry the entry
     * @return empty when {@link #deletePrivateKey} is allowed; else {@code NO_PRIVATE_KEY}, {@code READ_ONLY_STORE}
     *         or {@code NO_ACCESS}
     */
    Optional<AccessDenial> whyKeyNotDeletable(CertificateEntry entry);

    /**
     * @param entry the entry
     * @return empty when the entry may be deleted or its attributes changed; else {@code READ_ONLY_STORE} or
     *         {@code NO_ACCESS}
     */
    Optional<AccessDenial> whyNotModifiable(CertificateEntry entry);

    /**
     * @param store a logical store
     * @return empty when certificates may be added to it; else {@code NO_ACCESS} or {@code READ_ONLY_STORE}
     */
    Optional<AccessDenial> whyCannotAdd(LogicalStore store);

    /**
     * Builds the certification path from the stores of this scope and of the computer.
     *
     * @param entry the leaf
     * @return the path, leaf first, with the missing issuer when incomplete
     * @throws CertificateStoreException when the leaf itself cannot be read
     */
    CertificationPath chain(CertificateEntry entry) throws CertificateStoreException;

    /**
     * Reads the stores that validation needs once: Trusted Root and Third-Party Root Certification Authorities
     * (every physical store) as trust anchors, Untrusted Certificates as distrusted, the other stores as possible
     * intermediates; for the current user and services also the computer's. Paths may then run through an
     * Untrusted certificate, which the verdict names ({@link CertificateStatus#DISTRUSTED}).
     *
     * @param options the validation time and whether to check revocation
     * @return a validator over what the stores hold now
     * @throws CertificateStoreException when a store cannot be read
     * @since 1.2
     */
    ChainValidator validator(ValidationOptions options) throws CertificateStoreException;

    /**
     * The verdict on one certificate now, without revocation checking: what the certificate dialog shows. Reads
     * the stores (see {@link #validator}); a list of many certificates should take one validator instead.
     *
     * @param entry the certificate
     * @return the verdict, with the certification path
     * @throws CertificateStoreException when a store cannot be read
     * @since 1.2
     */
    default ChainValidation validate(CertificateEntry entry) throws CertificateStoreException {
        return validator(ValidationOptions.defaults()).validate(entry);
    }

    /**
     * The "Certificate purpose" view: every entry of every logical store grouped by intended purpose.
     *
     * @return the groups, {@link Purpose#ALL} first
     * @throws CertificateStoreException as {@link #list(LogicalStore)}
     */
    List<PurposeGroup> byPurpose() throws CertificateStoreException;

    /**
     * @param thumbprint a thumbprint as users paste it ({@code "a9 4f:..."})
     * @return 40 upper-case hex digits
     * @throws IllegalArgumentException when it is not a SHA-1 thumbprint
     */
    static String normalizeThumbprint(String thumbprint) {
        String t = thumbprint == null ? "" : thumbprint.replaceAll("[\\s:\\u200e\\u200f]", "").toUpperCase(Locale.ROOT);
        if (!t.matches("[0-9A-F]{40}")) {
            throw new IllegalArgumentException("'" + thumbprint
                    + "' is not a SHA-1 thumbprint: give 40 hex digits (spaces and colons are ignored).");
        }
        return t;
    }

    /**
     * The physical stores of this scope that have a password not given yet (for example an NSS database's
     * primary password): their private keys, and so the certificates that have them in Personal, show only after
     * {@link #unlock}.
     *
     * @return the locked stores, once each (by location)
     * @throws CertificateStoreException when a provider fails
     * @since 1.4
     */
    default List<PhysicalStoreInfo> lockedStores() throws CertificateStoreException {
        return List.of();
    }

    /**
     * Gives a locked physical store its password.
     *
     * @param location the store's {@link PhysicalStoreInfo#location()}
     * @param password the password; not kept, the caller clears it
     * @return whether it was right
     * @throws CertificateStoreException when no store has that location, or it cannot check the password
     * @since 1.4
     */
    default boolean unlock(String location, char[] password) throws CertificateStoreException {
        throw new CertificateStoreException("No physical store at " + location + " has a password.");
    }

    /**
     * Registers an existing file as a physical store of this scope, where a store provider keeps such registrations:
     * a service's Java keystore (JKS, JCEKS) or PKCS #12 file, for example, then shown under the service account's
     * logical stores (key entries in Personal). The file stays where it is and is not changed.
     *
     * @param file         the file
     * @param passwordFile a file holding its password on its first line, read whenever the store is read; empty to
     *                     be asked for the password instead ({@link #unlock})
     * @return the physical store registered
     * @throws CertificateStoreException when no provider registers such a file in this scope, or the one that does
     *                                   refuses it; then nothing was registered
     * @since 1.5
     */
    default PhysicalStoreInfo registerPhysicalStore(Path file, Optional<Path> passwordFile)
            throws CertificateStoreException {
        throw new CertificateStoreException("This store cannot register files as physical stores.");
    }

    /**
     * Removes a registration made by {@link #registerPhysicalStore}; the file itself stays.
     *
     * @param file the registered file
     * @return whether it was registered
     * @throws CertificateStoreException when the registration cannot be changed
     * @since 1.5
     */
    default boolean unregisterPhysicalStore(Path file) throws CertificateStoreException {
        return false;
    }

    /**
     * A physical store behind a logical store, for the "physical stores" view and messages.
     *
     * @param name     its name, for example {@code .Default} or {@code .SystemTrustBundle}
     * @param location where it is (a directory or a file)
     * @param writable whether certificates can be added, changed and deleted there
     */
    record PhysicalStoreInfo(String name, String location, boolean writable) {
    }
}
