package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.FileWrites;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/**
 * The computer's own trust anchors ({@code .LocalAnchors}, behind Trusted Root Certification Authorities) or its
 * blocklist ({@code .Blocklist}, behind Untrusted Certificates): one directory of certificate files that the
 * distribution's update command turns into the trust every program uses. Adding writes one file atomically and runs
 * the update; removing deletes the file and runs the update with cleanup; both then check the extracted bundle.
 */
final class AnchorStore implements PhysicalStore {

    /** The physical store name of the local anchors. */
    static final String ANCHORS = ".LocalAnchors";
    /** The physical store name of the blocklist. */
    static final String BLOCKLIST = ".Blocklist";
    /** At most this many files are read from the directory. */
    static final int MAX_FILES = 4096;

    private final StoreContext context;
    private final SystemLayout layout;
    private final TrustScheme.Detection detection;
    private final TrustScheme scheme;
    private final LogicalStore logical;
    private final String directory;
    private final Object updateLock;

    /**
     * @param updateLock one per provider: the update command must not run twice at once from one process
     */
    AnchorStore(StoreContext context, SystemLayout layout, TrustScheme.Detection detection, LogicalStore logical,
            String directory, Object updateLock) {
        this.context = context;
        this.layout = layout;
        this.detection = detection;
        this.scheme = detection.scheme().orElseThrow();
        this.logical = logical;
        this.directory = directory;
        this.updateLock = updateLock;
    }

    private boolean anchors() {
        return logical == LogicalStore.TRUSTED_ROOT;
    }

    private Path dir() {
        return layout.resolve(directory);
    }

    @Override
    public String name() {
        return anchors() ? ANCHORS : BLOCKLIST;
    }

    @Override
    public String location() {
        return dir().toString();
    }

    @Override
    public LogicalStore logicalStore() {
        return logical;
    }

    /**
     * Writable unless this session keeps the system unchanged: a missing update command is a refusal with its reason
     * ({@link #whyNotWritable}), not a silent fall-back of adds to Cairn's own store.
     */
    @Override
    public boolean writable() {
        return layout.whyNoChanges().isEmpty();
    }

