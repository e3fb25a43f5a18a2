package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.ExportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.tracker.ServiceTracker;

/** The two ways to get the service: plain Java (tests, command line) and the DS component. */
class ServiceAssemblyTest {

    @TempDir
    Path dir;

    @Test
    void thePlainJavaFactoryExportsWithTheDefaultSettings() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.ED25519, "Plain Java", true);
        CertificateExportService service = CertificateExportServices.create(stores.stores);

        ExportResult result = service.export(ExportRequest.builder(ExportSource.of(stores.user.scope(),
                entry.logicalStore(), entry.thumbprint().toLowerCase()), ExportFormat.PKCS12, dir.resolve("x.pfx"))
                .includePrivateKey(true).password("plain".toCharArray()).build());

        assertEquals(ExportSettings.defaults(), service.settings());
        assertEquals(ExportSettings.DEFAULT_STRONG_ITERATIONS, result.protection().orElseThrow().keyIterations());
        assertTrue(result.keyWritten());
    }

    /** The service as the console and the command line get it: a DS component in the running framework. */
    @Test
    void theDeclarativeServicesComponentExportsFromTheStoreService() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ServiceAssemblyTest.class).getBundleContext();
        ServiceTracker<CertificateExportService, CertificateExportService> exports =
                new ServiceTracker<>(context, CertificateExportService.class, null);
        ServiceTracker<CertificateStoreService, CertificateStoreService> storeServices =
                new ServiceTracker<>(context, CertificateStoreService.class, null);
        exports.open();
        storeServices.open();
        try {
            CertificateExportService service = exports.waitForService(10_000);
            assertNotNull(service, () -> "CertificateExportService is not registered: " + componentState(context));
            CertificateStoreService stores = storeServices.waitForService(10_000);
            CertificateFactoryService factory = CertificateStores.certificateFactory();
            CertificateEntry entry = factory.createSelfSignedIn(stores.open(Scope.currentUser()), LogicalStore.PERSONAL,
                    CertificateRequest.of("CN=Exported through DS").withAlgorithm(KeyAlgorithm.EC_P256));

            ExportResult result = service.export(ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12,
                    dir.resolve("ds.pfx")).includePrivateKey(true).password("through DS".toCharArray()).build());

            assertTrue(result.keyWritten());
            assertEquals(List.of(entry.thumbprint()),
                    result.certificates().stream().map(certificate -> certificate.thumbprint()).toList());
        } finally {
            exports.close();
            storeServices.close();
        }
    }

    /** What SCR says about the export component: its state and the references it still waits for. */
    private static String componentState(BundleContext context) {
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        if (reference == null) {
            return "no Declarative Services runtime (Felix SCR) is running";
        }
        ServiceComponentRuntime scr = context.getService(reference);
        StringBuilder state = new StringBuilder();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            state.append("\n").append(description.name).append(": enabled=").append(scr.isComponentEnabled(description));
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                state.append(", state=").append(configuration.state);
                for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
                    state.append(", waiting for ").append(unsatisfied.name).append(" (").append(unsatisfied.target)
                            .append(')');
                }
                if (configuration.failure != null) {
                    state.append(", failure: ").append(configuration.failure);
                }
            }
        }
        return state.length() == 0 ? "the bundle declares no component" : state.toString();
    }
}
