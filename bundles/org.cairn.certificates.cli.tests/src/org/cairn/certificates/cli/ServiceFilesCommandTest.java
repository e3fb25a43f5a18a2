package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.system.internal.ServiceFilesProvider;
import org.cairn.certificates.system.internal.SystemLayout;
import org.cairn.testing.process.Commands;
import org.cairn.testing.process.Repository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn cert} on a web server's certificate and key in a temporary /etc/ssl (made by openssl, laid out as
 * Debian keeps it): listed in the computer's Personal store, backed up with its key to a PFX the five readers open,
 * refused with the key file's owner, group and mode for an ordinary account, and put back into another computer's
 * /etc/ssl with the conventional modes.
 */
class ServiceFilesCommandTest {

    private static final String PFX = "Backup 3";

    @TempDir
    static Path tmp;
    static Path ssl;
    static String thumbprint;
    static Cli cli;

    @BeforeAll
    static void webServer() throws Exception {
        ssl = tmp.resolve("root/etc/ssl");
        Files.createDirectories(ssl.resolve("certs"));
        Files.createDirectories(ssl.resolve("private"));
        Files.setPosixFilePermissions(ssl.resolve("private"), PosixFilePermissions.fromString("rwx--x---"));
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ssl.resolve("private/www.key").toString(),
                "-out", ssl.resolve("certs/www.pem").toString(), "-subj", "/CN=www.example.test", "-days", "30",
                "-addext", "extendedKeyUsage=serverAuth");
        Files.setPosixFilePermissions(ssl.resolve("private/www.key"), PosixFilePermissions.fromString("rw-r-----"));
        String fingerprint = run(Map.of(), "openssl", "x509", "-in", ssl.resolve("certs/www.pem").toString(), "-noout",
                "-fingerprint", "-sha1");
        thumbprint = fingerprint.substring(fingerprint.indexOf('=') + 1).strip().replace(":", "");
        cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new ServiceFilesProvider(SystemLayout.under(tmp.resolve("root")))));
        cli.env.put("PFX_PW", PFX);
    }

    @Test
    void listShowsThePairInTheComputersPersonalStore() {
        Cli.Result r = cli.run("list", "--scope", "computer", "--store", "My", "--physical");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("Files: /etc/ssl"), r::toString);
        assertTrue(r.out().contains(ssl.resolve("certs").toString()), r::toString);
        Cli.Result show = cli.run("show", thumbprint, "--scope", "computer", "--store", "My");
        assertEquals(0, show.status(), show::toString);
        assertTrue(show.out().contains("www.example.test"), show::toString);
    }

    @Test
    void exportsTheServersKeyToAPfxThatFiveReadersOpen() throws Exception {
        Path out = tmp.resolve("www.pfx");
        Cli.Result done = cli.run("export", thumbprint, "--scope", "computer", "--store", "My", "--out", out.toString(),
                "--password-env", "PFX_PW");
        assertEquals(0, done.status(), done::toString);
        assertTrue(done.out().contains("and the private key"), done::toString);
        Path readers = Repository.file("releng/pfx-readers");
        String all = "openssl,keytool,nss,gnutls,python";
        String report = run(Map.of("PFX_PW", PFX), readers.toString(), "--password-env", "PFX_PW", "--expect-certs", "1",
                "--expect-key", "rsa", "--expect-friendly-name", "www", "--require-modern", "--tools", all,
                "--require-tools", all, out.toString());
        assertTrue(report.contains("pfx-readers: all required readers agree"), report);

        // put back into another computer's /etc/ssl: the key 0640 root:ssl-cert (Debian) or 0600, checked by openssl
        Path other = tmp.resolve("other/etc/ssl");
        Files.createDirectories(other.resolve("certs"));
        Files.createDirectories(other.resolve("private"));
        Cli target = new Cli(Files.createDirectories(tmp.resolve("other-stores")), List.of(
                CertificateStores.fileStoreProvider(), new ServiceFilesProvider(SystemLayout.under(tmp.resolve("other")))));
        target.env.put("PFX_PW", PFX);
        Cli.Result imported = target.run("import", out.toString(), "--scope", "computer", "--store", "My",
                "--physical-store", "Files: /etc/ssl", "--password-env", "PFX_PW");
        assertEquals(0, imported.status(), imported::toString);
        Path key = other.resolve("private/www.key");
        Path cert = other.resolve("certs/www.pem");
        boolean debian = run(Map.of(), "getent", "group").lines().anyMatch(l -> l.startsWith("ssl-cert:"));
        assertEquals(debian ? "rw-r-----" : "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(run(Map.of(), "openssl", "x509", "-in", cert.toString(), "-noout", "-pubkey"),
                run(Map.of(), "openssl", "pkey", "-in", key.toString(), "-pubout"));
        Cli.Result listed = target.run("list", "--scope", "computer", "--store", "My", "--json");
        assertTrue(listed.out().contains(thumbprint) && listed.out().contains("Files: /etc/ssl"), listed::toString);
    }

    @Test
    void anOrdinaryAccountIsRefusedWithTheKeyFilesOwnerGroupAndMode() {
        Cli alice = new Cli(tmp.resolve("stores"), List.of(CertificateStores.fileStoreProvider(),
                new ServiceFilesProvider(SystemLayout.under(tmp.resolve("root")))), new Identity(4242, "cairn-nobody"));
        alice.env.put("PFX_PW", PFX);
        Path out = tmp.resolve("alice.pfx");
        Cli.Result r = alice.run("export", thumbprint, "--scope", "computer", "--store", "My", "--out", out.toString(),
                "--password-env", "PFX_PW");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().contains("You do not have access to the private key of www.example.test"), r::toString);
        assertTrue(r.err().contains("mode 0710"), r::toString);
        assertFalse(Files.exists(out), "nothing was written");
    }

    private static String run(Map<String, String> env, String... command) throws Exception {
        return Commands.run(tmp, env, command);
    }
}
