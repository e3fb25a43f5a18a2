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
import org.cairn.testing.process.Commands;
import org.cairn.testing.process.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn cert} on a Firefox profile's NSS database with a primary password (made by openssl, certutil and
 * pk12util in a temporary home): its physical stores, and backing up the browser's client certificate with its key.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NssCommandTest {

    private static final String PRIMARY = "Primary 1";
    private static final String PFX = "Backup 2";

    @TempDir
    static Path tmp;
    static Path profile;
    static String thumbprint;
    static Cli cli;

    @BeforeAll
    static void firefoxProfile() throws Exception {
        Path home = tmp.resolve("home");
        profile = home.resolve(".mozilla/firefox/ab12.default-release");
        Files.createDirectories(profile);
        Files.writeString(home.resolve(".mozilla/firefox/profiles.ini"),
                "[Profile0]\nName=default-release\nIsRelative=1\nPath=ab12.default-release\nDefault=1\n");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.crt",
                "-subj", "/CN=Firefox Client", "-days", "30", "-addext", "extendedKeyUsage=clientAuth");
        run("openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name", "My browser key",
                "-out", "client.p12", "-passout", "pass:transport");
        Files.writeString(tmp.resolve("primary.txt"), PRIMARY + "\n");
        Files.writeString(tmp.resolve("transport.txt"), "transport\n");
        run("certutil", "-N", "-d", "sql:" + profile, "-f", "primary.txt");
        run("pk12util", "-i", "client.p12", "-d", "sql:" + profile, "-w", "transport.txt", "-k", "primary.txt");
        String fingerprint = run("openssl", "x509", "-in", "client.crt", "-noout", "-fingerprint", "-sha1");
        thumbprint = fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "");
        cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new NssStoreProvider(() -> new NssLocations(home).find())));
        cli.env.put("DB_PW", PRIMARY);
        cli.env.put("PFX_PW", PFX);
        cli.env.put("WRONG_PW", "not it");
    }

    @Test
    void listPhysicalShowsTheProfileWithItsOrigin() {
        Cli.Result r = cli.run("list", "--store", "My", "--physical");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Firefox: default-release"), r::toString);
        assertTrue(r.out().contains("sql:" + profile), r::toString);
        assertTrue(r.out().contains(".Default"), r::toString);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) cli.run("list", "--store", "My", "--physical", "--json").json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stores = (List<Map<String, Object>>) json.get("physicalStores");
        Map<String, Object> firefox = stores.stream().filter(s -> s.get("name").equals("Firefox: default-release"))
                .findFirst().orElseThrow(() -> new AssertionError(stores.toString()));
        assertEquals("sql:" + profile, firefox.get("location"));
        assertEquals(Boolean.TRUE, firefox.get("writable"), "Cairn writes NSS databases through certutil and pk12util");
    }

    @Test
    void exportsTheBrowsersKeyWithThePrimaryPassword() throws Exception {
        Path out = tmp.resolve("browser.pfx");
        Cli.Result locked = cli.run("export", thumbprint, "--store", "My", "--out", out.toString(), "--password-env", "PFX_PW");
        assertEquals(1, locked.status(), locked::toString);
        assertTrue(locked.err().contains("no certificate with thumbprint"), locked::toString);

        Cli.Result wrong = cli.run("export", thumbprint, "--store", "My", "--out", out.toString(), "--password-env", "PFX_PW",
                "--db-password-env", "WRONG_PW");
        assertEquals(1, wrong.status(), wrong::toString);
        assertTrue(wrong.err().contains("the database password or PIN (--db-password-file/--db-password-env) is wrong for "
                + "Firefox: default-release"), wrong::toString);
        assertFalse(Files.exists(out));

        Cli.Result done = cli.run("export", thumbprint, "--store", "My", "--out", out.toString(), "--password-env", "PFX_PW",
                "--db-password-env", "DB_PW");
        assertEquals(0, done.status(), done::toString);
        assertTrue(done.out().contains("and the private key"), done::toString);
        Path readers = Repository.file("releng/pfx-readers");
        String all = "openssl,keytool,nss,gnutls,python";
        String report = run(Map.of("PFX_PW", PFX), readers.toString(), "--password-env", "PFX_PW", "--expect-certs", "1",
                "--expect-key", "rsa", "--expect-friendly-name", "My browser key", "--require-modern", "--tools", all,
                "--require-tools", all, out.toString());
        assertTrue(report.contains("pfx-readers: all required readers agree"), report);
    }

    // last: it gives the primary password, which softokn keeps for the rest of the process
    @Test
    @Order(Integer.MAX_VALUE)
    void importsIntoTheFirefoxDatabaseChosenByPhysicalStore() throws Exception {
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "imported.key", "-out", "imported.crt",
                "-subj", "/CN=Imported Root", "-days", "30", "-addext", "basicConstraints=critical,CA:true");
        String file = tmp.resolve("imported.crt").toString();
        Cli.Result usage = cli.run("import", file, "--physical-store", "Firefox: default-release");
        assertEquals(2, usage.status(), usage::toString);
        assertTrue(usage.err().contains("needs --store NAME too"), usage::toString);

        Cli.Result r = cli.run("import", file, "--store", "Root", "--physical-store", "Firefox: default-release",
                "--db-password-env", "DB_PW");
        assertEquals(0, r.status(), r::toString);
        String list = run("certutil", "-L", "-d", "sql:" + profile);
        assertTrue(list.lines().anyMatch(l -> l.startsWith("Imported Root ") && l.strip().endsWith("CT,C,C")), list);

        Cli.Result unknown = cli.run("import", file, "--store", "CA", "--physical-store", "NSS: nowhere");
        assertEquals(1, unknown.status(), unknown::toString);
        assertTrue(unknown.err().contains("No physical store named NSS: nowhere"), unknown::toString);
    }

    private static String run(String... command) throws Exception {
        return run(Map.of(), command);
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        return Commands.run(tmp, env, command);
    }
}
