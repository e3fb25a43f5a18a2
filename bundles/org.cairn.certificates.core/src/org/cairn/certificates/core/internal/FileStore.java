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
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/**
 * The writable file store of one logical store of a scope: {@code <scope root>/<short name>/}, one directory per
 * certificate named by its SHA-1 thumbprint, holding {@code cert.der}, {@code properties} and, when there is a
 * key, {@code key.p8} (PKCS#8, mode 0600). Housekeeping lives in the store's {@code .cairn/}: the listing index, the
 * {@link Generation} counter, and {@code tmp/} for files being written and entries being deleted; and in the scope's
 * {@code <scope root>/.cairn/}: the lock (mode 0600: only the owner of the stores, or root, can take it) and the
 * {@link Journal} of a change to several entries.
 *
 * <p>Every change takes the scope's lock, completes or removes what a killed writer left (journal first, then
 * {@code tmp/}), advances the generation durably (which makes the index stale), changes the entry by atomic renames,
 * writes the index for the new generation and ends the generation. A crash therefore leaves either the old or the new
 * state, and never an index that looks current but is not.</p>
 *
 * <p>Why the index once went missing (issue 17, item 5): nothing but a change deleted it, and a change rewrote it only
 * when the index's stamp still equalled the store directory's mtime read at that moment; otherwise it deleted the
 * index and left it to the next listing. So any difference between two readings of the directory's mtime without a
 * change by Cairn lost the index: the kernel takes a directory's mtime from a coarse clock or a fine one depending on
 * whether it was looked at (multigrain timestamps, Linux 6.13+, this machine runs 6.18), a clock stepped by NTP, an
 * inode re-read from a file system that keeps fewer digits than memory held, or another program creating and removing
 * a file in the directory all do it. Which of these struck under load was not reproduced (0 losses in 4,500 runs of
 * the scenario with the old code at load 10). A counter that only Cairn's own changes advance, under the lock, no
 * longer depends on the clock at all; the mtime is only a hint that an entry directory was added or removed by hand,
 * and a change that sees it differ rebuilds the index rather than dropping it.</p>
 */
final class FileStore implements PhysicalStore {

