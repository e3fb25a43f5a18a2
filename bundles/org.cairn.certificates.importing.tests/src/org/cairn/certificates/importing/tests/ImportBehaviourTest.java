package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.core.spi.StoreProvider;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.StoreChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options, placement, refusals and the all-or-nothing rule, on real stores and real files. */
class ImportBehaviourTest {

    @TempDir
    Path tmp;

    private CertificateStoreService stores;
    private CertificateImportService service;

    private void setUp(Identity identity, StoreProvider provider) {
        stores = CertificateStores.create(StoreRoots.under(Corpus.freshRoot("behaviour")), identity, List.of(provider));
        service = CertificateImportServices.create(stores);
    }

    private void setUp() {
        setUp(Identity.current(), CertificateStores.fileStoreProvider());
    }

    private List<CertificateEntry> all() throws Exception {
        return stores.open(Scope.currentUser()).listAll().entries();
    }

    private ImportException refused(Path file, String password) {
        return assertThrows(ImportException.class,
                () -> service.importFile(ImportRequest.of(file, password.toCharArray(), Scope.currentUser())));
    }

    @Test
    void wrongPasswordSaysThePasswordIsIncorrect() throws Exception {
        setUp();
        ImportException e = refused(Corpus.dir().resolve("rustcrypto_example2.pfx"), "4321");
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertEquals("The password is incorrect.", e.getMessage());
        assertTrue(all().isEmpty());
    }

    @Test
    void noPasswordOnAProtectedFileSaysThePasswordIsIncorrect() throws Exception {
        setUp();
        ImportException e = refused(Corpus.dir().resolve("gnutls_client.p12"), "");
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
        assertTrue(e.getMessage().startsWith("The password is incorrect"), e.getMessage());
    }

    @Test
    void noPasswordOpensFilesWithTheEmptyAndWithTheAbsentPassword() throws Exception {
        setUp();
        for (String file : List.of("rustcrypto_example.pfx", "gnutls_test-null.p12", "keyfile-corpus_rsa2048_rc2-40_3des_emptypw.p12",
                "pyca_no-password.p12")) {
            FileContents contents = service.read(Corpus.dir().resolve(file), new char[0]);
            assertEquals(1, contents.entries().size(), file);
            assertTrue(contents.entries().get(0).hasPrivateKey(), file);
        }
    }

