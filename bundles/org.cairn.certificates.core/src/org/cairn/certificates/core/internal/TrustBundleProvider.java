package org.cairn.certificates.core.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Shows the operating system's trust bundle (a PEM file of CA certificates maintained by the distribution)
 * read-only as the physical store {@code .SystemTrustBundle} under the computer's Trusted Root Certification
 * Authorities. The parsed bundle is kept until the file's size or modification time changes.
 */
@Component(service = StoreProvider.class)
public final class TrustBundleProvider implements StoreProvider {

    static final String NAME = ".SystemTrustBundle";

    /** Where distributions keep the bundle, most common first. */
    public static final List<Path> KNOWN_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),             // Debian, Ubuntu, Gentoo, Arch
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),               // Fedora, RHEL, CentOS
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"), // Fedora, RHEL (extracted)
            Path.of("/etc/ssl/ca-bundle.pem"),                         // openSUSE
            Path.of("/var/lib/ca-certificates/ca-bundle.pem"),         // openSUSE
            Path.of("/etc/ssl/cert.pem"));                             // Alpine, macOS-like layouts

    private final Optional<Path> bundle;
    private final Object cacheLock = new Object();
    private Snapshot cache;

    /** DS and default use: the first bundle of {@link #KNOWN_BUNDLES} that exists. */
    public TrustBundleProvider() {
        this(detect());
    }

    /** @param bundle the PEM bundle to show; empty to show nothing */
    public TrustBundleProvider(Optional<Path> bundle) {
        this.bundle = bundle;
    }

    /** @return the first bundle of {@link #KNOWN_BUNDLES} that is a readable file */
    public static Optional<Path> detect() {
        return KNOWN_BUNDLES.stream().filter(p -> Files.isRegularFile(p) && Files.isReadable(p)).findFirst();
    }

    @Override
    public String id() {
        return "os-trust-bundle";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        if (bundle.isEmpty() || !(context.scope() instanceof Scope.Computer) || store != LogicalStore.TRUSTED_ROOT) {
            return Optional.empty();
        }
        return Optional.of(new BundleStore(context, bundle.get()));
    }

    /** A parsed bundle with what identified the file version it came from. */
    private record Snapshot(long size, long modified, List<X509Certificate> certificates, List<String> problems) {
    }

    private Snapshot load(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        synchronized (cacheLock) {
            if (cache != null && cache.size == size && cache.modified == modified) {
                return cache;
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<X509Certificate> certificates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IOException("The Java runtime cannot read X.509 certificates", e);
        }
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        int pos = 0;
        // the line of pos, counted on from the previous certificate's (counting from the start each time made reading
        // a 150-certificate bundle quadratic: 17 MB of characters, a tenth of a second of every export with a chain)
        int line = 1;
        int counted = 0;
        while ((pos = text.indexOf(begin, pos)) >= 0) {
            int stop = text.indexOf(end, pos);
            for (int i = counted; i < pos; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = pos;
            if (stop < 0) {
                problems.add("line " + line + ": certificate without END line");
                break;
            }
            String base64 = text.substring(pos + begin.length(), stop).replaceAll("\\s", "");
            try {
                byte[] der = Base64.getDecoder().decode(base64);
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            } catch (IllegalArgumentException | CertificateException e) {
                problems.add("line " + line + ": " + e.getMessage());
            }
            pos = stop + end.length();
        }
        Snapshot snapshot = new Snapshot(size, modified, List.copyOf(certificates), List.copyOf(problems));
        synchronized (cacheLock) {
            cache = snapshot;
        }
        return snapshot;
    }

    /** The read-only physical store over the bundle file. */
    private final class BundleStore implements PhysicalStore {
        private final StoreContext context;
        private final Path file;

        BundleStore(StoreContext context, Path file) {
            this.context = context;
            this.file = file;
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String location() {
            return file.toString();
        }

        @Override
        public LogicalStore logicalStore() {
            return LogicalStore.TRUSTED_ROOT;
        }

        @Override
        public StoreListing list() throws CertificateStoreException {
            Snapshot snapshot;
            try {
                snapshot = load(file);
            } catch (NoSuchFileException e) {
                return new StoreListing(List.of(), List.of());
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot read the system trust bundle " + file + ": " + e.getMessage(), e);
            }
            Map<String, CertificateEntry> entries = new LinkedHashMap<>();
            List<StoreProblem> problems = new ArrayList<>();
            for (X509Certificate certificate : snapshot.certificates()) {
                try {
                    CertificateEntry entry = CertificateEntry.builder(certificate)
                            .scope(context.scope()).logicalStore(LogicalStore.TRUSTED_ROOT).physicalStore(NAME)
                            .attributes(EntryAttributes.defaults().withExportable(false)
                                    .withDescription("From the operating system's trust bundle " + file))
                            .location(file.toString())
                            .build();
                    entries.putIfAbsent(entry.thumbprint(), entry);
                } catch (CertificateStoreException e) {
                    problems.add(new StoreProblem(LogicalStore.TRUSTED_ROOT, NAME, file.toString(), e.getMessage()));
                }
            }
            for (String p : snapshot.problems()) {
                problems.add(new StoreProblem(LogicalStore.TRUSTED_ROOT, NAME, file + ":" + p.substring(5, p.indexOf(':')),
                        "unreadable certificate (" + p + "); the distribution's ca-certificates tool rebuilds this file."));
            }
            return new StoreListing(List.copyOf(entries.values()), problems);
        }

        @Override
        public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
            return list().find(thumbprint);
        }
    }
}
