package org.cairn.certificates.system.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keystores registered for a service (issue 14 item 2): a PKCS #12 file made by openssl and Java keystores made by
 * keytool, under a temporary system root, registered through the certificate store
 * ({@code /etc/cairn/services/NAME.conf}), shown in the service account's logical stores, their keys read with the
 * registered password file or a password given later, and every refusal leaving the registration file as it was.
 */
class KeystoresTest {

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("root");
    }

    private String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }

    /** NAME.key and NAME.pem: a self-signed P-256 certificate made by openssl, valid 30 days. */
    private void ecCertificate(String name, String subject, String... more) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key", "-out", name + ".pem", "-subj", subject,
                "-days", "30"));
        command.addAll(List.of(more));
        run(command.toArray(String[]::new));
    }

    private String thumbprint(String pem) throws Exception {
        String fp = run("openssl", "x509", "-in", pem, "-noout", "-fingerprint", "-sha1");
        return fp.substring(fp.indexOf('=') + 1).strip().replace(":", "");
    }

    private CertificateStoreService stores(Identity identity) {
        return CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), identity,
                List.of(CertificateStores.fileStoreProvider(), new KeystoreProvider(SystemLayout.under(root()))));
    }

    private CertificateStore service(Identity identity) throws CertificateStoreException {
        return stores(identity).open(Scope.service("tomcat"));
    }

    @Test
    void registeredKeystoresShowInTheServicesStoresWithTheirKeys() throws Exception {
        Path conf = Files.createDirectories(root().resolve("opt/tomcat/conf"));
        Files.createDirectories(root().resolve("etc/tomcat"));
        Files.writeString(root().resolve("etc/tomcat/keystore.pass"), "changeit\n");
        ecCertificate("server", "/CN=tomcat.example.test");
        ecCertificate("ca", "/CN=Corp Root", "-addext", "basicConstraints=critical,CA:true");
        run("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "tomcat", "-out",
                conf.resolve("keystore.p12").toString(), "-passout", "pass:changeit");
        run("keytool", "-importcert", "-noprompt", "-alias", "corp-root", "-file", "ca.pem", "-keystore",
                conf.resolve("truststore.jks").toString(), "-storetype", "JKS", "-storepass", "changeit");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "app.key", "-out", "app.pem", "-subj",
                "/CN=app.example.test", "-days", "30");
        run("openssl", "pkcs12", "-export", "-in", "app.pem", "-inkey", "app.key", "-name", "app", "-out", "app.p12",
                "-passout", "pass:changeit");
        run("keytool", "-importkeystore", "-noprompt", "-srckeystore", tmp.resolve("app.p12").toString(),
                "-srcstoretype", "PKCS12", "-srcstorepass", "changeit", "-destkeystore",
                conf.resolve("key.jks").toString(), "-deststoretype", "JKS", "-deststorepass", "changeit");
        String server = thumbprint("server.pem");
        String corp = thumbprint("ca.pem");
        String app = thumbprint("app.pem");
        Path config = root().resolve("etc/cairn/services/tomcat.conf");
        CertificateStore tomcat = service(new Identity(0, "root"));

        // a PKCS #12 keystore with its password file
        CertificateStore.PhysicalStoreInfo p12 = tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/keystore.p12"),
                Optional.of(Path.of("/etc/tomcat/keystore.pass")));
        assertEquals("Keystore: /opt/tomcat/conf/keystore.p12", p12.name());
        assertFalse(p12.writable());
        String text = Files.readString(config);
        assertTrue(text.contains("[Keystore]\nPath=/opt/tomcat/conf/keystore.p12\nPasswordFile=/etc/tomcat/keystore.pass\n"),
                text);
        CertificateEntry entry = tomcat.find(LogicalStore.PERSONAL, server).orElseThrow();
        assertEquals(p12.name(), entry.physicalStore());
        assertEquals("tomcat", entry.friendlyName());
        assertTrue(entry.hasPrivateKey());
        assertEquals(Optional.empty(), tomcat.whyKeyNotExportable(entry));
        assertEquals(Optional.empty(),
                KeyPairCheck.mismatch(tomcat.exportablePrivateKey(entry), entry.certificate().getPublicKey()));
        assertTrue(tomcat.whyKeyNotDeletable(entry).isPresent(), "a service's keystore keeps its keys");

        // a JKS truststore without a password: its roots are read all the same
        tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/truststore.jks"), Optional.empty());
        assertTrue(tomcat.find(LogicalStore.TRUSTED_ROOT, corp).isPresent());

        // a JKS keystore without a password file: locked until its password is given
        CertificateStore.PhysicalStoreInfo jks = tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/key.jks"),
                Optional.empty());
        CertificateStore again = service(new Identity(0, "root"));
        List<CertificateStore.PhysicalStoreInfo> locked = again.lockedStores();
        assertTrue(locked.stream().anyMatch(s -> s.location().equals(jks.location())), () -> "locked: " + locked);
        CertificateEntry inJks = again.find(LogicalStore.PERSONAL, app).orElseThrow();
        assertEquals(jks.name(), inJks.physicalStore());
        assertEquals("app", inJks.friendlyName());
        AccessDenial denied = again.whyKeyNotExportable(inJks).orElseThrow();
        assertTrue(denied.message().contains("password"), denied.message());
        assertFalse(again.unlock(jks.location(), "wrong".toCharArray()));
        assertTrue(again.unlock(jks.location(), "changeit".toCharArray()));
        CertificateEntry unlocked = again.find(LogicalStore.PERSONAL, app).orElseThrow();
        assertEquals(Optional.empty(), again.whyKeyNotExportable(unlocked));
        assertEquals(Optional.empty(),
                KeyPairCheck.mismatch(again.exportablePrivateKey(unlocked), unlocked.certificate().getPublicKey()));

        // refusals change nothing: a wrong password file, a second registration, no keystore, not root
        byte[] before = Files.readAllBytes(config);
        Files.writeString(root().resolve("etc/tomcat/wrong.pass"), "nope\n");
        Files.copy(conf.resolve("keystore.p12"), conf.resolve("other.p12"));
        Files.writeString(conf.resolve("server.xml"), "<Server/>");
        List<String> refusals = new ArrayList<>();
        for (Runnable attempt : List.<Runnable>of(
                () -> refusals.add(refused(() -> tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/other.p12"),
                        Optional.of(Path.of("/etc/tomcat/wrong.pass"))))),
                () -> refusals.add(refused(() -> tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/keystore.p12"),
                        Optional.empty()))),
                () -> refusals.add(refused(() -> tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/server.xml"),
                        Optional.empty()))),
                () -> refusals.add(refused(() -> service(new Identity(4242, "cairn-nobody")).registerPhysicalStore(
                        Path.of("/opt/tomcat/conf/other.p12"), Optional.empty()))))) {
            attempt.run();
        }
        assertTrue(refusals.get(0).contains("password") && refusals.get(0).contains("wrong"), refusals.get(0));
        assertTrue(refusals.get(1).contains("registered for the service tomcat already"), refusals.get(1));
        assertTrue(refusals.get(2).contains("neither a Java keystore"), refusals.get(2));
        assertTrue(refusals.get(3).contains("Only root can register"), refusals.get(3));
        assertArrayEquals(before, Files.readAllBytes(config));
        assertThrows(CertificateStoreException.class, () -> stores(new Identity(0, "root")).open(Scope.computer())
                .registerPhysicalStore(Path.of("/opt/tomcat/conf/other.p12"), Optional.empty()));

        // unregistered: gone from the service's stores, the file itself stays
        assertTrue(tomcat.unregisterPhysicalStore(Path.of("/opt/tomcat/conf/keystore.p12")));
        assertFalse(tomcat.unregisterPhysicalStore(Path.of("/opt/tomcat/conf/keystore.p12")));
        assertTrue(tomcat.list(LogicalStore.PERSONAL).entries().stream()
                .noneMatch(e -> e.physicalStore().equals(p12.name())));
        assertTrue(Files.exists(conf.resolve("keystore.p12")));
        assertFalse(Files.readString(config).contains("keystore.p12"));
    }

    /**
     * A listing reads each keystore once for the service's four logical stores; what changed on disk since (keytool
     * adding an entry, the password file replaced) shows at the next listing all the same.
     */
    @Test
    void aKeystoreOrPasswordFileChangedOnDiskShowsAtTheNextListing() throws Exception {
        Path conf = Files.createDirectories(root().resolve("opt/tomcat/conf"));
        Path pass = Files.createDirectories(root().resolve("etc/tomcat")).resolve("keystore.pass");
        Files.writeString(pass, "changeit\n");
        ecCertificate("server", "/CN=tomcat.example.test");
        ecCertificate("ca", "/CN=Corp Root", "-addext", "basicConstraints=critical,CA:true");
        run("openssl", "pkcs12", "-export", "-in", "server.pem", "-inkey", "server.key", "-name", "tomcat", "-out",
                tmp.resolve("server.p12").toString(), "-passout", "pass:changeit");
        run("keytool", "-importkeystore", "-noprompt", "-srckeystore", tmp.resolve("server.p12").toString(),
                "-srcstoretype", "PKCS12", "-srcstorepass", "changeit", "-destkeystore",
                conf.resolve("keystore.p12").toString(), "-deststoretype", "PKCS12", "-deststorepass", "changeit");
        String server = thumbprint("server.pem");
        String corp = thumbprint("ca.pem");
        CertificateStore tomcat = service(new Identity(0, "root"));
        tomcat.registerPhysicalStore(Path.of("/opt/tomcat/conf/keystore.p12"), Optional.of(Path.of(
                "/etc/tomcat/keystore.pass")));
        CertificateEntry entry = tomcat.find(LogicalStore.PERSONAL, server).orElseThrow();
        assertEquals(Optional.empty(), tomcat.whyKeyNotExportable(entry));
        assertTrue(tomcat.find(LogicalStore.TRUSTED_ROOT, corp).isEmpty());

        // keytool adds a root to the same file: it shows in Trusted Root at once
        run("keytool", "-importcert", "-noprompt", "-alias", "corp-root", "-file", "ca.pem", "-keystore",
                conf.resolve("keystore.p12").toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        assertTrue(tomcat.find(LogicalStore.TRUSTED_ROOT, corp).isPresent());
        assertTrue(tomcat.find(LogicalStore.PERSONAL, server).isPresent());

        // the password file now holds a wrong password: the next listing says so, nothing read before is shown
        Files.writeString(pass, "wrong\n");
        StoreListing personal = tomcat.list(LogicalStore.PERSONAL);
        assertTrue(personal.entries().stream().noneMatch(e -> e.thumbprint().equals(server)), personal::toString);
        assertTrue(personal.problems().stream().anyMatch(p -> p.message().contains("Correct the password file "
                + "/etc/tomcat/keystore.pass")), personal::toString);

        // and the right one again
        Files.writeString(pass, "changeit\n");
        assertEquals(Optional.empty(), tomcat.whyKeyNotExportable(
                tomcat.find(LogicalStore.PERSONAL, server).orElseThrow()));
    }

    /** The registration file is read as a unit file: what is not understood is named with its line, nothing else lost. */
    @Test
    void aRegistrationFileWithMistakesShowsWhatItCouldReadAndNamesTheRest() throws Exception {
        Path conf = Files.createDirectories(root().resolve("opt/tomcat/conf"));
        ecCertificate("ca", "/CN=Corp Root", "-addext", "basicConstraints=critical,CA:true");
        run("keytool", "-importcert", "-noprompt", "-alias", "corp-root", "-file", "ca.pem", "-keystore",
                conf.resolve("truststore.jks").toString(), "-storetype", "JKS", "-storepass", "changeit");
        Path config = Files.createDirectories(root().resolve("etc/cairn/services")).resolve("tomcat.conf");
        Files.writeString(config, """
                # written by hand
                [Keystore]
                Path=/opt/tomcat/conf/\\
                  truststore.jks
                Colour=blue
                [Unit]
                Description=not ours
                """);
        CertificateStore tomcat = service(new Identity(0, "root"));
        assertTrue(tomcat.find(LogicalStore.TRUSTED_ROOT, thumbprint("ca.pem")).isEmpty(),
                "a continued value is joined with a space, as systemd does: that path names no file");
        Files.writeString(config, """
                # written by hand
                [Keystore]
                Path=/opt/tomcat/conf/truststore.jks
                Colour=blue
                [Unit]
                Description=not ours
                """);
        assertTrue(tomcat.find(LogicalStore.TRUSTED_ROOT, thumbprint("ca.pem")).isPresent());
        CertificateStoreException e = assertThrows(CertificateStoreException.class,
                () -> tomcat.unregisterPhysicalStore(Path.of("/opt/tomcat/conf/truststore.jks")));
        assertTrue(e.getMessage().contains("line 4: unknown setting Colour"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5: unknown section [Unit]"), e.getMessage());
        assertTrue(Files.readString(config).contains("Colour=blue"), "a refused change leaves the file as it was");
    }

    private interface Attempt {
        Object run() throws CertificateStoreException;
    }

    private static String refused(Attempt attempt) {
        CertificateStoreException e = assertThrows(CertificateStoreException.class, attempt::run);
        return e.getMessage();
    }
}
