package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.nss.internal.NssLocations;
import org.cairn.certificates.nss.internal.NssStoreProvider;
import org.cairn.testing.process.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backing up a browser's client certificate with its key: the key leaves NSS wrapped, the export service writes and
 * verifies the PKCS #12 file, and five independent readers (releng/pfx-readers) read it.
 */
class NssExportTest {

    private static final String PASSWORD_VARIABLE = "CAIRN_NSS_TEST_PASSWORD";
    private static final char[] PFX_PASSWORD = "Backup pässword 2".toCharArray();

    @TempDir
    static Path tmp;
    static NssFixture fixture;
    static CertificateStoreService stores;

    @BeforeAll
    static void databases() throws Exception {
        fixture = NssFixture.create(tmp.resolve("home"));
        stores = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), new NssStoreProvider(() -> new NssLocations(fixture.home).find())));
    }

    @Test
    void theKeyLeavesNssAsTheSameKey() throws Exception {
        CertificateStore store = stores.open(new Scope.CurrentUser());
        CertificateEntry client = client(store, "NSS: Chrome and system");
        PrivateKey key = store.exportablePrivateKey(client);
        assertTrue(key instanceof ECPrivateKey, key.getClass().getName());
        String pem = Files.readString(fixture.pki.resolve("client.key"), StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey original = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        assertEquals(((ECPrivateKey) original).getS(), ((ECPrivateKey) key).getS(), "the key openssl made, not another");
    }

    @Test
    void exportsTheBrowsersClientCertificateWithItsKeyForFiveReaders() throws Exception {
        CertificateStore store = stores.open(new Scope.CurrentUser());
        CertificateEntry client = client(store, "NSS: Chrome and system");
        Path file = tmp.resolve("chrome-client.pfx");
        ExportResult result = export(client, file);
        assertTrue(result.keyWritten());
        assertFalse(result.keyDeleted());
        assertEquals(1, result.certificates().size());
        assertReadersAgree(file);
        // the database still has its key
        assertTrue(client(store, "NSS: Chrome and system").hasPrivateKey());
        String keys = NssFixture.run(fixture.pki, Map.of(), "certutil", "-K", "-d", "sql:" + fixture.chrome);
        assertTrue(keys.contains(NssFixture.CLIENT), keys);
    }

    @Test
    void exportsFromADatabaseWithAPrimaryPasswordOnceItIsGiven() throws Exception {
        CertificateStore store = stores.open(new Scope.CurrentUser());
        String firefox = "sql:" + fixture.firefox;
        if (store.lockedStores().stream().anyMatch(s -> s.location().equals(firefox))) {
            assertTrue(store.unlock(firefox, NssFixture.PRIMARY_PASSWORD.toCharArray()));
        }
        CertificateEntry client = client(store, "Firefox: default-release");
        Path file = tmp.resolve("firefox-client.pfx");
        ExportResult result = export(client, file);
        assertTrue(result.keyWritten());
        assertReadersAgree(file);
        assertArrayEquals(store.exportablePrivateKey(client).getEncoded(), store.exportablePrivateKey(client).getEncoded());
    }

    @Test
    void aKeyNssMarksNotExtractableIsNotExportableAndSaysWhy() throws Exception {
        Path home = tmp.resolve("home-stuck");
        Path db = home.resolve(".pki/nssdb");
        Files.createDirectories(db);
        NssFixture.run(fixture.pki, Map.of(), "certutil", "-N", "-d", "sql:" + db, "--empty-password");
        NssFixture.run(fixture.pki, Map.of(), "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "client.key", "-outform", "DER",
                "-out", "client.p8");
        // SunPKCS11 (in a child JVM: NSS once per process) can store a key with CKA_EXTRACTABLE false; the NSS tools cannot
        Path helper = tmp.resolve("NonExtractable.java");
        Files.writeString(helper, NON_EXTRACTABLE_HELPER);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path nssLibraries = NSS_LIBRARY_DIRECTORIES.stream().filter(d -> Files.isRegularFile(d.resolve("libnss3.so")))
                .findFirst().orElseThrow(() -> new AssertionError("libnss3.so not found (apt-get install libnss3)"));
        NssFixture.run(fixture.pki, Map.of(), java, helper.toString(), db.toString(), "client.p8", "client.crt", "Stuck",
                nssLibraries.toString());
        String keys = NssFixture.run(fixture.pki, Map.of(), "certutil", "-K", "-d", "sql:" + db);
        assertTrue(keys.contains("Stuck"), keys);

        CertificateStore store = CertificateStores.create(StoreRoots.under(tmp.resolve("stores-stuck")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), new NssStoreProvider(() -> new NssLocations(home).find())))
                .open(new Scope.CurrentUser());
        CertificateEntry entry = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals(NssFixture.CLIENT)).findFirst().orElseThrow();
        assertTrue(entry.hasPrivateKey());
        assertFalse(entry.exportable());
        org.cairn.certificates.core.AccessDenial why = store.whyKeyNotExportable(entry).orElseThrow();
        assertEquals(org.cairn.certificates.core.AccessDenial.Reason.NOT_EXPORTABLE, why.reason());
        assertTrue(why.message().startsWith("NSS marks this private key as not extractable (NSS: Chrome and system)"),
                why.message());
        org.cairn.certificates.core.CertificateStoreException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.cairn.certificates.core.CertificateStoreException.class, () -> store.exportablePrivateKey(entry));
        assertEquals(why, refused.denial().orElseThrow());
    }

    private static final List<Path> NSS_LIBRARY_DIRECTORIES = List.of(Path.of("/usr/lib/x86_64-linux-gnu"),
            Path.of("/usr/lib/aarch64-linux-gnu"), Path.of("/usr/lib64"), Path.of("/usr/lib"));

    /** Stores a PKCS #8 key and its certificate in an NSS database through SunPKCS11, with CKA_EXTRACTABLE false. */
    private static final String NON_EXTRACTABLE_HELPER = """
            import java.nio.file.*;
            import java.security.*;
            import java.security.cert.*;
            import java.security.spec.*;
            public class NonExtractable {
                public static void main(String[] a) throws Exception {
                    Path cfg = Files.createTempFile("nss", ".cfg");
                    Files.writeString(cfg, "name = CairnTest\\nnssLibraryDirectory = " + a[4] + "\\nnssSecmodDirectory = sql:" + a[0]
                        + "\\nnssDbMode = readWrite\\nnssModule = keystore\\n"
                        + "attributes(import, CKO_PRIVATE_KEY, *) = {\\n CKA_SENSITIVE = true\\n CKA_EXTRACTABLE = false\\n}\\n");
                    Provider p = Security.getProvider("SunPKCS11").configure(cfg.toString());
                    Files.delete(cfg);
                    KeyStore ks = KeyStore.getInstance("PKCS11", p);
                    ks.load(null, new char[0]);
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(Files.newInputStream(Path.of(a[2])));
                    PrivateKey key = KeyFactory.getInstance(cert.getPublicKey().getAlgorithm())
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(a[1]))));
                    ks.setKeyEntry(a[3], key, null, new java.security.cert.Certificate[] {cert});
                }
            }
            """;

    private static CertificateEntry client(CertificateStore store, String physical) throws Exception {
        List<CertificateEntry> found = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals(NssFixture.CLIENT) && e.physicalStores().contains(physical)).toList();
        assertEquals(1, found.size(), found::toString);
        assertEquals(java.util.Optional.empty(), store.whyKeyNotExportable(found.get(0)));
        return found.get(0);
    }

    private static ExportResult export(CertificateEntry entry, Path file) throws Exception {
        ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file)
                .includePrivateKey(true).encryption(Pkcs12Encryption.AES256_SHA256).password(PFX_PASSWORD.clone()).build();
        return CertificateExportServices.create(stores).export(request);
    }

    private static void assertReadersAgree(Path file) throws Exception {
        Path readers = Repository.file("releng/pfx-readers");
        String readersList = "openssl,keytool,nss,gnutls,python";
        String out = run(List.of(readers.toString(), "--password-env", PASSWORD_VARIABLE, "--expect-certs", "1",
                "--expect-key", "ec", "--expect-friendly-name", NssFixture.CLIENT, "--require-modern",
                "--tools", readersList, "--require-tools", readersList, file.toString()));
        assertTrue(out.contains("pfx-readers: all required readers agree"), out);
    }

    private static String run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, new String(PFX_PASSWORD));
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
