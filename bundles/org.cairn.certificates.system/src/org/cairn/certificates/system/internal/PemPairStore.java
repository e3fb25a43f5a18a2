package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.FileWrites;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/**
 * A service's certificate and key files in one of the places Linux keeps them ({@link PemPlace}), as a physical store
 * behind the computer's Personal store. A certificate is shown when a private key belongs to it: a readable key file
 * is paired by its public key; a key file this process cannot read (or an encrypted one) by the conventional name
 * (certs/NAME.pem with private/NAME.key, or the one key file of a folder such as certbot's live/NAME). Whether the
 * private key is accessible is decided by the key file's owner, group and mode, and the reason is shown when not.
 */
final class PemPairStore implements PhysicalStore {

    /** At most this many files are read from one folder. */
    static final int MAX_FILES = 4096;
    /** At most this many folders below certbot's live folder. */
    static final int MAX_FOLDERS = 1024;
    /** Trust infrastructure that /etc/ssl/certs and /etc/pki/tls/certs link into: certificates, never pairs. */
    private static final List<String> TRUST_TREES = List.of("/usr/share/ca-certificates", "/usr/local/share/ca-certificates",
            "/etc/pki/ca-trust", "/etc/ca-certificates", "/var/lib/ca-certificates", "/etc/ssl/certs/java");
    /** The distributions' extracted bundles, which sit among service certificates. */
    private static final List<String> BUNDLES = List.of("ca-certificates.crt", "ca-bundle.crt", "ca-bundle.trust.crt");

    private final StoreContext context;
    private final SystemLayout layout;
    private final PemPlace place;
    private final Object writeLock;

    PemPairStore(StoreContext context, SystemLayout layout, PemPlace place, Object writeLock) {
        this.context = context;
        this.layout = layout;
        this.place = place;
        this.writeLock = writeLock;
    }

    @Override
    public String name() {
        return place.name();
    }

    @Override
    public String location() {
        return place.unit().map(u -> u.unitFile().toString()).orElseGet(() -> layout.resolve(place.certDir()).toString());
    }

    @Override
    public LogicalStore logicalStore() {
        return LogicalStore.PERSONAL;
    }

