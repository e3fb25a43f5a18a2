package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
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
 * Java's {@code cacerts} ({@code .JavaCacerts}) read-only behind the computer's Trusted Root Certification
 * Authorities: the distribution's update rebuilds it from the anchors (Debian's {@code jks-keystore} hook), so a
 * change made here would be lost. Debian keeps it at {@code /etc/ssl/certs/java/cacerts}; a JDK links
 * {@code lib/security/cacerts} to it or carries its own.
 */
@Component(service = StoreProvider.class)
public final class JavaCacertsProvider implements StoreProvider {

    static final String NAME = ".JavaCacerts";
    /** Debian's shared store, then the running JDK's own. */
    static final List<String> KNOWN = List.of("/etc/ssl/certs/java/cacerts", "/etc/pki/java/cacerts");
    /** More entries than any cacerts holds. */
    static final int MAX_ENTRIES = 10_000;

    private final SystemLayout layout;

    /** For DS: the layout of this process's properties and environment. */
    public JavaCacertsProvider() {
        this(SystemLayout.fromEnvironment());
    }

    /** @param layout where the system's files are */
    public JavaCacertsProvider(SystemLayout layout) {
        this.layout = layout;
    }

    @Override
    public String id() {
        return "java-cacerts";
    }

    @Override
    public int order() {
        return 110;
    }

    /** @return the cacerts file, if the system has one */
    Optional<Path> file() {
        for (String known : KNOWN) {
            Path p = layout.resolve(known);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        Path own = layout.resolve(Path.of(System.getProperty("java.home"), "lib/security/cacerts").toString());
        return Files.isRegularFile(own) ? Optional.of(own) : Optional.empty();
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        if (!(context.scope() instanceof Scope.Computer) || store != LogicalStore.TRUSTED_ROOT) {
            return Optional.empty();
        }
        return file().map(f -> new CacertsStore(context, f));
    }

    /** The read-only store over one cacerts file. */
    private static final class CacertsStore implements PhysicalStore {
        private final StoreContext context;
        private final Path file;

        CacertsStore(StoreContext context, Path file) {
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
            KeyStore keyStore;
            try {
                // the type is told by the content (JKS or PKCS12); trusted certificates need no password
                keyStore = KeyStore.getInstance(file.toFile(), (char[]) null);
            } catch (IOException | GeneralSecurityException e) {
                throw new CertificateStoreException("Cannot read Java's cacerts " + file + ": " + e.getMessage(), e);
            }
            Map<String, CertificateEntry> entries = new LinkedHashMap<>();
            List<StoreProblem> problems = new ArrayList<>();
            try {
                int count = 0;
                for (String alias : Collections.list(keyStore.aliases())) {
                    if (++count > MAX_ENTRIES) {
                        problems.add(new StoreProblem(LogicalStore.TRUSTED_ROOT, NAME, file.toString(),
                                "more than " + MAX_ENTRIES + " entries; the rest is not shown"));
                        break;
                    }
                    Certificate c = keyStore.getCertificate(alias);
                    if (c instanceof X509Certificate x509) {
                        try {
                            CertificateEntry entry = CertificateEntry.builder(x509).scope(context.scope())
                                    .logicalStore(LogicalStore.TRUSTED_ROOT).physicalStore(NAME)
                                    .attributes(EntryAttributes.defaults().withExportable(false).withFriendlyName(alias)
                                            .withDescription("From Java's cacerts " + file))
                                    .location(file + "#" + alias).build();
                            entries.putIfAbsent(entry.thumbprint(), entry);
                        } catch (CertificateStoreException e) {
                            problems.add(new StoreProblem(LogicalStore.TRUSTED_ROOT, NAME, file + "#" + alias, e.getMessage()));
                        }
                    }
                }
            } catch (java.security.KeyStoreException e) {
                throw new CertificateStoreException("Cannot read Java's cacerts " + file + ": " + e.getMessage(), e);
            }
            return new StoreListing(List.copyOf(entries.values()), problems);
        }

        @Override
        public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
            return list().find(thumbprint);
        }

        @Override
        public org.cairn.certificates.core.AccessDenial readOnly() {
            return new org.cairn.certificates.core.AccessDenial(org.cairn.certificates.core.AccessDenial.Reason.READ_ONLY_STORE,
                    "Java's cacerts (" + file + ") is rebuilt from the computer's trust anchors by the distribution's"
                            + " update; add or remove the root in the local anchors instead (.LocalAnchors).");
        }
    }
}
