package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import javax.security.auth.x500.X500Principal;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Export formats contributed by another bundle as DS services ({@link CertificateFileFormat}): they come and go
 * at run time, are written through the same safe path and verified with their own reader, and never get a key.
 */
class ContributedFormatTest {

    /** A plausible third-party format: PEM blocks, each after a "subject=" line, as `openssl -showcerts` prints. */
    static final class PemWithSubjects implements CertificateFileFormat {
        static final ExportFormat FORMAT = ExportFormat.certificatesOnly("org.cairn.test.pem-with-subjects",
                "Base-64 with subject lines", "crt", true);
        private final boolean reverseOnRead;

        PemWithSubjects(boolean reverseOnRead) {
            this.reverseOnRead = reverseOnRead;
        }

        @Override
        public ExportFormat format() {
            return FORMAT;
        }

        @Override
        public byte[] write(List<X509Certificate> certificates) throws GeneralSecurityException {
            StringBuilder text = new StringBuilder();
            for (X509Certificate c : certificates) {
                text.append("subject=").append(c.getSubjectX500Principal().getName(X500Principal.RFC2253)).append('\n')
                        .append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            return text.toString().getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public List<X509Certificate> read(byte[] content) throws GeneralSecurityException {
            List<X509Certificate> found = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))) {
                found.add((X509Certificate) c);
            }
            if (reverseOnRead) {
                Collections.reverse(found); // a faulty format: the service must notice
            }
            return found;
        }
    }

    @TempDir
    Path dir;

    private final BundleContext context = FrameworkUtil.getBundle(ContributedFormatTest.class).getBundleContext();
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private ServiceTracker<CertificateExportService, CertificateExportService> exports;
    private ServiceTracker<CertificateStoreService, CertificateStoreService> stores;

    @BeforeEach
    void services() {
        exports = new ServiceTracker<>(context, CertificateExportService.class, null);
        stores = new ServiceTracker<>(context, CertificateStoreService.class, null);
        exports.open();
        stores.open();
    }

    @AfterEach
    void close() {
        registrations.forEach(ServiceRegistration::unregister);
        exports.close();
        stores.close();
    }

    private CertificateExportService exporter() throws InterruptedException {
        CertificateExportService service = exports.waitForService(10_000);
        assertNotNull(service, "CertificateExportService is not registered");
        return service;
    }

    private ServiceRegistration<CertificateFileFormat> register(CertificateFileFormat format) {
        ServiceRegistration<CertificateFileFormat> registration = context.registerService(CertificateFileFormat.class,
                format, null);
        registrations.add(registration);
        return registration;
    }

    private CertificateEntry leafWithChain(String name) throws Exception {
        CertificateStore user = stores.waitForService(10_000).open(Scope.currentUser());
        return CertificateStores.certificateFactory().install(user,
                CertificateStores.certificateFactory().createDemoChain(name, KeyAlgorithm.EC_P256));
    }

    @Test
    void aFormatComesWithItsServiceIsWrittenAndVerifiedAndGoesAwayWithIt() throws Exception {
        CertificateExportService service = exporter();
        assertEquals(ExportFormat.builtIn(), service.formats());
        ServiceRegistration<CertificateFileFormat> registration = register(new PemWithSubjects(false));

        assertEquals(List.of(ExportFormat.DER, ExportFormat.BASE64, ExportFormat.PKCS7, ExportFormat.PKCS12,
                PemWithSubjects.FORMAT), service.formats());
        CertificateEntry leaf = leafWithChain("Contributed");
        Path file = dir.resolve("chain.crt");
        ExportResult result = service.export(ExportRequest.builder(ExportSource.of(leaf), PemWithSubjects.FORMAT, file)
                .includeChain(true).build());

        assertEquals(PemWithSubjects.FORMAT, result.format());
        assertFalse(result.keyWritten());
        assertEquals(3, result.certificates().size());
        assertTrue(result.verifiedBy().get(0).startsWith("Base-64 with subject lines reader"), result.verifiedBy().toString());
        String text = Files.readString(file);
        assertTrue(text.startsWith("subject=CN=Contributed,O=Cairn Demo\n-----BEGIN CERTIFICATE-----\n"), text);
        assertEquals(3, text.lines().filter(line -> line.startsWith("subject=")).count());
        ExternalTools.Run openssl = ExternalTools.openssl(List.of("x509", "-in", file.toString(), "-noout", "-subject"), null);
        assertEquals(0, openssl.exitCode(), openssl.output());
        assertTrue(openssl.output().contains("CN=Contributed") || openssl.output().contains("CN = Contributed"),
                openssl.output());

        registration.unregister();
        registrations.remove(registration);
        assertEquals(ExportFormat.builtIn(), service.formats());
        Path later = dir.resolve("later.crt");
        ExportException gone = assertThrows(ExportException.class, () -> service.export(ExportRequest.builder(
                ExportSource.of(leaf), PemWithSubjects.FORMAT, later).build()));
        assertEquals(Reason.INVALID_REQUEST, gone.reason());
        assertTrue(gone.getMessage().contains("is not installed"), gone.getMessage());
        assertFalse(Files.exists(later));
    }

    @Test
    void aFileItsOwnReaderDoesNotReadBackAsIntendedIsNotLeftBehind() throws Exception {
        CertificateExportService service = exporter();
        register(new PemWithSubjects(true));
        CertificateEntry leaf = leafWithChain("Faulty format");
        Path file = dir.resolve("faulty.crt");

        ExportException e = assertThrows(ExportException.class, () -> service.export(ExportRequest.builder(
                ExportSource.of(leaf), PemWithSubjects.FORMAT, file).includeChain(true).build()));

        assertEquals(Reason.VERIFICATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains("path order"), e.getMessage());
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void aContributedFormatNeverReceivesTheKey() throws Exception {
        CertificateExportService service = exporter();
        register(new PemWithSubjects(false));
        CertificateEntry leaf = leafWithChain("No key for others");

        ExportException e = assertThrows(ExportException.class, () -> service.export(ExportRequest.builder(
                ExportSource.of(leaf), PemWithSubjects.FORMAT, dir.resolve("key.crt")).includePrivateKey(true)
                .password("secret".toCharArray()).build()));

        assertEquals(Reason.INVALID_REQUEST, e.reason());
        assertFalse(PemWithSubjects.FORMAT.canHoldPrivateKey());
    }

    @Test
    void aSecondFormatWithTheSameIdWaitsUntilTheFirstGoes() throws Exception {
        CertificateExportService service = exporter();
        ServiceRegistration<CertificateFileFormat> first = register(new PemWithSubjects(false));
        register(new PemWithSubjects(true));
        CertificateEntry leaf = leafWithChain("Same id");

        assertEquals(5, service.formats().size());
        service.export(ExportRequest.builder(ExportSource.of(leaf), PemWithSubjects.FORMAT, dir.resolve("first.crt"))
                .includeChain(true).build());

        first.unregister();
        registrations.remove(first);
        assertEquals(5, service.formats().size());
        ExportException e = assertThrows(ExportException.class, () -> service.export(ExportRequest.builder(
                ExportSource.of(leaf), PemWithSubjects.FORMAT, dir.resolve("second.crt")).includeChain(true).build()));
        assertEquals(Reason.VERIFICATION_FAILED, e.reason());
    }

    @Test
    void formatIdsAreCheckedAndTheBuiltInOnesAreReserved() {
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.certificatesOnly("pkcs12", "Mine", "pfx", true));
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.certificatesOnly("has space", "Mine", "crt", true));
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.certificatesOnly("ok.id", "Mine", ".crt", true));
        assertThrows(IllegalArgumentException.class, () -> ExportFormat.certificatesOnly("ok.id", " ", "crt", true));
        assertEquals(ExportFormat.certificatesOnly("ok.id", "Mine", "crt", false),
                ExportFormat.certificatesOnly("ok.id", "Other name", "txt", true));
        assertTrue(ExportFormat.PKCS12.isBuiltIn());
        assertFalse(PemWithSubjects.FORMAT.isBuiltIn());
    }
}
