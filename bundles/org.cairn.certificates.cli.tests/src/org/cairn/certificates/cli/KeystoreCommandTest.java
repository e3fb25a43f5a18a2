package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.system.internal.KeystoreProvider;
import org.cairn.certificates.system.internal.SystemLayout;
import org.cairn.testing.process.Commands;
import org.cairn.testing.process.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn cert add-physical-store} / {@code remove-physical-store} on a Tomcat's keystores under a temporary
 * system root (a PKCS #12 file made by openssl with its password file, a JKS made by keytool without one): listed in
 * the service account's Personal store, backed up with the key to a PFX the five readers open, the JKS's key only
 * with its password, and the registration removed again.
 */
class KeystoreCommandTest {

    private static final String PFX = "Backup 4";

    @TempDir
    Path tmp;

    @Test
    void aServicesKeystoreIsRegisteredListedExportedWithItsKeyAndUnregistered() throws Exception {
        Path root = tmp.resolve("root");
        Path conf = Files.createDirectories(root.resolve("opt/tomcat/conf"));
        Files.createDirectories(root.resolve("etc/tomcat"));
        Files.writeString(root.resolve("etc/tomcat/keystore.pass"), "changeit\n");
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out",
                "server.pem", "-subj", "/CN=tomcat.example.test", "-days", "30", "-addext",
                "extendedKeyUsage=serverAuth");
        run(Map.of(), "openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "tomcat",
                "-out", conf.resolve("keystore.p12").toString(), "-passout", "pass:changeit");
        run(Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "app.key", "-out", "app.pem", "-subj", "/CN=app.example.test", "-days", "30");
        run(Map.of(), "openssl", "pkcs12", "-export", "-in", "app.pem", "-inkey", "app.key", "-name", "app", "-out",
                "app.p12", "-passout", "pass:changeit");
        run(Map.of(), "keytool", "-importkeystore", "-noprompt", "-srckeystore", tmp.resolve("app.p12").toString(),
                "-srcstoretype", "PKCS12", "-srcstorepass", "changeit", "-destkeystore",
                conf.resolve("app.jks").toString(), "-deststoretype", "JKS", "-deststorepass", "changeit");
        String server = thumbprint("server.pem");
        String app = thumbprint("app.pem");
        Cli cli = new Cli(Files.createDirectories(tmp.resolve("stores")), List.of(CertificateStores.fileStoreProvider(),
                new KeystoreProvider(SystemLayout.under(root))), new Identity(0, "root"));
        cli.env.put("PFX_PW", PFX);
        cli.env.put("KS_PW", "changeit");

        Cli.Result added = cli.run("add-physical-store", "/opt/tomcat/conf/keystore.p12", "--scope", "service:tomcat",
                "--password-file", "/etc/tomcat/keystore.pass");
        assertEquals(0, added.status(), added::toString);
        assertTrue(added.out().contains("\"Keystore: /opt/tomcat/conf/keystore.p12\""), added::toString);
        assertTrue(Files.readString(root.resolve("etc/cairn/services/tomcat.conf"))
                .contains("Path=/opt/tomcat/conf/keystore.p12\nPasswordFile=/etc/tomcat/keystore.pass\n"));
        Cli.Result noService = cli.run("add-physical-store", "/opt/tomcat/conf/app.jks", "--scope", "computer");
        assertEquals(2, noService.status(), noService::toString);
        assertTrue(noService.err().contains("--scope service:NAME"), noService::toString);
        Cli.Result added2 = cli.run("add-physical-store", "/opt/tomcat/conf/app.jks", "--scope", "service:tomcat",
                "--json");
        assertEquals(0, added2.status(), added2::toString);
        assertTrue(added2.out().contains("\"physicalStore\""), added2::toString);

        Cli.Result listed = cli.run("list", "--scope", "service:tomcat", "--store", "My", "--physical");
        assertEquals(0, listed.status(), listed::toString);
        assertTrue(listed.out().contains("Keystore: /opt/tomcat/conf/keystore.p12")
                && listed.out().contains("Keystore: /opt/tomcat/conf/app.jks"), listed::toString);

        Path out = tmp.resolve("tomcat.pfx");
        Cli.Result exported = cli.run("export", server, "--scope", "service:tomcat", "--store", "My", "--out",
                out.toString(), "--password-env", "PFX_PW");
        assertEquals(0, exported.status(), exported::toString);
        assertTrue(exported.out().contains("and the private key"), exported::toString);
        String all = "openssl,keytool,nss,gnutls,python";
        String report = run(Map.of("PFX_PW", PFX), Repository.file("releng/pfx-readers").toString(),
                "--password-env", "PFX_PW", "--expect-certs", "1", "--expect-key", "rsa", "--expect-friendly-name",
                "tomcat", "--require-modern", "--tools", all, "--require-tools", all, out.toString());
        assertTrue(report.contains("pfx-readers: all required readers agree"), report);

        // the JKS without a password file: its key only with the keystore's password
        Path appOut = tmp.resolve("app.pfx");
        Cli.Result locked = cli.run("export", app, "--scope", "service:tomcat", "--store", "My", "--out",
                appOut.toString(), "--password-env", "PFX_PW");
        assertEquals(1, locked.status(), locked::toString);
        assertTrue(locked.err().contains("password"), locked::toString);
        assertFalse(Files.exists(appOut));
        Cli.Result unlocked = cli.run("export", app, "--scope", "service:tomcat", "--store", "My", "--out",
                appOut.toString(), "--password-env", "PFX_PW", "--db-password-env", "KS_PW");
        assertEquals(0, unlocked.status(), unlocked::toString);
        String key = run(Map.of("PFX_PW", PFX), "openssl", "pkcs12", "-in", appOut.toString(), "-nodes", "-passin",
                "env:PFX_PW");
        assertTrue(key.contains("BEGIN PRIVATE KEY") && key.contains("app.example.test"), key);

        Cli.Result removed = cli.run("remove-physical-store", "/opt/tomcat/conf/keystore.p12", "--scope",
                "service:tomcat");
        assertEquals(0, removed.status(), removed::toString);
        Cli.Result again = cli.run("remove-physical-store", "/opt/tomcat/conf/keystore.p12", "--scope",
                "service:tomcat");
        assertEquals(1, again.status(), again::toString);
        assertTrue(again.err().contains("is not registered"), again::toString);
        Cli.Result after = cli.run("list", "--scope", "service:tomcat", "--store", "My", "--json");
        assertFalse(after.out().contains(server), after::toString);
        assertTrue(Files.exists(conf.resolve("keystore.p12")), "the file itself stays");
    }

    private String thumbprint(String pem) throws Exception {
        String fp = run(Map.of(), "openssl", "x509", "-in", pem, "-noout", "-fingerprint", "-sha1");
        return fp.substring(fp.indexOf('=') + 1).strip().replace(":", "");
    }

    private String run(Map<String, String> env, String... command) throws Exception {
        return Commands.run(tmp, env, command);
    }
}
