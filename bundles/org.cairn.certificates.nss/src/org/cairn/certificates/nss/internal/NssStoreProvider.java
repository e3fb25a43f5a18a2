package org.cairn.certificates.nss.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;

import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The current user's NSS databases ({@code ~/.pki/nssdb}, Firefox and Thunderbird profiles) as physical stores:
 * one per database behind each logical store NSS certificates are placed in. Certificates with a private key are in
 * Personal, the others where their NSS trust puts them ({@link NssTrust#place}). Read through PKCS #11 (NSS's
 * softokn) with the JDK's foreign function API; written through certutil and pk12util ({@link NssPhysicalStore}).
 */
@Component(service = StoreProvider.class)
public final class NssStoreProvider implements StoreProvider {

    /** The logical stores NSS certificates can land in. */
    static final Set<LogicalStore> PLACES = EnumSet.of(LogicalStore.PERSONAL, LogicalStore.TRUSTED_ROOT,
            LogicalStore.CLIENT_AUTH_ISSUERS, LogicalStore.UNTRUSTED, LogicalStore.TRUSTED_PEOPLE,
            LogicalStore.INTERMEDIATE, LogicalStore.OTHER_PEOPLE);

    private final Supplier<List<NssDatabase>> databases;
    private final Map<Path, Snapshot> snapshots = new HashMap<>();
    /**
     * The primary passwords given in this process, for the NSS tools that write (they log in on their own). softokn
     * holds the unlocked database's keys in this process already, so keeping the password here exposes nothing more.
     */
    private final Map<Path, char[]> passwords = new HashMap<>();

    /** DS: the databases of {@code $HOME} (else the account's home), found again at every open. */
    public NssStoreProvider() {
        this(() -> NssLocations.ofEnvironment().find());
    }

    /** @param databases where the databases come from */
    public NssStoreProvider(Supplier<List<NssDatabase>> databases) {
        this.databases = databases;
    }

    @Override
    public String id() {
        return "nss";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        return openAll(context, store).stream().findFirst();
    }

    @Override
    public List<PhysicalStore> openAll(StoreContext context, LogicalStore store) {
        // the databases are the process user's: only the current user's scope shows them
        if (!(context.scope() instanceof Scope.CurrentUser) || !PLACES.contains(store)) {
            return List.of();
        }
        List<PhysicalStore> stores = new ArrayList<>();
        for (NssDatabase database : databases.get()) {
            stores.add(new NssPhysicalStore(this, context, store, database));
        }
        return stores;
    }

    /** A database's objects as last read, and the file versions they came from. */
    private record Snapshot(List<Long> version, NssObjects objects) {
    }

    /**
     * @return the database's objects, read again when its files or its lock state changed
     * @throws CertificateStoreException when NSS cannot open it
     */
    NssObjects objects(NssDatabase database) throws CertificateStoreException {
        Path dir = database.directory();
        try {
            Softoken softoken = Softoken.get();
            synchronized (softoken) {
                boolean locked = relogin(softoken, dir);
                List<Long> version = version(dir, locked);
                synchronized (snapshots) {
                    Snapshot s = snapshots.get(dir);
                    if (s != null && s.version().equals(version)) {
                        return s.objects();
                    }
                }
                NssObjects objects = softoken.withSession(dir, (p11, session) -> NssObjects.read(p11, session, locked));
                synchronized (snapshots) {
                    snapshots.put(dir, new Snapshot(version, objects));
                }
                return objects;
            }
        } catch (Pkcs11Exception e) {
            throw new CertificateStoreException("Cannot read the NSS database " + database.location() + " ("
                    + database.name() + "): " + e.getMessage(), e);
        }
    }

    private static List<Long> version(Path dir, boolean locked) {
        List<Long> v = new ArrayList<>();
        for (String file : List.of("cert9.db", "key4.db", "cert9.db-wal", "key4.db-wal")) {
            try {
                Path p = dir.resolve(file);
                v.add(Files.exists(p) ? Files.getLastModifiedTime(p).toMillis() : -1);
                v.add(Files.exists(p) ? Files.size(p) : -1);
            } catch (IOException e) {
                v.add(-2L);
            }
        }
        v.add(locked ? 1L : 0L);
        return v;
    }

    /** @return whether the database waits for its primary password */
    boolean locked(NssDatabase database) throws CertificateStoreException {
        try {
            Softoken softoken = Softoken.get();
            synchronized (softoken) {
                return relogin(softoken, database.directory());
            }
        } catch (Pkcs11Exception e) {
            throw new CertificateStoreException("Cannot open the NSS database " + database.location() + ": " + e.getMessage(), e);
        }
    }

    /**
     * softokn forgets its logins when it is initialised again for a database opened later in this process: a
     * database whose primary password was given logs in again with it.
     *
     * @return whether the database is still locked
     */
    private boolean relogin(Softoken softoken, Path dir) {
        if (!softoken.locked(dir)) {
            return false;
        }
        char[] password;
        synchronized (passwords) {
            password = passwords.get(dir) == null ? null : passwords.get(dir).clone();
        }
        if (password == null) {
            return true;
        }
        try {
            return !softoken.login(dir, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @return whether the password was right */
    boolean unlock(NssDatabase database, char[] password) throws CertificateStoreException {
        try {
            // a database without a primary password (or one given already) has nothing to unlock
            if (!Softoken.get().locked(database.directory())) {
                return true;
            }
            boolean right = Softoken.get().login(database.directory(), password);
            if (right) {
                synchronized (passwords) {
                    char[] old = passwords.put(database.directory(), password.clone());
                    if (old != null) {
                        Arrays.fill(old, '\0');
                    }
                }
            }
            return right;
        } catch (Pkcs11Exception e) {
            throw new CertificateStoreException("Cannot unlock the NSS database " + database.location() + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return the primary password given in this process for the database, if any (a copy; the caller clears it) */
    Optional<char[]> password(NssDatabase database) {
        synchronized (passwords) {
            char[] p = passwords.get(database.directory());
            return p == null ? Optional.empty() : Optional.of(p.clone());
        }
    }

    /**
     * Marks the private key of a certificate not extractable ({@code CKA_EXTRACTABLE} false, which PKCS #11 lets
     * change only that way): "Mark this key as exportable" left unticked. pk12util, NSS's only tool that imports a key,
     * always imports it extractable and has no option for it, so the flag is set here after the import.
     *
     * <p>What it does and does not do: Cairn then refuses to export the key ("NSS marks this private key as not
     * extractable"), and so does every program that honours the flag. NSS's own softokn does not enforce it on
     * private keys (NSS 3.87, tested): its C_WrapKey still wraps such a key, so {@code pk12util -o} and Firefox's
     * certificate backup still export it. NSS has no attribute that it enforces for this; a key that must not leave
     * belongs on a token.</p>
     */
    void markNotExtractable(NssDatabase database, String thumbprint) throws CertificateStoreException {
        Optional<char[]> password = password(database);
        try {
            Softoken.get().withWritableSession(database.directory(), password, (p11, session) -> {
                long key = NssObjects.keyHandle(p11, session, thumbprint).orElseThrow(() -> new Pkcs11Exception(
                        "the imported private key is not in the database", -1));
                Pkcs11.check("C_SetAttributeValue (CKA_EXTRACTABLE)",
                        p11.setAttribute(session, key, Pkcs11.Attribute.of(Pkcs11.CKA_EXTRACTABLE, false)));
                if (p11.booleanAttribute(session, key, Pkcs11.CKA_EXTRACTABLE).orElse(true)) {
                    throw new Pkcs11Exception("NSS kept the key extractable", -1);
                }
                return null;
            });
        } catch (Pkcs11Exception e) {
            throw new CertificateStoreException("The private key was imported into " + database.name() + " ("
                    + database.location() + "), but it could not be marked not exportable: " + e.getMessage()
                    + ". Delete it, or keep it exportable.", e);
        } finally {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            changed(database);
        }
    }

    /** Forgets what was read of the database, after a write, so that the next listing reads it again. */
    void changed(NssDatabase database) {
        synchronized (snapshots) {
            snapshots.remove(database.directory());
        }
    }

    /**
     * Takes the private key out of NSS as PKCS #11 key wrapping allows: NSS wraps it (AES key wrap with padding,
     * RFC 5649) under a random AES key that lives only in this session and in memory here, and the JDK unwraps it.
     * The clear key exists only in this process's memory, never on disk.
     */
    PrivateKey readKey(NssDatabase database, String thumbprint, long keyType) throws CertificateStoreException {
        String algorithm = algorithm(keyType).orElseThrow(() -> new CertificateStoreException(
                "The private key in " + database.name() + " is of a type Cairn cannot export (PKCS #11 key type 0x"
                        + Long.toHexString(keyType) + ")."));
        byte[] aes = new byte[32];
        new SecureRandom().nextBytes(aes);
        try {
            byte[] wrapped = Softoken.get().withSession(database.directory(), (p11, session) -> {
                long key = NssObjects.keyHandle(p11, session, thumbprint).orElseThrow(() -> new Pkcs11Exception(
                        "the private key is no longer in the database", -1));
                long wrapping = p11.createWrappingKey(session, aes);
                try {
                    return p11.wrapKey(session, wrapping, key);
                } finally {
                    p11.destroy(session, wrapping);
                }
            });
            Cipher cipher = Cipher.getInstance("AES/KWP/NoPadding");
            SecretKeySpec spec = new SecretKeySpec(aes, "AES");
            cipher.init(Cipher.UNWRAP_MODE, spec);
            return (PrivateKey) cipher.unwrap(wrapped, algorithm, Cipher.PRIVATE_KEY);
        } catch (Pkcs11Exception e) {
            throw new CertificateStoreException("NSS did not hand out the private key from " + database.name() + " ("
                    + database.location() + "): " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CertificateStoreException("The private key from " + database.name()
                    + " could not be unwrapped: " + e.getMessage(), e);
        } finally {
            Arrays.fill(aes, (byte) 0);
        }
    }

    /** @return the JDK's key algorithm for a PKCS #11 key type */
    static Optional<String> algorithm(long keyType) {
        if (keyType == Pkcs11.CKK_RSA) {
            return Optional.of("RSA");
        }
        if (keyType == Pkcs11.CKK_EC) {
            return Optional.of("EC");
        }
        if (keyType == Pkcs11.CKK_DSA) {
            return Optional.of("DSA");
        }
        if (keyType == Pkcs11.CKK_EC_EDWARDS) {
            return Optional.of("EdDSA");
        }
        if (keyType == Pkcs11.CKK_EC_MONTGOMERY) {
            return Optional.of("XDH");
        }
        return Optional.empty();
    }
}
