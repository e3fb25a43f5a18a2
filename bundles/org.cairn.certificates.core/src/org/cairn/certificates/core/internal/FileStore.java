package org.cairn.certificates.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/**
 * The writable file store of one logical store of a scope: {@code <scope root>/<short name>/}, one directory per
 * certificate named by its SHA-1 thumbprint, holding {@code cert.der}, {@code properties} and, when there is a
 * key, {@code key.p8} (PKCS#8, mode 0600). Housekeeping lives in {@code .cairn/}: the lock file, the listing
 * index, and {@code tmp/} for files being written and entries being deleted.
 *
 * <p>Every change takes the store lock, cleans what a killed writer left in {@code tmp/}, deletes the index
 * (durably) and then changes the entry by atomic renames, so a crash leaves either the old or the new state.</p>
 */
final class FileStore implements PhysicalStore {

    static final String NAME = ".Default";
    static final String CERTIFICATE = "cert.der";
    static final String PROPERTIES = "properties";
    static final String KEY = "key.p8";
    static final String HOUSEKEEPING = ".cairn";
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");
    static final Comparator<CertificateEntry> ORDER = Comparator
            .comparing((CertificateEntry e) -> e.issuedTo().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(CertificateEntry::thumbprint);

    private final StoreLocks locks;
    private final StoreContext context;
    private final LogicalStore logicalStore;
    private final Path dir;
    private final Path housekeeping;
    private final Path lockFile;
    private final Path indexFile;
    private final Path tmp;

    FileStore(StoreLocks locks, StoreContext context, LogicalStore logicalStore) {
        this.locks = locks;
        this.context = context;
        this.logicalStore = logicalStore;
        this.dir = context.scopeRoot().resolve(logicalStore.shortName());
        this.housekeeping = dir.resolve(HOUSEKEEPING);
        this.lockFile = housekeeping.resolve("lock");
        this.indexFile = housekeeping.resolve("index");
        this.tmp = housekeeping.resolve("tmp");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public LogicalStore logicalStore() {
        return logicalStore;
    }

    @Override
    public boolean writable() {
        return true;
    }

    Path directory() {
        return dir;
    }

    // ---------------------------------------------------------------- reading

    @Override
    @SuppressWarnings("try") // the held lock is the point of the try block
    public StoreListing list() throws CertificateStoreException {
        if (!Files.isDirectory(dir)) {
            return new StoreListing(List.of(), List.of());
        }
        try {
            Optional<StoreListing> cached = readIndex();
            if (cached.isPresent()) {
                return cached.get();
            }
            StoreLocks.Held held;
            try {
                Files.createDirectories(tmp);
                held = locks.acquire(lockFile);
            } catch (IOException e) {
                // a reader without write access (an ordinary user listing the computer's store, a read-only file
                // system, a writer holding the lock too long): atomic renames keep each entry consistent, and the
                // index is left to someone who may write it
                return scan();
            }
            try (StoreLocks.Held rebuilding = held) {
                cached = readIndex();
                if (cached.isPresent()) {
                    return cached.get();
                }
                long stamp = stamp();
                StoreListing listing = scan();
                try {
                    AtomicFiles.replace(indexFile, IndexFormat.write(stamp, listing), AtomicFiles.PUBLIC_FILE, tmp);
                } catch (IOException e) {
                    // the index is only a cache: a full disk must not stop the listing
                }
                return listing;
            }
        } catch (AccessDeniedException e) {
            throw denied("read", e);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the certificate store " + dir + ": " + e.getMessage(), e);
        }
    }

    private long stamp() throws IOException {
        return Files.readAttributes(dir, BasicFileAttributes.class).lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** @return the index text when it exists and is valid for the store as it is now (call under the lock) */
    private Optional<String> validIndexText() throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String text = new String(data, StandardCharsets.UTF_8);
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 0 || !text.endsWith("\n")
                || !text.substring(0, lineEnd).equals(IndexFormat.MAGIC + " " + IndexFormat.VERSION + " " + stamp())) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /**
     * After a change, brings a previously valid index up to date instead of leaving it to a full rebuild (which reads
     * every entry: seconds for 10,000). Best effort: when it fails, the index stays deleted and is rebuilt.
     */
    private void refreshIndex(Optional<String> before, String thumbprint, Optional<CertificateEntry> now) {
        if (before.isEmpty()) {
            return;
        }
        try {
            byte[] updated = IndexFormat.replace(before.get(), stamp(), thumbprint, dir.resolve(thumbprint).toString(), now);
            AtomicFiles.replace(indexFile, updated, AtomicFiles.PUBLIC_FILE, tmp);
        } catch (IOException e) {
            // the next listing rebuilds it
        }
    }

    private Optional<StoreListing> readIndex() throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
        return IndexFormat.read(data, stamp(), context.scope(), logicalStore, NAME, dir);
    }

    private StoreListing scan() throws IOException {
        List<CertificateEntry> entries = new ArrayList<>();
        List<StoreProblem> problems = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (!THUMBPRINT.matcher(name).matches() || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(problem(child, "is not a certificate entry (expected a directory named by a SHA-1 "
                            + "thumbprint); move it out of the store."));
                    continue;
                }
                try {
                    entries.add(readEntry(child, name, false));
                } catch (CertificateStoreException e) {
                    problems.add(problem(child, e.getMessage()));
                }
            }
        }
        entries.sort(ORDER);
        problems.sort(Comparator.comparing(StoreProblem::location));
        return new StoreListing(entries, problems);
    }

    private StoreProblem problem(Path where, String message) {
        return new StoreProblem(logicalStore, NAME, where.toString(), message);
    }

    /** Reads an entry directory completely; the message of the exception is fit for a problem report. */
    private CertificateEntry readEntry(Path entryDir, String thumbprint, boolean keepCertificate)
            throws CertificateStoreException {
        byte[] der;
        byte[] props;
        try {
            der = Files.readAllBytes(entryDir.resolve(CERTIFICATE));
        } catch (NoSuchFileException e) {
            throw new CertificateStoreException("The entry has no " + CERTIFICATE + "; delete the directory " + entryDir + ".");
        } catch (IOException e) {
            throw new CertificateStoreException("The certificate file cannot be read (" + e + "); check its permissions.", e);
        }
        try {
            props = Files.readAllBytes(entryDir.resolve(PROPERTIES));
        } catch (NoSuchFileException e) {
            throw new CertificateStoreException("The entry has no " + PROPERTIES + " file; delete the directory " + entryDir
                    + " and import the certificate again.");
        } catch (IOException e) {
            throw new CertificateStoreException("The properties file cannot be read (" + e + "); check its permissions.", e);
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateStoreException("The file " + entryDir.resolve(CERTIFICATE)
                    + " is not a readable X.509 certificate (" + e.getMessage() + "); delete the entry and import it again.", e);
        }
        String actual = CertificateEntry.sha1(der);
        if (!actual.equals(thumbprint)) {
            throw new CertificateStoreException("The certificate in " + entryDir + " has thumbprint " + actual
                    + ", not the directory's name; the entry was changed by hand: delete it and import the certificate again.");
        }
        EntryAttributes attributes;
        try {
            attributes = EntryFormat.read(props);
        } catch (IllegalArgumentException e) {
            throw new CertificateStoreException("The file " + entryDir.resolve(PROPERTIES) + " is damaged: " + e.getMessage()
                    + ". Fix or delete it (the certificate then gets empty properties when imported again).", e);
        }
        boolean hasKey = Files.exists(entryDir.resolve(KEY), LinkOption.NOFOLLOW_LINKS);
        CertificateEntry.Builder b = CertificateEntry.builder(certificate)
                .scope(context.scope()).logicalStore(logicalStore).physicalStore(NAME)
                .attributes(attributes).hasPrivateKey(hasKey).location(entryDir.toString())
                .source(() -> Files.readAllBytes(entryDir.resolve(CERTIFICATE)));
        if (!keepCertificate) {
            // a listing keeps only the summary; the certificate is parsed again when someone asks for it
            b = b.lazy();
        }
        return b.build();
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        Path entryDir = dir.resolve(thumbprint);
        if (!Files.isDirectory(entryDir, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            return Optional.of(readEntry(entryDir, thumbprint, true));
        } catch (CertificateStoreException e) {
            throw new CertificateStoreException(entryDir + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- rights

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        Identity id = new Identity(context);
        if (id.root()) {
            return Optional.empty();
        }
        try {
            int owner = Owners.ownerOfNearest(dir);
            if (owner == id.uid()) {
                return Optional.empty();
            }
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Changing the certificates of "
                    + describe(context.scope()) + " needs root or the account that owns " + dir + " (uid " + owner
                    + "); you are " + context.identity() + ". Run Cairn as that account or with sudo."));
        } catch (IOException e) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Cannot check who may change " + dir + ": " + e));
        }
    }

    @Override
    public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        Path key = dir.resolve(thumbprint).resolve(KEY);
        try {
            OptionalInt owner = Owners.owner(key);
            if (owner.isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY,
                        "This certificate has no private key in " + describe(context.scope()) + "'s store."));
            }
            Identity id = new Identity(context);
            if (id.root() || owner.getAsInt() == id.uid()) {
                return Optional.empty();
            }
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The private key belongs to "
                    + describe(context.scope()) + ": only root or the account owning " + key + " (uid " + owner.getAsInt()
                    + ") may use it; you are " + context.identity() + ". Run Cairn as that account or with sudo."));
        } catch (IOException e) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Cannot check who may use the key " + key + ": " + e));
        }
    }

    private static String describe(Scope scope) {
        return switch (scope) {
            case Scope.CurrentUser u -> "the current user";
            case Scope.Computer c -> "the computer";
            case Scope.Service s -> "the service " + s.name();
        };
    }

    /** The identity's rights, read once per check. */
    private record Identity(boolean root, int uid) {
        Identity(StoreContext context) {
            this(context.identity().isRoot(), context.identity().uid());
        }
    }

    private CertificateStoreException denied(String what, AccessDeniedException e) {
        return new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The system refused to " + what
                + " " + e.getFile() + " for " + context.identity() + "; run Cairn as the account that owns the store or with sudo."));
    }

    // ---------------------------------------------------------------- writing

    /** A change made under the store lock. */
    @FunctionalInterface
    private interface Change<T> {
        T apply() throws IOException, CertificateStoreException;
    }

    @SuppressWarnings("try") // the held lock is the point of the try block
    private <T> T underLock(String what, Change<T> change) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        try {
            boolean userScope = context.scope() instanceof Scope.CurrentUser;
            AtomicFiles.createDirectories(context.scopeRoot(), userScope ? AtomicFiles.OWNER_ONLY_DIR : AtomicFiles.PUBLIC_DIR);
            AtomicFiles.createDirectories(tmp, AtomicFiles.PUBLIC_DIR);
            try (StoreLocks.Held held = locks.acquire(lockFile)) {
                cleanLeftovers();
                return change.apply();
            }
        } catch (AccessDeniedException e) {
            throw denied(what, e);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot " + what + " in " + dir + ": " + e.getMessage()
                    + ". Nothing was changed unless the message says otherwise; check free space and permissions.", e);
        }
    }

    /** Removes what a killed writer left behind; under the lock nobody else is writing there. */
    private void cleanLeftovers() throws IOException {
        try (DirectoryStream<Path> children = Files.newDirectoryStream(tmp)) {
            for (Path child : children) {
                shredKeys(child);
                AtomicFiles.deleteTree(child);
            }
        }
    }

    private static void shredKeys(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Path key = path.resolve(KEY);
            if (Files.isRegularFile(key, LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.shred(key);
            }
        } else if (path.getFileName().toString().startsWith("key-") && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            AtomicFiles.shred(path);
        }
    }

    /** Deletes the listing cache durably before anything changes, so a crash can never leave a stale index. */
    private void invalidateIndex() throws IOException {
        if (Files.deleteIfExists(indexFile)) {
            AtomicFiles.fsyncDirectory(housekeeping);
        }
    }

    private String tmpName(String prefix, String thumbprint) {
        return prefix + thumbprint + "-" + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(System.nanoTime(), 36);
    }

    @Override
    public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateException e) {
            throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
        String thumbprint = CertificateEntry.sha1(der);
        if (privateKey.isPresent()) {
            Optional<String> mismatch = KeyPairCheck.mismatch(privateKey.get(), certificate.getPublicKey());
            if (mismatch.isPresent()) {
                throw new CertificateStoreException("The key cannot be stored with " + certificate.getSubjectX500Principal()
                        + ": " + mismatch.get() + ". Choose the key that was created with this certificate.");
            }
        }
        byte[] key = privateKey.map(Keys::toPkcs8).orElse(null);
        try {
            return underLock("add the certificate " + thumbprint, () -> {
                Path target = dir.resolve(thumbprint);
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new CertificateStoreException("The certificate " + thumbprint + " is already in "
                            + logicalStore.displayName() + " (" + target + "). Delete it first to replace it, or change its properties.");
                }
                Path staging = tmp.resolve(tmpName("add-", thumbprint));
                Files.createDirectory(staging, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(AtomicFiles.PUBLIC_DIR));
                Files.setPosixFilePermissions(staging, AtomicFiles.PUBLIC_DIR);
                AtomicFiles.writeNew(staging.resolve(CERTIFICATE), der, AtomicFiles.PUBLIC_FILE);
                AtomicFiles.writeNew(staging.resolve(PROPERTIES), EntryFormat.write(attributes), AtomicFiles.PUBLIC_FILE);
                if (key != null) {
                    AtomicFiles.writeNew(staging.resolve(KEY), key, AtomicFiles.OWNER_ONLY_FILE);
                }
                AtomicFiles.fsyncDirectory(staging);
                Optional<String> index = validIndexText();
                invalidateIndex();
                AtomicFiles.move(staging, target);
                AtomicFiles.fsyncDirectory(dir);
                AtomicFiles.fsyncDirectory(tmp);
                CertificateEntry added = readEntry(target, thumbprint, true);
                refreshIndex(index, thumbprint, Optional.of(added));
                return added;
            });
        } finally {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    @Override
    public void delete(String thumbprint) throws CertificateStoreException {
        underLock("delete the certificate " + thumbprint, () -> {
            Path target = requireEntry(thumbprint);
            Path trash = tmp.resolve(tmpName("del-", thumbprint));
            Optional<String> index = validIndexText();
            invalidateIndex();
            AtomicFiles.move(target, trash);
            AtomicFiles.fsyncDirectory(dir);
            refreshIndex(index, thumbprint, Optional.empty());
            shredKeys(trash);
            AtomicFiles.deleteTree(trash);
            return null;
        });
    }

    @Override
    public CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        return underLock("delete the private key of " + thumbprint, () -> {
            Path entryDir = requireEntry(thumbprint);
            Path key = entryDir.resolve(KEY);
            if (!Files.exists(key, LinkOption.NOFOLLOW_LINKS)) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY,
                        "The certificate " + thumbprint + " has no private key any more."));
            }
            Path doomed = tmp.resolve(tmpName("key-", thumbprint));
            Optional<String> index = validIndexText();
            invalidateIndex();
            // rename first: from here on the entry has no key, even if the process dies while shredding
            AtomicFiles.move(key, doomed);
            AtomicFiles.fsyncDirectory(entryDir);
            AtomicFiles.shred(doomed);
            Files.delete(doomed);
            CertificateEntry now = readEntry(entryDir, thumbprint, true);
            refreshIndex(index, thumbprint, Optional.of(now));
            return now;
        });
    }

    @Override
    public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
            throws CertificateStoreException {
        return underLock("change the properties of " + thumbprint, () -> {
            Path entryDir = requireEntry(thumbprint);
            EntryAttributes current;
            try {
                current = EntryFormat.read(Files.readAllBytes(entryDir.resolve(PROPERTIES)));
            } catch (IllegalArgumentException | NoSuchFileException e) {
                throw new CertificateStoreException("The properties of " + entryDir + " are damaged (" + e.getMessage()
                        + "); delete the entry and import the certificate again.", e);
            }
            EntryAttributes updated = change.apply(current);
            if (updated.exportable() != current.exportable()) {
                throw new CertificateStoreException("Whether a private key is exportable is fixed when the key is stored; "
                        + "to change it, delete the certificate and import it again with the other choice.");
            }
            Optional<String> index = validIndexText();
            invalidateIndex();
            AtomicFiles.replace(entryDir.resolve(PROPERTIES), EntryFormat.write(updated), AtomicFiles.PUBLIC_FILE, tmp);
            CertificateEntry now = readEntry(entryDir, thumbprint, true);
            refreshIndex(index, thumbprint, Optional.of(now));
            return now;
        });
    }

    private Path requireEntry(String thumbprint) throws CertificateStoreException {
        Path entryDir = dir.resolve(thumbprint);
        if (!Files.isDirectory(entryDir, LinkOption.NOFOLLOW_LINKS)) {
            throw new CertificateStoreException("The certificate " + thumbprint + " is no longer in "
                    + logicalStore.displayName() + " (" + dir + "); another program may have deleted it. Refresh the view.");
        }
        return entryDir;
    }

    @Override
    public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        Path key = dir.resolve(thumbprint).resolve(KEY);
        byte[] der = null;
        try {
            der = Files.readAllBytes(key);
            return Keys.fromPkcs8(der);
        } catch (NoSuchFileException e) {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY,
                    "The private key of " + thumbprint + " was deleted meanwhile."));
        } catch (AccessDeniedException e) {
            throw denied("read the private key", e);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the private key " + key + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CertificateStoreException("The private key file " + key + " is damaged (" + e.getMessage()
                    + "); restore it from a backup (PKCS#12 export) or delete the key.", e);
        } finally {
            if (der != null) {
                Arrays.fill(der, (byte) 0);
            }
        }
    }
}
