package org.cairn.certificates.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.internal.BcCertificateFactory;
import org.cairn.certificates.core.internal.DefaultCertificateStoreService;
import org.cairn.certificates.core.internal.FileStoreProvider;
import org.cairn.certificates.core.internal.TrustBundleProvider;
import org.cairn.certificates.core.spi.StoreProvider;

/**
 * Plain-Java assembly of the services, for tests and the command line (in OSGi, use the DS services instead).
 * Every call makes new instances; nothing is shared between them.
 */
public final class CertificateStores {

    private CertificateStores() {
    }

    /**
     * @param roots     where the scopes live (for tests: {@link StoreRoots#under(Path)} of a temporary directory)
     * @param identity  whose rights to check (for tests: any uid and name)
     * @param providers the physical store providers, for example {@link #fileStoreProvider()} and
     *                  {@link #trustBundleProvider(Path)}
     * @return the service
     */
    public static CertificateStoreService create(StoreRoots roots, Identity identity, List<StoreProvider> providers) {
        return new DefaultCertificateStoreService(roots, identity, providers);
    }

    /**
     * @param roots    where the scopes live
     * @param identity whose rights to check
     * @return the service with the file store and the system's trust bundle (when the system has one)
     */
    public static CertificateStoreService createDefault(StoreRoots roots, Identity identity) {
        return create(roots, identity, List.of(fileStoreProvider(), new TrustBundleProvider(systemTrustBundle())));
    }

    /** @return the service for this process: roots from the environment, identity from the operating system */
    public static CertificateStoreService createDefault() {
        return createDefault(StoreRoots.fromEnvironment(), Identity.current());
    }

    /** @return a new provider of the writable file store ({@code .Default}) of every scope */
    public static StoreProvider fileStoreProvider() {
        return new FileStoreProvider();
    }

    /**
     * @param bundle a PEM file of CA certificates
     * @return a new provider showing it read-only ({@code .SystemTrustBundle}) under the computer's Trusted Root
     *         Certification Authorities
     */
    public static StoreProvider trustBundleProvider(Path bundle) {
        return new TrustBundleProvider(Optional.of(bundle));
    }

    /** @return the operating system's trust bundle, if one of the usual locations has it */
    public static Optional<Path> systemTrustBundle() {
        return TrustBundleProvider.detect();
    }

    /** @return a new certificate factory */
    public static CertificateFactoryService certificateFactory() {
        return new BcCertificateFactory();
    }
}
