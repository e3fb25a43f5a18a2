package org.cairn.certificates.core.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.core.spi.StoreProvider;

/** Shared helpers: services over a temporary root, identities, certificates. */
final class Fixtures {

    private Fixtures() {
    }

    /** The identity of the process running the tests (root in CI): owns every file the tests create. */
    static Identity owner() {
        return Identity.current();
    }

    /** An ordinary account that owns nothing here: never root, never the process's uid. */
    static Identity stranger() {
        return new Identity(owner().uid() + 4242, "stranger");
    }

    static CertificateStoreService service(Path base, Identity identity, StoreProvider... extra) {
        List<StoreProvider> providers = new ArrayList<>();
        providers.add(CertificateStores.fileStoreProvider());
        providers.addAll(List.of(extra));
        return CertificateStores.create(StoreRoots.under(base), identity, providers);
    }

    static CertificateFactoryService factory() {
        return CertificateStores.certificateFactory();
    }

    static GeneratedCertificate selfSigned(String cn) throws CertificateStoreException {
        return factory().createSelfSigned(CertificateRequest.of("CN=" + cn + ",O=Cairn Tests"));
    }

    static CertificateEntry addWithKey(CertificateStore store, LogicalStore target, GeneratedCertificate g)
            throws CertificateStoreException {
        return store.add(target, g.certificate(), Optional.of(g.privateKey()), g.attributes());
    }
}
