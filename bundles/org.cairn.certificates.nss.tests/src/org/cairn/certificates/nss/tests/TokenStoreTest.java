package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.nss.internal.TokenStoreProvider;
import org.cairn.testing.pkcs11.SoftHsm;
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
        tokens = SoftHsm.fresh("softhsm-tokens", tmp);
        tokens.initToken(LABEL, PIN);
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "t.key", "-out", "t.crt", "-subj", "/CN=Token User", "-days", "30");
        NssFixture.run(tmp, Map.of(), "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "t.key", "-outform", "DER", "-out", "t.p8");
        tokens.storeUnextractable(tmp.resolve("t.p8"), tmp.resolve("t.crt"), "token-user", PIN);
        // tokens with a PIN, filled by GnuTLS's p11tool: an RSA key (sensitive, as p11tool writes keys) with CKA_ID 01
        // and a private certificate of it with CKA_ID 02, so that only the login shows it, matched by its public key
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "p.key",
                "-out", "p.crt", "-subj", "/CN=PIN User", "-days", "30");
        for (String label : List.of(PIN_TOKEN, WRONG_TOKEN, WRITE_TOKEN)) {
            tokens.initToken(label, PIN);
            if (!label.equals(WRITE_TOKEN)) {
                p11tool(label, "--login", "--write", "--load-privkey", "p.key", "--label", "pin-user-key", "--id", "01");
                p11tool(label, "--login", "--write", "--load-certificate", "p.crt", "--label", "pin-user", "--id", "02",
                        "--mark-private");
            }
        }
        // a key and certificate to import onto a token, as the Import wizard hands them over from a PFX
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "i.key",
                "-out", "i.crt", "-subj", "/CN=Imported Token User", "-days", "30");
        NssFixture.run(tmp, Map.of(), "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "i.key", "-outform", "DER", "-out", "i.p8");
    }

    private static final String PIN_TOKEN = "cairn-pin";
    private static final String WRONG_TOKEN = "cairn-wrong-pin";
    private static final String WRITE_TOKEN = "cairn-write";
    private static final String SOFTHSM = SoftHsm.MODULE;
    private static SoftHsm tokens;

    /** p11tool (GnuTLS), the independent reader and writer of the tokens, with the PIN in its environment. */
    private static String p11tool(String token, String... arguments) throws Exception {
        return tokens.p11tool(token, PIN, arguments);
    }

    /** @return every object on the token, as p11tool lists them after login ("" when there is none: its exit code 2) */
    private static String listed(String token) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("p11tool", "--provider", SOFTHSM, "--login", "--list-all",
                "pkcs11:token=" + token).redirectErrorStream(true);
        builder.environment().put("GNUTLS_PIN", PIN);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        if (process.exitValue() != 0 && out.contains("No matching objects found")) {
            return "";
        }
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private static CertificateStoreService service() throws Exception {
        return CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), new TokenStoreProvider()));
    }

    private static CertificateStore open() throws Exception {
        return service().open(new Scope.CurrentUser());
    }

    private static String location(CertificateStore store, String token) throws Exception {
        return store.physicalStores(LogicalStore.PERSONAL).stream().filter(p -> p.name().equals("Token: " + token))
                .findFirst().orElseThrow().location();
    }

    private static Optional<CertificateEntry> on(CertificateStore store, String token, String issuedTo) throws Exception {
        return store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals(issuedTo) && e.physicalStores().contains("Token: " + token)).findFirst();
    }

    @Test
    void aTokenWithAPinIsLockedUntilItIsGivenThenShowsItsPrivateCertificateWithItsKey() throws Exception {
        CertificateStore store = open();
        String location = location(store, PIN_TOKEN);
        assertTrue(location.startsWith("pkcs11:token=" + PIN_TOKEN + ";serial="), location);
        assertTrue(store.lockedStores().stream().anyMatch(l -> l.location().equals(location)), store.lockedStores()::toString);
        assertTrue(on(store, PIN_TOKEN, "PIN User").isEmpty(), "a private certificate is hidden until the PIN is given");
        var problems = store.list(LogicalStore.PERSONAL).problems();
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("The token " + PIN_TOKEN + " is protected by a PIN")),
                problems::toString);

        char[] pin = PIN.toCharArray();
        assertTrue(store.unlock(location, pin));
        assertTrue(store.lockedStores().stream().noneMatch(l -> l.location().equals(location)));
        CertificateEntry entry = on(store, PIN_TOKEN, "PIN User").orElseThrow();
        assertTrue(entry.hasPrivateKey(), "the key (CKA_ID 01) matches the certificate (CKA_ID 02) by its public key");
        // the key is on the token, sensitive: not exportable, with the reason, even after the login (issue 13)
        assertFalse(entry.exportable());
        AccessDenial why = store.whyKeyNotExportable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, why.reason());
        assertTrue(why.message().startsWith("The private key is on the smart card or token " + PIN_TOKEN), why.message());
        // the export service agrees: with the key refused with that reason, the certificate alone
        var export = CertificateExportServices.create(service());
        ExportException refused = assertThrows(ExportException.class, () -> export.export(ExportRequest.builder(
                ExportSource.of(entry), ExportFormat.PKCS12, tmp.resolve("pin-user.pfx")).includePrivateKey(true)
                .password("Backup 1".toCharArray()).build()));
        assertTrue(refused.getMessage().contains("cannot leave it"), refused.getMessage());
        assertFalse(Files.exists(tmp.resolve("pin-user.pfx")));
        export.export(ExportRequest.builder(ExportSource.of(entry), ExportFormat.DER, tmp.resolve("pin-user.cer")).build());
        assertArrayEquals(certificate("p.crt").getEncoded(), Files.readAllBytes(tmp.resolve("pin-user.cer")));
        // the login holds for the process: a store opened again sees the token unlocked
        assertTrue(on(open(), PIN_TOKEN, "PIN User").orElseThrow().hasPrivateKey());
    }

    @Test
    void aWrongPinIsRefusedOnceAndChangesNothing() throws Exception {
        CertificateStore store = open();
        String location = location(store, WRONG_TOKEN);
        String refusal;
        try {
            assertFalse(store.unlock(location, "0000".toCharArray()));
            refusal = "";
        } catch (CertificateStoreException e) {
            refusal = e.getMessage();
            // SoftHSM flags CKF_USER_PIN_COUNT_LOW after a wrong PIN
            assertEquals("The PIN is not correct for the token " + WRONG_TOKEN + ". The token says that few tries remain "
                    + "before it locks its PIN. Nothing was changed; Cairn does not try a PIN again by itself.", refusal);
        }
        assertTrue(store.lockedStores().stream().anyMatch(l -> l.location().equals(location)), refusal);
        assertTrue(on(store, WRONG_TOKEN, "PIN User").isEmpty());
        CertificateStoreException refused = assertThrows(CertificateStoreException.class, () -> store.add(
                LogicalStore.PERSONAL, "Token: " + WRONG_TOKEN, certificate("i.crt"), Optional.empty(),
                EntryAttributes.defaults()));
        assertEquals(AccessDenial.Reason.NO_ACCESS, refused.denial().orElseThrow().reason());
        // the token itself is not locked: the right PIN still logs in (p11tool, another process)
        assertTrue(p11tool(WRONG_TOKEN, "--login", "--list-all").contains("pin-user"));
    }

    @Test
    void aCertificateAndKeyImportedOntoTheTokenAndDeletedAgainAreSeenByP11tool() throws Exception {
        CertificateStore store = open();
        String location = location(store, WRITE_TOKEN);
        assertTrue(store.unlock(location, PIN.toCharArray()));
        X509Certificate certificate = certificate("i.crt");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(tmp.resolve("i.p8"))));
        CertificateEntry added = store.add(LogicalStore.PERSONAL, "Token: " + WRITE_TOKEN, certificate, Optional.of(key),
                EntryAttributes.defaults().withFriendlyName("imported-user").withExportable(true));
        assertTrue(added.hasPrivateKey());
        assertFalse(added.exportable(), "a key on a token never leaves it, whatever the import asked");

        String listed = listed(WRITE_TOKEN);
        assertTrue(listed.contains("object=imported-user;type=cert"), listed);
        assertTrue(listed.contains("object=imported-user;type=private"), listed);
        String keyFlags = listed.substring(listed.indexOf("type=private"));
        keyFlags = keyFlags.substring(keyFlags.indexOf("Flags:"), keyFlags.indexOf('\n', keyFlags.indexOf("Flags:")));
        assertTrue(keyFlags.contains("CKA_PRIVATE") && keyFlags.contains("CKA_SENSITIVE"), keyFlags);
        assertFalse(keyFlags.contains("CKA_EXTRACTABLE"), keyFlags);
        // the certificate is public: seen without the PIN
        assertTrue(NssFixture.run(tmp, Map.of(), "p11tool", "--provider", SOFTHSM, "--list-all",
                "pkcs11:token=" + WRITE_TOKEN).contains("object=imported-user;type=cert"));

        // the key cannot be read, so the core does not offer to delete it alone (that is the export's "delete the key"
        store.delete(added);
        listed = listed(WRITE_TOKEN);
        assertFalse(listed.contains("imported-user"), "the certificate and its key are gone: " + listed);
        assertTrue(on(store, WRITE_TOKEN, "Imported Token User").isEmpty());
    }

    @Test
    void deletingACertificateOnTheTokenKeepsAKeyThatAnotherCertificateHas() throws Exception {
        CertificateStore store = open();
        assertTrue(store.unlock(location(store, WRITE_TOKEN), PIN.toCharArray()));
        // the same key with a second (renewed) certificate, written by p11tool with the key's CKA_ID
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-new", "-x509", "-key", "i.key", "-out", "renewed.crt", "-subj",
                "/CN=Renewed Token User", "-days", "60");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(tmp.resolve("i.p8"))));
        CertificateEntry first = store.add(LogicalStore.PERSONAL, "Token: " + WRITE_TOKEN, certificate("i.crt"),
                Optional.of(key), EntryAttributes.defaults().withFriendlyName("first"));
        CertificateEntry renewed = store.add(LogicalStore.PERSONAL, "Token: " + WRITE_TOKEN, certificate("renewed.crt"),
                Optional.empty(), EntryAttributes.defaults().withFriendlyName("renewed"));
        assertTrue(renewed.hasPrivateKey(), "a certificate added without its key has the key already on the token");

        store.delete(first);
        String listed = listed(WRITE_TOKEN);
        assertFalse(listed.contains("object=first;type=cert"), listed);
        assertTrue(listed.contains("object=first;type=private"), "the renewed certificate still has it: " + listed);
        assertTrue(on(store, WRITE_TOKEN, "Renewed Token User").orElseThrow().hasPrivateKey());
        store.delete(on(store, WRITE_TOKEN, "Renewed Token User").orElseThrow());
        assertFalse(listed(WRITE_TOKEN).contains("type=private"));
    }

    @Test
    void anEcKeyGoesOntoTheTokenWithItsCurve() throws Exception {
        CertificateStore store = open();
        assertTrue(store.unlock(location(store, WRITE_TOKEN), PIN.toCharArray()));
        NssFixture.run(tmp, Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                "-nodes", "-keyout", "e.key", "-out", "e.crt", "-subj", "/CN=EC Token User", "-days", "30");
        NssFixture.run(tmp, Map.of(), "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "e.key", "-outform", "DER", "-out", "e.p8");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(tmp.resolve("e.p8"))));
        CertificateEntry added = store.add(LogicalStore.PERSONAL, "Token: " + WRITE_TOKEN, certificate("e.crt"),
                Optional.of(key), EntryAttributes.defaults().withFriendlyName("ec-user"));
        assertTrue(added.hasPrivateKey(), "the certificate and the key share the CKA_ID Cairn gives them");
        String listed = listed(WRITE_TOKEN);
        assertTrue(listed.contains("object=ec-user;type=private"), listed);
        String key2 = listed.substring(listed.indexOf("object=ec-user;type=private"));
        assertTrue(key2.contains("Type: Private key (EC"), key2);
        store.delete(added);
        assertFalse(listed(WRITE_TOKEN).contains("ec-user"));
    }

    private static X509Certificate certificate(String file) throws Exception {
        try (var in = Files.newInputStream(tmp.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
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
}
