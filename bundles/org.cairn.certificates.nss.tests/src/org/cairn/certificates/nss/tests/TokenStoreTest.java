package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.nss.internal.TokenStoreProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SoftHSM2 token (initialised by softhsm2-util in the test JVM's own SOFTHSM2_CONF, the key and certificate
 * stored through SunPKCS11 in a child JVM) seen through p11-kit as a physical store of Personal.
 */
class TokenStoreTest {

    private static final String LABEL = "cairn-test";
    private static final String PIN = "5678";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void token() throws Exception {
        Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
        assertTrue(conf.toString().contains("target"), "the test JVM has a SoftHSM configuration of its own: " + conf);
        Path tokens = Files.createDirectories(conf.resolveSibling("softhsm-tokens"));
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        NssFixture.run(tmp, Map.of(), "softhsm2-util", "--init-token", "--free", "--label", LABEL, "--so-pin", "1234",
                "--pin", PIN);
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "t.key", "-out", "t.crt", "-subj", "/CN=Token User", "-days", "30");
        NssFixture.run(tmp, Map.of(), "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "t.key", "-outform", "DER", "-out", "t.p8");
        Path helper = tmp.resolve("OnToken.java");
        Files.writeString(helper, ON_TOKEN);
        NssFixture.run(tmp, Map.of(), Path.of(System.getProperty("java.home"), "bin", "java").toString(), helper.toString(),
                "/usr/lib/softhsm/libsofthsm2.so", "t.p8", "t.crt", "token-user", PIN);
    }

    @Test
    void aTokenCertificateIsInPersonalWithAKeyThatCannotBeExported() throws Exception {
        CertificateStore store = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), new TokenStoreProvider())).open(new Scope.CurrentUser());
        List<CertificateStore.PhysicalStoreInfo> personal = store.physicalStores(LogicalStore.PERSONAL);
        assertTrue(personal.stream().anyMatch(p -> p.name().equals("Token: " + LABEL)), personal::toString);
        CertificateEntry entry = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals("Token User")).findFirst().orElseThrow();
        assertEquals(List.of("Token: " + LABEL), entry.physicalStores());
        assertTrue(entry.hasPrivateKey(), "a certificate with a CKA_ID on a token that needs a PIN");
        assertFalse(entry.exportable());
        AccessDenial why = store.whyKeyNotExportable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, why.reason());
        assertEquals("The private key is on the smart card or token " + LABEL
                + " and cannot leave it. Export the certificate without the private key.", why.message());
        assertTrue(store.physicalStores(LogicalStore.TRUSTED_ROOT).stream().noneMatch(p -> p.name().startsWith("Token:")));
    }

    /** Stores a key (sensitive, not extractable, as a smart card keeps it) and its certificate on the token. */
    private static final String ON_TOKEN = """
            import java.nio.file.*;
            import java.security.*;
            import java.security.cert.*;
            import java.security.spec.*;
            public class OnToken {
                public static void main(String[] a) throws Exception {
                    Path cfg = Files.createTempFile("softhsm", ".cfg");
                    Files.writeString(cfg, "name = CairnToken\\nlibrary = " + a[0] + "\\nslotListIndex = 0\\n"
                        + "attributes(import, CKO_PRIVATE_KEY, *) = {\\n CKA_SENSITIVE = true\\n CKA_EXTRACTABLE = false\\n}\\n");
                    Provider p = Security.getProvider("SunPKCS11").configure(cfg.toString());
                    Files.delete(cfg);
                    KeyStore ks = KeyStore.getInstance("PKCS11", p);
                    ks.load(null, a[4].toCharArray());
                    X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(Files.newInputStream(Path.of(a[2])));
                    PrivateKey key = KeyFactory.getInstance("EC")
                        .generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(Path.of(a[1]))));
                    ks.setKeyEntry(a[3], key, null, new java.security.cert.Certificate[] {cert});
                }
            }
            """;
}