    static final String NAME = ".Default";
    static final String CERTIFICATE = "cert.der";
    static final String PROPERTIES = "properties";
    static final String KEY = "key.p8";
    static final String HOUSEKEEPING = ".cairn";
    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");
    /** A reader without the lock reads again when a change ran while it read; after this many tries it shows what it has. */
    private static final int LOCKLESS_TRIES = 5;
    static final Comparator<CertificateEntry> ORDER = Comparator
            .comparing((CertificateEntry e) -> e.issuedTo().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(CertificateEntry::thumbprint);

    private final StoreLocks locks;
    private final StoreContext context;
    private final LogicalStore logicalStore;
    private final Path dir;
    private final Path housekeeping;
    private final Path indexFile;
    private final Path generationFile;
    private final Path tmp;
    private final Path scopeHousekeeping;
    private final Path lockFile;
    private final Path journalFile;

    FileStore(StoreLocks locks, StoreContext context, LogicalStore logicalStore) {
        this.locks = locks;
        this.context = context;
        this.logicalStore = logicalStore;
        this.dir = context.scopeRoot().resolve(logicalStore.shortName());
        this.housekeeping = dir.resolve(HOUSEKEEPING);
        this.indexFile = housekeeping.resolve("index");
        this.generationFile = housekeeping.resolve(Generation.FILE);
        this.tmp = housekeeping.resolve("tmp");
        this.scopeHousekeeping = context.scopeRoot().resolve(HOUSEKEEPING);
        this.lockFile = scopeHousekeeping.resolve("lock");
        this.journalFile = scopeHousekeeping.resolve(Journal.FILE);
    }

    /** @return the file store of another logical store of the same scope */
    private FileStore sibling(LogicalStore other) {
        return other == logicalStore ? this : new FileStore(locks, context, other);
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

    // ---------------------------------------------------------------- locking and recovery

    private StoreLocks.Held lock() throws IOException {
        return locks.acquire(lockFile, "the certificate stores of " + describe(context.scope()));
    }

    /**
     * Makes sure no multi-entry change is half-done before reading: replays a journal left by a killed writer when
     * this account may (waiting for a writer still at work), else names the entries a reader must hide.
     *
     * @return thumbprints of this store that belong to a committed change not yet completed (empty normally)
     */
    @SuppressWarnings("try") // the held lock is the point of the try block
    private Set<String> settle() throws IOException {
        if (!Files.exists(journalFile, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        try (StoreLocks.Held held = lock()) {
            replayJournal();
            return Set.of();
        } catch (IOException e) {
            // no right to write here (or a writer holds the lock too long): show the state before the change
            return hiddenByJournal();
        }
    }

    private Set<String> hiddenByJournal() throws IOException {
        if (Journal.read(journalFile) instanceof Journal.Committed c) {
            Set<String> hidden = new HashSet<>();
            for (Journal.Add add : c.adds()) {
                if (add.store() == logicalStore) {
                    hidden.add(add.thumbprint());
                }
            }
            return hidden;
        }
        return Set.of();
    }

    /**
     * Completes a multi-entry change that a killed writer committed (call under the lock). A journal this version
     * cannot read is moved aside, and its staged entries are then removed as leftovers: the change did not happen.
     */
    private void replayJournal() throws IOException {
        Journal.Content content = Journal.read(journalFile);
        if (content instanceof Journal.Damaged) {
            AtomicFiles.move(journalFile, scopeHousekeeping.resolve(Journal.FILE + ".damaged-" + System.currentTimeMillis()));
            AtomicFiles.fsyncDirectory(scopeHousekeeping);
            return;
        }
        if (!(content instanceof Journal.Committed committed)) {
            return;
        }
        Map<LogicalStore, Generation> changing = new EnumMap<>(LogicalStore.class);
        for (Journal.Add add : committed.adds()) {
            if (!changing.containsKey(add.store())) {
                changing.put(add.store(), sibling(add.store()).beginChange());
            }
        }
        for (Journal.Add add : committed.adds()) {
            FileStore store = sibling(add.store());
            Path staged = store.tmp.resolve(add.staging());
            Path target = store.dir.resolve(add.thumbprint());
            if (Files.isDirectory(staged, LinkOption.NOFOLLOW_LINKS)) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    // moved already by the writer before it died; what is left is a copy
                    shredKeys(staged);
                    AtomicFiles.deleteTree(staged);
                } else {
                    AtomicFiles.move(staged, target);
                }
            }
        }
        for (Map.Entry<LogicalStore, Generation> e : changing.entrySet()) {
            FileStore store = sibling(e.getKey());
            AtomicFiles.fsyncDirectory(store.dir);
            store.endChange(e.getValue());
        }
        Files.deleteIfExists(journalFile);
        AtomicFiles.fsyncDirectory(scopeHousekeeping);
    }

    // ---------------------------------------------------------------- reading

    @Override
    @SuppressWarnings("try") // the held lock is the point of the try block
    public StoreListing list() throws CertificateStoreException {
        if (!Files.isDirectory(dir)) {
            return new StoreListing(List.of(), List.of());
        }
        try {
            Set<String> hidden = settle();
            if (hidden.isEmpty()) {
                Optional<StoreListing> cached = readIndex();
                if (cached.isPresent()) {
                    return cached.get();
                }
            }
            StoreLocks.Held held;
            try {
                createHousekeeping();
                held = lock();
            } catch (IOException e) {
                // a reader without write access (an ordinary user listing the computer's store, a read-only file
                // system, a writer holding the lock too long): atomic renames keep each entry consistent, the
                // generation tells whether a change ran meanwhile, and the index is left to someone who may write it
                return scanWithoutLock();
            }
            try (StoreLocks.Held rebuilding = held) {
                replayJournal();
                Optional<StoreListing> cached = readIndex();
                if (cached.isPresent()) {
                    return cached.get();
                }
                StoreListing listing;
                try {
                    Generation generation = stableGeneration();
                    long mtime = mtime();
                    listing = scan();
                    AtomicFiles.replace(indexFile, IndexFormat.write(generation, mtime, listing), AtomicFiles.PUBLIC_FILE, tmp);
                } catch (IOException e) {
                    // the index is only a cache: a full disk must not stop the listing
                    listing = scan();
                }
                return listing;
            }
        } catch (AccessDeniedException e) {
            throw denied("read", e);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the certificate store " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The generation to build an index at (call under the lock): the current one when it is stable; a writer that died
     * mid-change left it odd (its entry is whole either way, renames being atomic), and a store from before generations
     * has none, so those are ended or started first.
     */
    private Generation stableGeneration() throws IOException {
        Optional<Generation> current = Generation.read(generationFile);
        if (current.isPresent() && current.get().stable()) {
            return current.get();
        }
        Generation stable = current.map(g -> g.begin().end()).orElseGet(Generation::fresh);
        writeGeneration(stable);
        return stable;
    }

    /** Reads without the lock, again when the generation says a change ran meanwhile. */
    private StoreListing scanWithoutLock() throws IOException {
        for (int attempt = 1;; attempt++) {
            Optional<Generation> before = Generation.read(generationFile);
            Set<String> hidden = new HashSet<>(hiddenByJournal());
            StoreListing listing = scan();
            Optional<Generation> after = Generation.read(generationFile);
            hidden.addAll(hiddenByJournal());
            if (before.equals(after) || attempt == LOCKLESS_TRIES) {
                return without(listing, hidden);
            }
            try {
                Thread.sleep(10L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return without(listing, hidden);
            }
        }
    }

    private static StoreListing without(StoreListing listing, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return listing;
        }
        return new StoreListing(listing.entries().stream().filter(e -> !hidden.contains(e.thumbprint())).toList(),
                listing.problems().stream().filter(p -> hidden.stream().noneMatch(t -> p.location().endsWith(t))).toList());
    }

    private long mtime() throws IOException {
        return Files.readAttributes(dir, BasicFileAttributes.class).lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private Optional<StoreListing> readIndex() throws IOException {
        Optional<Generation> generation = Generation.read(generationFile);
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        byte[] data;
        try {
            data = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException | AccessDeniedException e) {
            return Optional.empty();
        }
        return IndexFormat.read(data, generation.get(), mtime(), context.scope(), logicalStore, NAME, dir);
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
        try {
            if (settle().contains(thumbprint)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the certificate store " + dir + ": " + e.getMessage(), e);
        }
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

    private void createHousekeeping() throws IOException {
        boolean userScope = context.scope() instanceof Scope.CurrentUser;
        Set<java.nio.file.attribute.PosixFilePermission> dirs = userScope ? AtomicFiles.OWNER_ONLY_DIR : AtomicFiles.PUBLIC_DIR;
        AtomicFiles.createDirectories(context.scopeRoot(), dirs);
        // readers of the computer's stores who may not change them still read the journal, index and generation
        AtomicFiles.createDirectories(scopeHousekeeping, dirs);
        AtomicFiles.createDirectories(tmp, AtomicFiles.PUBLIC_DIR);
    }

    @SuppressWarnings("try") // the held lock is the point of the try block
    private <T> T underLock(String what, Change<T> change) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        try {
            createHousekeeping();
            try (StoreLocks.Held held = lock()) {
                replayJournal();
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
        if (!Files.isDirectory(tmp, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
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

    private void writeGeneration(Generation generation) throws IOException {
        AtomicFiles.replace(generationFile, generation.encode(), AtomicFiles.PUBLIC_FILE, tmp);
    }

    /**
     * Starts a change (under the lock): the generation becomes odd, durably, before any entry changes, so the index
     * is stale from here on even if the process dies.
     */
    private Generation beginChange() throws IOException {
        Generation changing = Generation.read(generationFile).orElseGet(Generation::fresh).begin();
        writeGeneration(changing);
        return changing;
    }

    /** Ends a change: the next even generation. Best effort: left odd, the index is rebuilt by the next listing. */
    private void endChange(Generation changing) {
        try {
            writeGeneration(changing.end());
        } catch (IOException e) {
            // an odd generation only costs a rebuild
        }
    }

    /** The index as it was before a change, when it was current (read under the lock, before the change begins). */
    private record IndexBefore(String text, boolean handEdited) {
    }

    private Optional<IndexBefore> indexBefore() throws IOException {
        Optional<Generation> generation = Generation.read(generationFile);
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        byte[] data;
        try {
            data = Files.readAllBytes(indexFile);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        String text = new String(data, StandardCharsets.UTF_8);
        java.util.OptionalLong builtAt = IndexFormat.builtAt(text, generation.get());
        if (builtAt.isEmpty()) {
            return Optional.empty();
        }
        // the directory's mtime only tells whether another program added or removed an entry by hand since
        return Optional.of(new IndexBefore(text, builtAt.getAsLong() != mtime()));
    }

    /**
     * Runs a change of entries (under the lock) between {@link #beginChange()} and {@link #endChange}, and brings a
     * previously current index up to date for the new generation instead of leaving it to a full rebuild (which reads
     * every entry: seconds for 10,000). A store without a current index gets none (bulk adds stay cheap).
     */
    private <T> T changeEntries(EntryChange<T> change) throws IOException, CertificateStoreException {
        Optional<IndexBefore> before = indexBefore();
        Generation changing = beginChange();
        Changed<T> changed = change.apply();
        refreshIndex(before, changing.end(), changed.entries());
        endChange(changing);
        return changed.result();
    }

    /** What a change did: its result, and each changed entry as it is now (empty when deleted). */
    private record Changed<T>(T result, Map<String, Optional<CertificateEntry>> entries) {
        static <T> Changed<T> one(T result, String thumbprint, Optional<CertificateEntry> now) {
            return new Changed<>(result, Map.of(thumbprint, now));
        }
    }

    @FunctionalInterface
    private interface EntryChange<T> {
        Changed<T> apply() throws IOException, CertificateStoreException;
    }

    private String tmpName(String prefix, String thumbprint) {
        return prefix + thumbprint + "-" + ProcessHandle.current().pid() + "-" + Long.toUnsignedString(System.nanoTime(), 36);
    }

    /** An entry checked and encoded before the lock is taken. */
    private record Prepared(LogicalStore store, String thumbprint, byte[] der, byte[] properties, byte[] key, String subject) {
        void clear() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
            }
        }
    }

    private static Prepared prepare(LogicalStore store, X509Certificate certificate, Optional<PrivateKey> privateKey,
            EntryAttributes attributes) throws CertificateStoreException {
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateException e) {
            throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
        if (privateKey.isPresent()) {
            Optional<String> mismatch = KeyPairCheck.mismatch(privateKey.get(), certificate.getPublicKey());
            if (mismatch.isPresent()) {
                throw new CertificateStoreException("The key cannot be stored with " + certificate.getSubjectX500Principal()
                        + ": " + mismatch.get() + ". Choose the key that was created with this certificate.");
            }
        }
        return new Prepared(store, CertificateEntry.sha1(der), der, EntryFormat.write(attributes),
                privateKey.map(Keys::toPkcs8).orElse(null), String.valueOf(certificate.getSubjectX500Principal()));
    }

    private void refuseExisting(Prepared p) throws CertificateStoreException {
        Path target = dir.resolve(p.thumbprint());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new CertificateStoreException("The certificate " + p.thumbprint() + " is already in "
                    + logicalStore.displayName() + " (" + target + "). Delete it first to replace it, or change its properties.");
        }
    }

    /** Writes a complete entry directory in {@code tmp/}, forced to disk; listings do not look there. */
    private Path stage(Prepared p) throws IOException {
        Path staging = tmp.resolve(tmpName("add-", p.thumbprint()));
        Files.createDirectory(staging, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(AtomicFiles.PUBLIC_DIR));
        Files.setPosixFilePermissions(staging, AtomicFiles.PUBLIC_DIR);
        AtomicFiles.writeNew(staging.resolve(CERTIFICATE), p.der(), AtomicFiles.PUBLIC_FILE);
        AtomicFiles.writeNew(staging.resolve(PROPERTIES), p.properties(), AtomicFiles.PUBLIC_FILE);
        if (p.key() != null) {
            AtomicFiles.writeNew(staging.resolve(KEY), p.key(), AtomicFiles.OWNER_ONLY_FILE);
        }
        AtomicFiles.fsyncDirectory(staging);
        return staging;
    }

    @Override
    public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        Prepared p = prepare(logicalStore, certificate, privateKey, attributes);
        try {
            return underLock("add the certificate " + p.thumbprint(), () -> {
                refuseExisting(p);
                Path staging = stage(p);
                Path target = dir.resolve(p.thumbprint());
                return changeEntries(() -> {
                    AtomicFiles.move(staging, target);
                    AtomicFiles.fsyncDirectory(dir);
                    AtomicFiles.fsyncDirectory(tmp);
                    CertificateEntry added = readEntry(target, p.thumbprint(), true);
                    return Changed.one(added, p.thumbprint(), Optional.of(added));
                });
            });
        } finally {
            p.clear();
        }
    }

    /**
     * Adds entries to several logical stores of this scope, all or none even across a crash (see {@link Journal}).
     *
     * @param entries the entries, each new to its store
     */
    void addAll(List<NewEntry> entries) throws CertificateStoreException {
        List<Prepared> prepared = new ArrayList<>(entries.size());
        try {
            Set<String> seen = new HashSet<>();
            for (NewEntry e : entries) {
                Prepared p = prepare(e.store(), e.certificate(), e.privateKey(), e.attributes());
                prepared.add(p);
                if (!seen.add(e.store().shortName() + "/" + p.thumbprint())) {
                    throw new CertificateStoreException("The certificate " + p.thumbprint() + " (" + p.subject()
                            + ") is listed twice for " + e.store().displayName() + ". Nothing was added.");
                }
            }
            for (LogicalStore store : new java.util.TreeSet<>(entries.stream().map(NewEntry::store).toList())) {
                Optional<AccessDenial> refused = sibling(store).whyNotWritable();
                if (refused.isPresent()) {
                    throw new CertificateStoreException(refused.get());
                }
            }
            underLock("add " + entries.size() + " certificates", () -> {
                Map<LogicalStore, FileStore> stores = new EnumMap<>(LogicalStore.class);
                for (Prepared p : prepared) {
                    FileStore store = stores.computeIfAbsent(p.store(), this::sibling);
                    store.refuseExisting(p);
                }
                for (FileStore store : stores.values()) {
                    store.createHousekeeping();
                    if (store != this) {
                        store.cleanLeftovers();
                    }
                }
                // 1. every entry written in full where no listing looks
                List<Journal.Add> adds = new ArrayList<>(prepared.size());
                Map<LogicalStore, Optional<IndexBefore>> indexes = new EnumMap<>(LogicalStore.class);
                try {
                    for (Prepared p : prepared) {
                        Path staging = stores.get(p.store()).stage(p);
                        adds.add(new Journal.Add(p.store(), p.thumbprint(), staging.getFileName().toString()));
                    }
                    for (FileStore store : stores.values()) {
                        AtomicFiles.fsyncDirectory(store.tmp);
                        indexes.put(store.logicalStore, store.indexBefore());
                    }
                    // 2. the commit point: from here on the next writer completes the change if this process dies
                    AtomicFiles.replace(journalFile, Journal.encode(adds), AtomicFiles.PUBLIC_FILE, tmp);
                } catch (IOException | RuntimeException e) {
                    // not committed: nothing was added; take the staged keys away now rather than at the next change
                    for (Journal.Add add : adds) {
                        Path staged = stores.get(add.store()).tmp.resolve(add.staging());
                        try {
                            shredKeys(staged);
                            AtomicFiles.deleteTree(staged);
                        } catch (IOException again) {
                            e.addSuppressed(again);
                        }
                    }
                    throw e;
                }
                try {
                    AtomicFiles.fsyncDirectory(scopeHousekeeping);
                    // 3. into place
                    Map<LogicalStore, Generation> changing = new EnumMap<>(LogicalStore.class);
                    for (FileStore store : stores.values()) {
                        changing.put(store.logicalStore, store.beginChange());
                    }
                    for (Journal.Add add : adds) {
                        FileStore store = stores.get(add.store());
                        AtomicFiles.move(store.tmp.resolve(add.staging()), store.dir.resolve(add.thumbprint()));
                    }
                    for (FileStore store : stores.values()) {
                        AtomicFiles.fsyncDirectory(store.dir);
                        AtomicFiles.fsyncDirectory(store.tmp);
                        Map<String, Optional<CertificateEntry>> now = new java.util.LinkedHashMap<>();
                        for (Journal.Add add : adds) {
                            if (add.store() == store.logicalStore) {
                                now.put(add.thumbprint(), Optional.of(store.readEntry(store.dir.resolve(add.thumbprint()),
                                        add.thumbprint(), false)));
                            }
                        }
                        store.refreshIndex(indexes.get(store.logicalStore), changing.get(store.logicalStore).end(), now);
                        store.endChange(changing.get(store.logicalStore));
                    }
} catch (IOException e) {
                    // committed: finish it as the next writer would, or leave it to that writer
                    try {
                        replayJournal();
                        return null;
                    } catch (IOException again) {
                        e.addSuppressed(again);
                        throw new CertificateStoreException("The " + adds.size() + " certificates were recorded, but moving"
                                + " them into place failed: " + e.getMessage() + ". Cairn completes the change the next"
                                + " time the store is opened by an account that may change it; free space or fix"
                                + " permissions, then list the store again.", e);
                    }
                }
                // 4. done
                Files.delete(journalFile);
                AtomicFiles.fsyncDirectory(scopeHousekeeping);
                return null;
            });
        } finally {
            prepared.forEach(Prepared::clear);
        }
    }

    private void refreshIndex(Optional<IndexBefore> before, Generation done, Map<String, Optional<CertificateEntry>> now) {
        if (before.isEmpty()) {
            return;
        }
        try {
            long mtime = mtime();
            byte[] index;
            if (before.get().handEdited()) {
                index = IndexFormat.write(done, mtime, scan());
            } else {
                String text = before.get().text();
                for (Map.Entry<String, Optional<CertificateEntry>> e : now.entrySet()) {
                    text = IndexFormat.replace(text, done, mtime, e.getKey(), dir.resolve(e.getKey()).toString(), e.getValue());
                }
                index = text.getBytes(StandardCharsets.UTF_8);
            }
            AtomicFiles.replace(indexFile, index, AtomicFiles.PUBLIC_FILE, tmp);
        } catch (IOException e) {
            // the index stays at the old generation: the next listing rebuilds it
        }
    }

    @Override
    public void delete(String thumbprint) throws CertificateStoreException {
        underLock("delete the certificate " + thumbprint, () -> {
            Path target = requireEntry(thumbprint);
            Path trash = tmp.resolve(tmpName("del-", thumbprint));
            changeEntries(() -> {
                AtomicFiles.move(target, trash);
                AtomicFiles.fsyncDirectory(dir);
                return Changed.one(null, thumbprint, Optional.empty());
            });
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
            return changeEntries(() -> {
                // rename first: from here on the entry has no key, even if the process dies while shredding
                AtomicFiles.move(key, doomed);
                AtomicFiles.fsyncDirectory(entryDir);
                AtomicFiles.shred(doomed);
                Files.delete(doomed);
                CertificateEntry now = readEntry(entryDir, thumbprint, true);
                return Changed.one(now, thumbprint, Optional.of(now));
            });
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
            return changeEntries(() -> {
                AtomicFiles.replace(entryDir.resolve(PROPERTIES), EntryFormat.write(updated), AtomicFiles.PUBLIC_FILE, tmp);
                CertificateEntry now = readEntry(entryDir, thumbprint, true);
                return Changed.one(now, thumbprint, Optional.of(now));
            });
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