    @Test
    void damagedIntegrityCheckIsNotReportedAsAWrongPassword() throws Exception {
        setUp();
        ImportException e = refused(Corpus.dir().resolve("derived_wrong-mac_rustcrypto_example3.pfx"), "1234");
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("damaged or was altered"), e.getMessage());
    }

    @Test
    void truncatedFileIsCorrupt() throws Exception {
        setUp();
        ImportException e = refused(Corpus.dir().resolve("derived_truncated_pyca_cert-key-aes256cbc.p12"), "cryptography");
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void unsupportedAlgorithmIsNamed() throws Exception {
        setUp();
        ImportException e = refused(Corpus.dir().resolve("gnutls_gost12.p12"), "Пароль для PFX");
        assertEquals(Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("GOST R 34.11-2012"), e.getMessage());
        assertTrue(all().isEmpty());
    }

    @Test
    void fileOfAnotherKindIsTheWrongFormat() throws Exception {
        setUp();
        Path text = Files.writeString(tmp.resolve("notes.pfx"), "Remember to renew the certificate.\n");
        assertEquals(Reason.WRONG_FORMAT, refused(text, "").reason());
        Path binary = Files.write(tmp.resolve("image.cer"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        assertEquals(Reason.WRONG_FORMAT, refused(binary, "").reason());
        Path missing = tmp.resolve("missing.pfx");
        assertEquals(Reason.UNREADABLE, refused(missing, "").reason());
    }

    @Test
    void keyIsNotExportableUnlessChosen() throws Exception {
        setUp();
        Path file = Corpus.dir().resolve("rustcrypto_example2.pfx");
        ImportResult result = service.importFile(ImportRequest.of(file, "1234".toCharArray(), Scope.currentUser()));
        CertificateStore store = stores.open(Scope.currentUser());
        CertificateEntry entry = store.find(LogicalStore.PERSONAL, result.certificates().get(0).thumbprint()).orElseThrow();
        assertTrue(entry.hasPrivateKey());
        assertFalse(entry.exportable());
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, store.whyKeyNotExportable(entry).orElseThrow().reason());
    }

    @Test
    void automaticPlacementPutsEachCertificateWhereWindowsWould() throws Exception {
        setUp();
        DemoChain chain = CertificateStores.certificateFactory().createDemoChain("Placement", KeyAlgorithm.EC_P256);
        Path pem = tmp.resolve("chain.pem");
        Files.writeString(pem, pem(chain.leaf().certificate()) + pem(chain.intermediate().certificate())
                + pem(chain.root().certificate()) + pemKey(chain.leaf().privateKey().getEncoded()));
        ImportResult result = service.importFile(ImportRequest.of(pem, new char[0], Scope.currentUser()));
        assertEquals(FileFormat.PEM_BUNDLE, result.format());
        assertEquals(List.of(LogicalStore.PERSONAL, LogicalStore.INTERMEDIATE, LogicalStore.TRUSTED_ROOT),
                result.certificates().stream().map(c -> c.store()).toList());
        assertEquals(Optional.of("EC-P-256"), result.certificates().get(0).keyType());
    }

    @Test
    void chosenStoreTakesEveryCertificate() throws Exception {
        setUp();
        ImportResult result = service.importFile(ImportRequest.of(Corpus.dir().resolve("pyca_name-all-pwd.p12"),
                "password".toCharArray(), Scope.currentUser()).withStore(StoreChoice.chosen(LogicalStore.TRUSTED_PEOPLE)));
        assertEquals(3, result.certificates().size());
        assertEquals(3, stores.open(Scope.currentUser()).list(LogicalStore.TRUSTED_PEOPLE).entries().size());
        assertEquals(3, all().size());
    }

    @Test
    void aFullDiskInOneStoreImportsNothingInTheOthers() throws Exception {
        setUp(Identity.current(), new FullDiskProvider(LogicalStore.TRUSTED_ROOT));
        DemoChain chain = CertificateStores.certificateFactory().createDemoChain("Rollback", KeyAlgorithm.EC_P256);
        Path pem = tmp.resolve("chain.pem");
        Files.writeString(pem, pem(chain.leaf().certificate()) + pemKey(chain.leaf().privateKey().getEncoded())
                + pem(chain.intermediate().certificate()) + pem(chain.root().certificate()));
        ImportException e = refused(pem, "");
        assertEquals(Reason.STORE, e.reason());
        assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing was imported."), e.getMessage());
        assertTrue(all().isEmpty(), "nothing in Personal and Intermediate either: " + all());
    }

    @Test
    void storeTheIdentityMayNotChangeIsRefusedBeforeAnythingIsAdded() throws Exception {
        setUp(new Identity(Identity.current().uid() + 4242, "stranger"), CertificateStores.fileStoreProvider());
        ImportException e = assertThrows(ImportException.class, () -> service.importFile(ImportRequest.of(
                Corpus.dir().resolve("pyca_name-all-pwd.p12"), "password".toCharArray(), Scope.computer())));
        assertEquals(Reason.STORE, e.reason());
        assertTrue(e.getMessage().endsWith("Nothing was imported."), e.getMessage());
        assertTrue(stores.open(Scope.computer()).listAll().entries().isEmpty());
    }

    @Test
    void importingTwiceLeavesTheStoreAsItWas() throws Exception {
        setUp();
        ImportRequest request = ImportRequest.of(Corpus.dir().resolve("pyca_name-all-pwd.p12"), "password".toCharArray(),
                Scope.currentUser());
        assertEquals(3, service.importFile(request).added());
        ImportResult again = service.importFile(request);
        assertEquals(0, again.added());
        assertTrue(again.certificates().stream().allMatch(c -> c.alreadyPresent()));
        assertEquals(3, all().size());
    }

    @Test
    void extendedPropertiesAreReadOnlyWhenChosen() throws Exception {
        setUp();
        var g = CertificateStores.certificateFactory().createSelfSigned(
                org.cairn.certificates.core.CertificateRequest.of("CN=Extended,O=Cairn Tests"));
        char[] password = "s3cret".toCharArray();
        Path pfx = Files.write(tmp.resolve("extended.pfx"), PfxWriter.write(g.certificate(), g.privateKey(), "Web server 2026",
                "Renewed by ops; see ticket 42", Map.of("Owner", "ops team", "cairn.archived", "false"), password));

        ImportResult plain = service.importFile(ImportRequest.of(pfx, password, Scope.currentUser()));
        CertificateEntry entry = stores.open(Scope.currentUser()).find(LogicalStore.PERSONAL, plain.certificates().get(0).thumbprint()).orElseThrow();
        assertEquals("Web server 2026", entry.friendlyName());
        assertEquals("", entry.description());
        assertTrue(entry.properties().isEmpty());
        stores.open(Scope.currentUser()).delete(entry);

        service.importFile(ImportRequest.of(pfx, password, Scope.currentUser()).withExtendedProperties(true));
        entry = stores.open(Scope.currentUser()).find(LogicalStore.PERSONAL, entry.thumbprint()).orElseThrow();
        assertEquals("Web server 2026", entry.friendlyName());
        assertEquals("Renewed by ops; see ticket 42", entry.description());
        assertEquals(Map.of("Owner", "ops team", "cairn.archived", "false"), entry.properties());
    }

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    static String pemKey(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
    }
}
