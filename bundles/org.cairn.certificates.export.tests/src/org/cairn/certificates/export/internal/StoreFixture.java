package org.cairn.certificates.export.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.ExportSettings;

/**
 * Real certificate stores under a temporary directory (never the user's), filled with real keys and
 * certificates made by the stores bundle's certificate factory.
 */
final class StoreFixture {

    /** The iteration counts the tests use unless they test the counts themselves. */
    static final ExportSettings SETTINGS = ExportSettings.defaults();

    final StoreRoots roots;
    final CertificateStoreService stores;
    final CertificateStore user;
    private final CertificateFactoryService factory = CertificateStores.certificateFactory();

    StoreFixture(Path directory) throws Exception {
        this(directory, Identity.current());
    }

    StoreFixture(Path directory, Identity identity) throws Exception {
        this.roots = StoreRoots.under(directory);
        this.stores = CertificateStores.create(roots, identity, List.of(CertificateStores.fileStoreProvider()));
        this.user = stores.open(Scope.currentUser());
    }

    /** @return the same stores seen by another identity (for the rights checks) */
    StoreFixture as(Identity identity) throws Exception {
        return new StoreFixture(roots, identity);
    }

    private StoreFixture(StoreRoots roots, Identity identity) throws Exception {
        this.roots = roots;
        this.stores = CertificateStores.create(roots, identity, List.of(CertificateStores.fileStoreProvider()));
        this.user = stores.open(Scope.currentUser());
    }

    /**
     * Root in Trusted Root, intermediate in Intermediate CAs, leaf with its exportable key in Personal.
     *
     * @return the leaf's entry
     */
    CertificateEntry chain(KeyAlgorithm algorithm, String name) throws Exception {
        DemoChain chain = factory.createDemoChain(name, algorithm);
        CertificateEntry leaf = factory.install(user, chain);
        return user.setFriendlyName(leaf, name);
    }

    /** @return a self-signed certificate with its key in Personal */
    CertificateEntry selfSigned(KeyAlgorithm algorithm, String name, boolean exportable) throws Exception {
        CertificateRequest request = CertificateRequest.of("CN=" + name + ",O=Cairn Test").withAlgorithm(algorithm)
                .withAttributes(new EntryAttributes(name, "", exportable, Map.of()));
        return factory.createSelfSignedIn(user, LogicalStore.PERSONAL, request);
    }

    /** @return the entry as the store holds it now */
    CertificateEntry reload(CertificateEntry entry) throws Exception {
        return user.find(entry.logicalStore(), entry.thumbprint()).orElseThrow();
    }

    /** @return the service with fixed test settings and the real verifier, writing directly */
    DefaultCertificateExportService service() {
        return service(new ReadBackVerifier(),
                FileOutput.DIRECT);
    }

    /** @return the service with seams */
    DefaultCertificateExportService service(ExportVerifier verifier, FileOutput output) {
        return service(verifier, output, new SecureRandom());
    }

    /** @return the service with seams, salts and IVs from {@code random} */
    DefaultCertificateExportService service(ExportVerifier verifier, FileOutput output, SecureRandom random) {
        return new DefaultCertificateExportService(stores, () -> SETTINGS, verifier, output, ExportLog.NONE, random);
    }
}