    @Override
    public boolean preferredTarget() {
        return true;
    }

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        if (detection.whyReadOnly().isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, detection.whyReadOnly().get()));
        }
        if (!context.identity().isRoot()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Only root can change the computer's "
                    + (anchors() ? "trust anchors" : "blocklist") + " in " + directory + "; you are "
                    + context.identity() + ". Run Cairn as root (for example sudo cairn ...)."));
        }
        return Optional.empty();
    }

    @Override
    public AccessDenial readOnly() {
        return whyNotWritable().orElseGet(PhysicalStore.super::readOnly);
    }

    /** One certificate found in one file. */
    private record Found(Path file, int inFile, X509Certificate certificate, CertificateEntry entry) {
    }

    private List<Path> files() throws CertificateStoreException {
        Path dir = dir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        // Debian reads *.crt in the directory and its sub-directories; p11-kit reads every file there
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !scheme.id().equals("debian") || p.getFileName().toString().endsWith(".crt"))
                    .sorted().limit(MAX_FILES + 1L).toList();
            if (files.size() > MAX_FILES) {
                throw new CertificateStoreException("The directory " + dir + " holds more than " + MAX_FILES
                        + " files; Cairn does not read a trust directory that large.");
            }
            return files;
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private List<Found> scan(List<StoreProblem> problems) throws CertificateStoreException {
        List<Found> found = new ArrayList<>();
        for (Path file : files()) {
            try {
                List<X509Certificate> certificates = CertificateFiles.read(file);
                for (int i = 0; i < certificates.size(); i++) {
                    X509Certificate certificate = certificates.get(i);
                    found.add(new Found(file, certificates.size(), certificate, entry(file, certificate)));
                }
            } catch (IOException | CertificateStoreException e) {
                problems.add(new StoreProblem(logical, name(), file.toString(), e.getMessage()));
            }
        }
        return found;
    }

    private CertificateEntry entry(Path file, X509Certificate certificate) throws CertificateStoreException {
        String fileName = file.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        return CertificateEntry.builder(certificate).scope(context.scope()).logicalStore(logical).physicalStore(name())
                .attributes(EntryAttributes.defaults().withExportable(false)
                        .withFriendlyName(dot > 0 ? fileName.substring(0, dot) : fileName)
                        .withDescription((anchors() ? "Trust anchor of this computer, from " : "Distrusted by this computer, from ")
                                + file))
                .location(file.toString()).build();
    }

    @Override
    public StoreListing list() throws CertificateStoreException {
        List<StoreProblem> problems = new ArrayList<>();
        Map<String, CertificateEntry> entries = new LinkedHashMap<>();
        for (Found f : scan(problems)) {
            entries.putIfAbsent(f.entry().thumbprint(), f.entry());
        }
        return new StoreListing(List.copyOf(entries.values()), problems);
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        return list().find(thumbprint);
    }

    @Override
    public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        if (privateKey.isPresent()) {
            throw new CertificateStoreException("The computer's " + (anchors() ? "trust anchors" : "blocklist")
                    + " hold certificates only, never private keys. Import the certificate with its key into Personal,"
                    + " or import the certificate alone here.");
        }
        byte[] pem;
        String thumbprint;
        try {
            pem = CertificateFiles.pem(certificate);
            thumbprint = CertificateEntry.sha1(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
        synchronized (updateLock) {
            if (find(thumbprint).isPresent()) {
                throw new CertificateStoreException("The certificate " + thumbprint + " is already in " + directory + ".");
            }
            Path file = dir().resolve("cairn-" + thumbprint.toLowerCase(Locale.ROOT) + scheme.extension());
            try {
                // anchors are public: the update command and every program read them
                FileWrites.replace(file, pem, PosixFilePermissions.fromString("rw-r--r--"), Optional.empty());
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            try {
                update(scheme.updateArgs());
                checkExtracted(thumbprint, anchors());
            } catch (CertificateStoreException e) {
                String undone = undo(file);
                throw new CertificateStoreException(e.getMessage() + "\n" + undone, e);
            }
            return entry(file, certificate);
        }
    }

    /** Takes a failed addition back: the file goes, the update runs again with cleanup. */
    private String undo(Path file) {
        try {
            FileWrites.delete(file);
            cleanup();
            return "The new file " + file + " was removed again and the system's trust rebuilt without it.";
        } catch (IOException | CertificateStoreException e) {
            return "Removing " + file + " again failed too (" + e.getMessage() + "); delete it and run "
                    + scheme.command() + " " + String.join(" ", scheme.cleanupRuns().get(scheme.cleanupRuns().size() - 1))
                    + " as root.";
        }
    }

    @Override
    public void delete(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        synchronized (updateLock) {
            List<Found> holding = scan(new ArrayList<>()).stream()
                    .filter(f -> f.entry().thumbprint().equals(thumbprint)).toList();
            if (holding.isEmpty()) {
                throw new CertificateStoreException("The certificate " + thumbprint + " is no longer in " + directory
                        + "; another program may have removed it. Refresh the view.");
            }
            for (Found f : holding) {
                if (f.inFile() > 1) {
                    throw new CertificateStoreException("The file " + f.file() + " holds " + f.inFile()
                            + " certificates; Cairn removes only whole files, so nothing was changed. Remove the"
                            + " certificate from that file by hand and run " + scheme.command() + ".");
                }
            }
            for (Found f : holding) {
                try {
                    tellHooksRemoved(f.file());
                    FileWrites.delete(f.file());
                } catch (IOException e) {
                    throw new CertificateStoreException("Cannot delete " + f.file() + ": " + e.getMessage(), e);
                }
            }
            cleanup();
            if (anchors()) {
                checkExtracted(thumbprint, false);
            }
        }
    }

    @Override
    public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
            throws CertificateStoreException {
        throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "A certificate in "
                + directory + " is a plain file: it has no friendly name, description or properties to change."));
    }

    /**
     * Debian's update-ca-certificates tells its hooks only about removals made through /etc/ca-certificates.conf, not
     * about a local file that was deleted, and calls them without {@code --fresh}; so Java's cacerts (the
     * {@code jks-keystore} hook) would keep a removed root for ever. Cairn sends the hooks the removal line
     * update-ca-certificates itself would send ({@code -/etc/ssl/certs/NAME.pem}), while that link still exists.
     */
    private void tellHooksRemoved(Path crt) throws CertificateStoreException {
        if (!scheme.id().equals("debian")) {
            return;
        }
        String name = crt.getFileName().toString();
        String link = "/etc/ssl/certs/" + name.substring(0, name.length() - ".crt".length()) + ".pem";
        Path hooks = layout.resolve("/etc/ca-certificates/update.d");
        if (!Files.isSymbolicLink(layout.resolve(link)) || !Files.isDirectory(hooks)) {
            return;
        }
        List<Path> scripts;
        try (Stream<Path> list = Files.list(hooks)) {
            // run-parts' rule: executable files whose names are letters, digits, '_' and '-'
            scripts = list.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9_-]+"))
                    .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).sorted().toList();
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the hooks in " + hooks + ": " + e.getMessage(), e);
        }
        for (Path hook : scripts) {
            Commands.run(layout, hook, List.of(), ("-" + link + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    private void cleanup() throws CertificateStoreException {
        for (List<String> args : scheme.cleanupRuns()) {
            update(args);
        }
    }

    private void update(List<String> args) throws CertificateStoreException {
        Path command = detection.command().orElseThrow(() -> new CertificateStoreException(
                new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, detection.whyReadOnly().orElse(""))));
        Commands.run(layout, command, args);
    }

    /** The update's result: the extracted bundle holds the anchor (or, after a removal, no longer does). */
    private void checkExtracted(String thumbprint, boolean expected) throws CertificateStoreException {
        Path bundle = layout.resolve(scheme.extractedBundle());
        boolean present;
        try {
            present = CertificateFiles.readAll(bundle).stream().anyMatch(c -> thumbprint.equals(sha1(c)));
        } catch (IOException e) {
            throw new CertificateStoreException(scheme.command() + " ran, but its result " + bundle
                    + " cannot be read: " + e.getMessage(), e);
        }
        if (present != expected) {
            throw new CertificateStoreException(scheme.command() + " ran, but " + bundle + (expected
                    ? " does not contain the certificate " + thumbprint + ", so programs would not trust it."
                    : " still contains the certificate " + thumbprint + ": the distribution's own list of roots may hold"
                            + " it too (Debian: deselect it in /etc/ca-certificates.conf)."));
        }
    }

    private static String sha1(X509Certificate certificate) {
        try {
            return CertificateEntry.sha1(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            return "";
        }
    }
}
