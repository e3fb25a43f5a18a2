package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.StoreProvider;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The bundle's services as the console and the command line get them: from the OSGi registry (Felix SCR). */
class DeclarativeServicesTest {

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext context = FrameworkUtil.getBundle(DeclarativeServicesTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(10_000);
            assertNotNull(service, type.getSimpleName() + " is not registered: is Felix SCR started?");
            return service;
        } finally {
            tracker.close();
        }
    }

    @Test
    void storeServiceMergesTheFileStoreAndTheTrustBundleProviders() throws Exception {
        CertificateStoreService stores = service(CertificateStoreService.class);
        Path expected = Path.of(System.getProperty("cairn.store.root")).resolve("user");
        assertEquals(expected, stores.roots().root(Scope.currentUser()),
                "tests must run on the store root given by -Dcairn.store.root");

        BundleContext context = FrameworkUtil.getBundle(DeclarativeServicesTest.class).getBundleContext();
        List<String> providers = context.getServiceReferences(StoreProvider.class, null).stream()
                .map(reference -> context.getService(reference).id()).sorted().toList();
        assertEquals(List.of("file", "os-trust-bundle"), providers);
    }

    @Test
    void certificateCreatedThroughServicesIsListedInPersonal() throws Exception {
        CertificateStoreService stores = service(CertificateStoreService.class);
        CertificateFactoryService factory = service(CertificateFactoryService.class);
        CertificateStore store = stores.open(Scope.currentUser());

        var entry = factory.createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=Declarative Services Test"));

        assertTrue(store.list(LogicalStore.PERSONAL).find(entry.thumbprint()).isPresent());
        assertTrue(store.find(LogicalStore.PERSONAL, entry.thumbprint()).orElseThrow().hasPrivateKey());
    }
}
