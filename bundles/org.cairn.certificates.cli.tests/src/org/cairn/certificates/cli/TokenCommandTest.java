package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.nss.internal.NssLocations;
import org.cairn.certificates.nss.internal.NssStoreProvider;
import org.cairn.certificates.nss.internal.TokenStoreProvider;
import org.cairn.testing.pkcs11.SoftHsm;
import org.cairn.testing.process.Commands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn cert} with a token's PIN through {@code --db-password-env}: a SoftHSM2 token (in the test JVM's own
 * SOFTHSM2_CONF, filled by GnuTLS's p11tool) whose certificate is a private object, beside a Firefox profile with a
 * primary password. The login holds for the process, so the order matters: the PIN is given last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TokenCommandTest {

    private static final String PRIMARY = "Primary 1";
    private static final String PIN = "5678";
    private static final String TOKEN = "cairn-cli";

    @TempDir
    static Path tmp;
    static Cli cli;
    static SoftHsm tokens;

    @BeforeAll
    static void tokenAndProfile() throws Exception {
        tokens = SoftHsm.fresh("softhsm-tokens-cli", tmp);
        tokens.initToken(TOKEN, PIN);
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "t.key", "-out", "t.crt",
                "-subj", "/CN=CLI Token User", "-days", "30");
        tokens.p11tool(TOKEN, PIN, "--login", "--write", "--load-privkey", "t.key", "--label", "cli-key", "--id", "01");
        tokens.p11tool(TOKEN, PIN, "--login", "--write", "--load-certificate", "t.crt", "--label", "cli-user", "--id",
                "01", "--mark-private");

        Path home = tmp.resolve("home");
        Path profile = home.resolve(".mozilla/firefox/ab12.default-release");
        Files.createDirectories(profile);
        Files.writeString(home.resolve(".mozilla/firefox/profiles.ini"),
                "[Profile0]\nName=default-release\nIsRelative=1\nPath=ab12.default-release\nDefault=1\n");
        Files.writeString(tmp.resolve("primary.txt"), PRIMARY + "\n");
        run(Map.of(), "certutil", "-N", "-d", "sql:" + profile, "-f", "primary.txt");
        cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new NssStoreProvider(() -> new NssLocations(home).find()), new TokenStoreProvider()));
        cli.env.put("DB_PW", PRIMARY);
        cli.env.put("PIN", PIN);
        cli.env.put("WRONG", "0000");
    }

    @Test
    @Order(1)
    void theFirefoxPasswordIsNotTriedAsThePin() {
        Cli.Result r = cli.run("list", "--store", "My", "--physical", "--db-password-env", "DB_PW");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.err().contains("warning: the database password or PIN does not fit Token: " + TOKEN), r::toString);
        assertFalse(r.out().contains("CLI Token User"), r::toString);
        assertTrue(tokenFlags().contains("Requires login") && !tokenFlags().contains("low count"),
                "the token saw no wrong PIN: " + tokenFlags());
    }

    @Test
    @Order(2)
    void aWrongPinStopsTheCommandWithTheReason() {
        Cli.Result r = cli.run("list", "--store", "My", "--physical", "--db-password-env", "WRONG");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("The PIN is not correct for the token " + TOKEN + "."), r::toString);
        assertTrue(r.err().contains("Cairn does not try a PIN again by itself."), r::toString);
    }

    @Test
    @Order(3)
    void thePinShowsTheTokensPrivateCertificateWithItsKey() {
        Cli.Result r = cli.run("list", "--store", "My", "--physical", "--json", "--db-password-env", "PIN");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("CLI Token User"), r::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) r.json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stores = (List<Map<String, Object>>) json.get("physicalStores");
        Map<String, Object> token = stores.stream().filter(s -> s.get("name").equals("Token: " + TOKEN)).findFirst()
                .orElseThrow(() -> new AssertionError(stores.toString()));
        assertEquals(Boolean.FALSE, token.get("locked"), token::toString);
        assertEquals(Boolean.TRUE, token.get("writable"), token::toString);
    }

    @Test
    @Order(4)
    void aPfxImportedOntoTheTokenAndDeletedAgainIsSeenByP11tool() throws Exception {
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "c.key", "-out", "c.crt",
                "-subj", "/CN=CLI Imported User", "-days", "30");
        run(Map.of(), "openssl", "pkcs12", "-export", "-in", "c.crt", "-inkey", "c.key", "-name", "cli imported", "-out",
                "c.pfx", "-passout", "pass:Transport 1");
        cli.env.put("PFX_PW", "Transport 1");
        Cli.Result imported = cli.run("import", tmp.resolve("c.pfx").toString(), "--store", "My", "--physical-store",
                "Token: " + TOKEN, "--password-env", "PFX_PW", "--db-password-env", "PIN");
        assertEquals(0, imported.status(), imported::toString);
        String listed = tokens.p11tool(TOKEN, PIN, "--login", "--list-all");
        assertTrue(listed.contains("object=cli imported;type=cert") || listed.contains("object=cli%20imported;type=cert"),
                listed);
        assertTrue(listed.contains("imported;type=private"), listed);

        String fingerprint = run(Map.of(), "openssl", "x509", "-in", "c.crt", "-noout", "-fingerprint", "-sha1");
        String thumbprint = fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "");
        Cli.Result deleted = cli.run("delete", thumbprint, "--store", "My", "--db-password-env", "PIN");
        assertEquals(0, deleted.status(), deleted::toString);
        assertTrue(deleted.out().contains("with its private key"), deleted::toString);
        listed = tokens.p11tool(TOKEN, PIN, "--login", "--list-all");
        assertFalse(listed.contains("imported"), listed);
        assertTrue(listed.contains("cli-user"), "the token's own certificate stays: " + listed);
    }

    @Test
    void theHelpSaysTheOptionTakesATokensPin() {
        Cli.Result r = cli.run("list", "--help");
        assertTrue(r.out().replaceAll("\\s+", " ").contains("or the PIN of a smart card or token"), r::toString);
    }

    private static String tokenFlags() {
        try {
            String all = run(Map.of(), "p11tool", "--provider", SoftHsm.MODULE, "--list-tokens");
            int at = all.indexOf("Label: " + TOKEN);
            int flags = all.indexOf("Flags:", at);
            return all.substring(flags, all.indexOf('\n', flags));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        return Commands.run(tmp, env, command);
    }
}