    @Override
    public boolean writable() {
        return place.readOnly().isEmpty() && layout.whyNoChanges().isEmpty();
    }

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        if (place.readOnly().isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, place.readOnly().get()));
        }
        if (layout.whyNoChanges().isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, layout.whyNoChanges().get()));
        }
        if (!context.identity().isRoot()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Only root can add service certificates"
                    + " to " + place.certDir() + "; you are " + context.identity() + ". Run Cairn as root (for example"
                    + " sudo cairn ...)."));
        }
        return Optional.empty();
    }

    @Override
    public AccessDenial readOnly() {
        return whyNotWritable().orElseGet(PhysicalStore.super::readOnly);
    }

    /** A certificate with the key file that belongs to it. */
    record Pair(Path certFile, int certsInFile, X509Certificate certificate, CertificateEntry entry, Path keyFile,
            int keysInFile, boolean verified, Optional<String> keyProblem) {
    }

    /** A key file as this process found it. */
    private record KeyFile(Path file, List<PrivateKey> keys, int encrypted, boolean unreadable) {
        int count() {
            return keys.size() + encrypted + (unreadable ? 1 : 0);
        }
    }

    /**
     * One folder's certificate files and key files.
     *
     * @param only the files, when they are named one by one (a unit's credentials) instead of being a folder's
     */
    private record Folder(Path certs, Path keys, Optional<List<Path>> only) {
        Folder(Path certs, Path keys) {
            this(certs, keys, Optional.empty());
        }
    }

    private List<Folder> folders() throws CertificateStoreException {
        if (place.unit().isPresent()) {
            UnitCredentials unit = place.unit().get();
            return List.of(new Folder(unit.unitFile(), unit.unitFile(), Optional.of(unit.files())));
        }
        Path certs = layout.resolve(place.certDir());
        if (!Files.isDirectory(certs)) {
            return List.of();
        }
        if (!place.perSubdirectory()) {
            return List.of(new Folder(certs, layout.resolve(place.keyDir())));
        }
        try (Stream<Path> list = Files.list(certs)) {
            List<Path> dirs = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().limit(MAX_FOLDERS + 1L).toList();
            if (dirs.size() > MAX_FOLDERS) {
                throw new CertificateStoreException(certs + " holds more than " + MAX_FOLDERS + " folders; Cairn does not"
                        + " read a folder that large.");
            }
            return dirs.stream().map(d -> new Folder(d, d)).toList();
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read " + certs + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Folder folder, Path dir) throws CertificateStoreException {
        if (folder.only().isPresent()) {
            return folder.only().get().stream().filter(p -> !BUNDLES.contains(p.getFileName().toString()))
                    .filter(Files::isRegularFile).toList();
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !BUNDLES.contains(p.getFileName().toString()))
                    .filter(Files::isRegularFile).filter(p -> !intoTrustTree(p))
                    .sorted().limit(MAX_FILES + 1L).toList();
            if (files.size() > MAX_FILES) {
                throw new CertificateStoreException(dir + " holds more than " + MAX_FILES + " files; Cairn does not"
                        + " read a folder that large.");
            }
            return files;
        } catch (AccessDeniedException e) {
            return List.of();
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The links Debian's update-ca-certificates and Fedora's ca-trust put among service certificates. */
    private static boolean intoTrustTree(Path file) {
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        String name = file.getFileName().toString();
        if (name.matches("[0-9a-f]{8}\\.[0-9]+")) {
            return true; // OpenSSL's hash links
        }
        try {
            String target = file.toRealPath().toString();
            return TRUST_TREES.stream().anyMatch(t -> target.contains(t));
        } catch (IOException e) {
            return true; // a dangling link is no pair
        }
    }

    /** Every certificate of this place with a private key, in file order; unreadable files become problems. */
    List<Pair> scan(List<StoreProblem> problems) throws CertificateStoreException {
        List<Pair> pairs = new ArrayList<>();
        for (Folder folder : folders()) {
            scan(folder, pairs, problems);
        }
        return pairs;
    }

    private void scan(Folder folder, List<Pair> pairs, List<StoreProblem> problems) throws CertificateStoreException {
        List<KeyFile> keyFiles = new ArrayList<>();
        for (Path file : files(folder, folder.keys())) {
            try {
                KeyFiles.Keys keys = KeyFiles.read(file);
                if (keys.any()) {
                    keyFiles.add(new KeyFile(file, keys.keys(), keys.encrypted(), false));
                }
            } catch (AccessDeniedException e) {
                // it is there, but not for this account: paired by name, shown without access
                if (!folder.certs().equals(folder.keys()) || KeyFiles.looksLikeKeyName(file)) {
                    keyFiles.add(new KeyFile(file, List.of(), 0, true));
                }
            } catch (IOException e) {
                problems.add(new StoreProblem(LogicalStore.PERSONAL, name(), file.toString(), e.getMessage()));
            }
        }
        if (keyFiles.isEmpty()) {
            return;
        }
        for (Path file : files(folder, folder.certs())) {
            List<X509Certificate> certificates;
            try {
                certificates = CertificateFiles.read(file);
            } catch (AccessDeniedException e) {
                continue;
            } catch (IOException e) {
                if (!"holds no certificate".equals(e.getMessage())) {
                    problems.add(new StoreProblem(LogicalStore.PERSONAL, name(), file.toString(), e.getMessage()));
                }
                continue;
            }
            for (X509Certificate certificate : certificates) {
                pair(folder, file, certificates.size(), certificate, keyFiles).ifPresent(pairs::add);
            }
        }
    }

    private Optional<Pair> pair(Folder folder, Path certFile, int inFile, X509Certificate certificate,
            List<KeyFile> keyFiles) throws CertificateStoreException {
        for (KeyFile k : keyFiles) {
            for (PrivateKey key : k.keys()) {
                if (sameFamily(key, certificate) && KeyPairCheck.mismatch(key, certificate.getPublicKey()).isEmpty()) {
                    return Optional.of(pair(certFile, inFile, certificate, k, true, Optional.empty()));
                }
            }
        }
        // keys this process cannot read or decrypt: by the conventional name, or the folder's only key file
        List<KeyFile> opaque = keyFiles.stream().filter(k -> k.unreadable() || k.encrypted() > 0).toList();
        String stem = stem(certFile);
        for (KeyFile k : opaque) {
            if (stem(k.file()).equals(stem) && !k.file().equals(certFile)) {
                return Optional.of(pair(certFile, inFile, certificate, k, false, problem(k)));
            }
        }
        if (folder.certs().equals(folder.keys()) && keyFiles.size() == 1 && opaque.size() == 1
                && certificate.getBasicConstraints() < 0) {
            KeyFile k = opaque.get(0);
            return Optional.of(pair(certFile, inFile, certificate, k, false, problem(k)));
        }
        return Optional.empty();
    }

    private static Optional<String> problem(KeyFile k) {
        return k.encrypted() > 0 && k.keys().isEmpty()
                ? Optional.of("The key file " + k.file() + " is encrypted with a passphrase, which Cairn does not"
                        + " ask for here; decrypt it with openssl pkey, or export the certificate without its key.")
                : Optional.empty();
    }

    private Pair pair(Path certFile, int inFile, X509Certificate certificate, KeyFile k, boolean verified,
            Optional<String> problem) throws CertificateStoreException {
        return new Pair(certFile, inFile, certificate, entry(certFile, k.file(), certificate), k.file(), k.count(),
                verified, problem);
    }

    private static boolean sameFamily(PrivateKey key, X509Certificate certificate) {
        String a = key.getAlgorithm();
        String b = certificate.getPublicKey().getAlgorithm();
        return a.equalsIgnoreCase(b) || (a.startsWith("Ed") && b.startsWith("Ed")) || a.equals("EdDSA") || b.equals("EdDSA")
                || (a.startsWith("RSA") && b.startsWith("RSA")) || (a.startsWith("EC") && b.startsWith("EC"));
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private CertificateEntry entry(Path certFile, Path keyFile, X509Certificate certificate)
            throws CertificateStoreException {
        String friendly = place.perSubdirectory() ? certFile.getParent().getFileName().toString() : stem(certFile);
        return CertificateEntry.builder(certificate).scope(context.scope()).logicalStore(LogicalStore.PERSONAL)
                .physicalStore(name()).hasPrivateKey(true)
                .attributes(EntryAttributes.defaults().withFriendlyName(friendly)
                        .withDescription("Certificate file " + certFile + " with the private key file " + keyFile))
                .location(certFile.toString()).build();
    }

    @Override
    public StoreListing list() throws CertificateStoreException {
        List<StoreProblem> problems = new ArrayList<>();
        place.unit().ifPresent(unit -> unit.problems().forEach(problem -> problems.add(
                new StoreProblem(LogicalStore.PERSONAL, name(), unit.unitFile().toString(), problem))));
        Map<String, CertificateEntry> entries = new LinkedHashMap<>();
        for (Pair p : scan(problems)) {
            entries.putIfAbsent(p.entry().thumbprint(), p.entry());
        }
        return new StoreListing(List.copyOf(entries.values()), problems);
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        return pair(thumbprint).map(Pair::entry);
    }

    private Optional<Pair> pair(String thumbprint) throws CertificateStoreException {
        return scan(new ArrayList<>()).stream().filter(p -> p.entry().thumbprint().equals(thumbprint)).findFirst();
    }

    @Override
    public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        Optional<Pair> pair;
        try {
            pair = pair(thumbprint);
        } catch (CertificateStoreException e) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, e.getMessage()));
        }
        if (pair.isEmpty()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "No key file in " + location()
                    + " belongs to the certificate " + thumbprint + "."));
        }
        Pair p = pair.get();
        Path stopAbove = place.unit().isPresent() ? p.keyFile().getParent()
                : layout.resolve(p.keyFile().getParent().equals(layout.resolve(place.keyDir())) ? place.keyDir() : place.certDir());
        Optional<String> why = new FileAccess(context.identity()).whyNotReadable(p.keyFile(), stopAbove);
        if (why.isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "You do not have access to the private key"
                    + " of " + p.entry().issuedTo() + ": " + why.get()));
        }
        if (p.keyProblem().isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, p.keyProblem().get()));
        }
        if (!p.verified()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "This process cannot read the private key"
                    + " file " + p.keyFile() + "; run Cairn as root."));
        }
        return Optional.empty();
    }

    @Override
    public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        Pair p = pair(thumbprint).orElseThrow(() -> new CertificateStoreException("The certificate " + thumbprint
                + " is no longer in " + location() + "; refresh the view."));
        try {
            for (PrivateKey key : KeyFiles.read(p.keyFile()).keys()) {
                if (sameFamily(key, p.certificate()) && KeyPairCheck.mismatch(key, p.certificate().getPublicKey()).isEmpty()) {
                    return key;
                }
            }
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the key file " + p.keyFile() + ": " + e.getMessage(), e);
        }
        throw new CertificateStoreException("The key file " + p.keyFile() + " no longer holds the private key of "
                + p.entry().issuedTo() + "; another program changed it. Refresh the view.");
    }

    @Override
    public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        if (privateKey.isEmpty()) {
            throw new CertificateStoreException("A service's files in " + place.certDir() + " are a certificate with its"
                    + " private key; this certificate comes without one. Import it with its key (a .pfx file), or into"
                    + " another store.");
        }
        Optional<String> mismatch = KeyPairCheck.mismatch(privateKey.get(), certificate.getPublicKey());
        if (mismatch.isPresent()) {
            throw new CertificateStoreException("The private key does not belong to the certificate: " + mismatch.get());
        }
        byte[] certPem;
        byte[] keyPem;
        String thumbprint;
        try {
            certPem = CertificateFiles.pem(certificate);
            thumbprint = CertificateEntry.sha1(certificate.getEncoded());
            keyPem = KeyFiles.pem(privateKey.get());
        } catch (CertificateEncodingException | IllegalArgumentException e) {
            throw new CertificateStoreException("The certificate or its key cannot be written as PEM: " + e.getMessage(), e);
        }
        String base = fileName(attributes, certificate, thumbprint);
        Path certs = layout.resolve(place.certDir());
        Path keys = layout.resolve(place.keyDir());
        Path certFile = certs.resolve(base + ".pem");
        Path keyFile = keys.resolve(base + ".key");
        synchronized (writeLock) {
            if (find(thumbprint).isPresent()) {
                throw new CertificateStoreException("The certificate " + thumbprint + " is already in " + certs + ".");
            }
            for (Path f : List.of(certFile, keyFile)) {
                if (Files.exists(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new CertificateStoreException("The file " + f + " exists already; Cairn does not overwrite a"
                            + " service's files. Give the certificate another friendly name, or remove that file first.");
                }
            }
            try {
                Files.createDirectories(certs);
                if (!Files.isDirectory(keys)) {
                    Files.createDirectories(keys, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                }
                Optional<GroupPrincipal> group = keyGroup();
                // the key first: a certificate file never names a key that is not there yet
                FileWrites.replace(keyFile, keyPem,
                        PosixFilePermissions.fromString(group.isPresent() ? "rw-r-----" : "rw-------"), group);
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot write " + keyFile + ": " + e.getMessage()
                        + ". Nothing was written.", e);
            }
            try {
                FileWrites.replace(certFile, certPem, PosixFilePermissions.fromString("rw-r--r--"), Optional.empty());
            } catch (IOException e) {
                String undone;
                try {
                    FileWrites.delete(keyFile);
                    undone = "the key file written before it was removed again.";
                } catch (IOException again) {
                    undone = "removing the key file " + keyFile + " failed too (" + again.getMessage() + "); delete it.";
                }
                throw new CertificateStoreException("Cannot write " + certFile + ": " + e.getMessage() + "; " + undone, e);
            }
            return find(thumbprint).orElseThrow(() -> new CertificateStoreException("The files " + certFile + " and "
                    + keyFile + " were written but do not read back as a pair; check them."));
        }
    }

    /** Debian's convention for /etc/ssl/private: group ssl-cert may read keys (its services are in it). */
    private Optional<GroupPrincipal> keyGroup() throws IOException {
        if (!place.sslCertGroup()) {
            return Optional.empty();
        }
        try {
            return Optional.of(layout.resolve(place.keyDir()).getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByGroupName("ssl-cert"));
        } catch (UserPrincipalNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The friendly name, else the subject's common name, else the thumbprint, as a safe file name. */
    private static String fileName(EntryAttributes attributes, X509Certificate certificate, String thumbprint) {
        String name = attributes.friendlyName();
        if (name.isBlank()) {
            name = certificate.getSubjectX500Principal().getName();
            int cn = name.indexOf("CN=");
            name = cn >= 0 ? name.substring(cn + 3).split(",", 2)[0] : "";
        }
        name = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        if (name.isBlank()) {
            name = "cairn-" + thumbprint.toLowerCase(Locale.ROOT);
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    @Override
    public void delete(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        synchronized (writeLock) {
            Pair p = pair(thumbprint).orElseThrow(() -> new CertificateStoreException("The certificate " + thumbprint
                    + " is no longer in " + location() + "; another program may have removed it. Refresh the view."));
            if (p.certsInFile() > 1 || p.keysInFile() > 1 || p.certFile().equals(p.keyFile())) {
                throw new CertificateStoreException("The file " + p.certFile() + " or " + p.keyFile() + " holds more than"
                        + " this certificate and its key; Cairn removes only whole files, so nothing was changed.");
            }
            try {
                FileWrites.delete(p.certFile());
                FileWrites.delete(p.keyFile());
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot delete " + p.certFile() + " and " + p.keyFile() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * A service's key file stays: the service's configuration names it, and without it the service fails to start.
     * Asked when the export wizard opens, on the UI thread: decided without reading the folders.
     */
    @Override
    public Optional<AccessDenial> whyKeyNotDeletable(String thumbprint) {
        return Optional.of(keyStays("a service's key file"));
    }

    @Override
    public CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
        throw new CertificateStoreException(keyStays(pair(thumbprint).map(p -> p.keyFile().toString())
                .orElse("a service's key file")));
    }

    private static AccessDenial keyStays(String keyFile) {
        return new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "Cairn does not delete " + keyFile + " alone: a"
                + " service's configuration names it, and the service would no longer start. Delete the certificate"
                + " (both files) once no service uses it.");
    }

    @Override
    public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
            throws CertificateStoreException {
        throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "A certificate in "
                + location() + " is a plain file: it has no friendly name, description or properties to change."));
    }
}
