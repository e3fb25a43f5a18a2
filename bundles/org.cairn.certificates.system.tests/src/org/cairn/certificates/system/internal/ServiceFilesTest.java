package org.cairn.certificates.system.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.core.spi.StoreContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Services' certificate and key files, laid out under a temporary root as Debian, Fedora, certbot and systemd keep
 * them (made by openssl), seen through the computer's Personal store: pairs found by public key, the key's access
 * decided by its file's owner, group and mode, certbot's folders read-only, and an import written with the
 * conventional modes and read back by openssl.
 */
class ServiceFilesTest {

    @TempDir
    Path tmp;

    private Path root() {
        return tmp.resolve("root");
    }

    private String openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }

    /** A self-signed server certificate and its key (PKCS #8), written where {@code cert} and {@code key} say. */
    private String pair(String cn, String newkey, Path cert, Path key) throws Exception {
        Files.createDirectories(cert.getParent());
        Files.createDirectories(key.getParent());
        List<String> args = new java.util.ArrayList<>(List.of("req", "-x509", "-newkey", newkey));
        if (newkey.equals("ec")) {
            args.addAll(List.of("-pkeyopt", "ec_paramgen_curve:P-256"));
        }
        args.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-subj", "/CN=" + cn, "-days",
                "30", "-addext", "extendedKeyUsage=serverAuth"));
        openssl(args.toArray(String[]::new));
        String fp = openssl("x509", "-in", cert.toString(), "-noout", "-fingerprint", "-sha1");
        return fp.substring(fp.indexOf('=') + 1).strip().replace(":", "");
    }

    private CertificateStore computer(Identity identity) throws Exception {
        return CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), identity,
                List.of(CertificateStores.fileStoreProvider(), new ServiceFilesProvider(SystemLayout.under(root()))))
                .open(Scope.computer());
    }

    private Path debianSsl() throws Exception {
        Path ssl = root().resolve("etc/ssl");
        Files.createDirectories(ssl.resolve("certs"));
        Files.createDirectories(ssl.resolve("private"));
        Files.setPosixFilePermissions(ssl.resolve("private"), PosixFilePermissions.fromString("rwx--x---"));
        return ssl;
    }

    @Test
    void pairsInEtcSslAreFoundByPublicKeyAndTheirKeyReadBack() throws Exception {
        Path ssl = debianSsl();
        String web = pair("web.example.test", "ec", ssl.resolve("certs/web.pem"), ssl.resolve("private/web.key"));
        // a key named unlike its certificate is still paired, by its public key; PKCS #1 as older tools write it
        String mail = pair("mail.example.test", "rsa:2048", ssl.resolve("certs/mail-2026.crt"), ssl.resolve("private/m.key"));
        openssl("pkey", "-in", ssl.resolve("private/m.key").toString(), "-traditional", "-out", "m1.key");
        Files.move(tmp.resolve("m1.key"), ssl.resolve("private/m.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.readString(ssl.resolve("private/m.key")).contains("BEGIN RSA PRIVATE KEY"));
        // a CA certificate without a key stays out of Personal
        pair("Some CA", "ec", ssl.resolve("certs/some-ca.pem"), tmp.resolve("elsewhere/ca.key"));

        CertificateStore computer = computer(new Identity(0, "root"));
        List<CertificateEntry> personal = computer.list(LogicalStore.PERSONAL).entries();
        assertEquals(List.of(mail, web).stream().sorted().toList(),
                personal.stream().map(CertificateEntry::thumbprint).sorted().toList(), personal::toString);
        CertificateEntry entry = computer.find(LogicalStore.PERSONAL, web).orElseThrow();
        assertEquals(PemPlace.SSL.name(), entry.physicalStore());
        assertTrue(entry.hasPrivateKey());
        assertEquals(Optional.empty(), computer.whyKeyNotExportable(entry));
        PrivateKey key = computer.exportablePrivateKey(entry);
        assertEquals(Optional.empty(), KeyPairCheck.mismatch(key, entry.certificate().getPublicKey()));
        // the key file stays: said before an export offers to delete it, and the same refusal if asked anyway
        AccessDenial stays = computer.whyKeyNotDeletable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.READ_ONLY_STORE, stays.reason());
        assertTrue(stays.message().startsWith("Cairn does not delete a service's key file alone"), stays.message());
        CertificateStoreException refused = assertThrows(CertificateStoreException.class,
                () -> computer.deletePrivateKey(entry));
        assertEquals(stays.message(), refused.getMessage());
        assertTrue(Files.exists(ssl.resolve("private/web.key")));
        PrivateKey rsa = computer.exportablePrivateKey(computer.find(LogicalStore.PERSONAL, mail).orElseThrow());
        assertEquals("RSA", rsa.getAlgorithm());
        assertTrue(computer.physicalStores(LogicalStore.PERSONAL).stream()
                .anyMatch(s -> s.name().equals("Files: /etc/ssl") && s.location().equals(ssl.resolve("certs").toString())));
    }

    @Test
    void aKeyTheAccountCannotReadIsRefusedWithOwnerGroupAndMode() throws Exception {
        Path ssl = debianSsl();
        String web = pair("web.example.test", "rsa:2048", ssl.resolve("certs/web.pem"), ssl.resolve("private/web.key"));
        Files.setPosixFilePermissions(ssl.resolve("private/web.key"), PosixFilePermissions.fromString("rw-r-----"));
        CertificateStore asAlice = computer(new Identity(4242, "cairn-nobody"));
        CertificateEntry entry = asAlice.find(LogicalStore.PERSONAL, web).orElseThrow();
        assertTrue(entry.hasPrivateKey(), "the account sees that the certificate has a key");
        AccessDenial denial = asAlice.whyKeyNotExportable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.NO_ACCESS, denial.reason());
        assertTrue(denial.message().contains("You do not have access to the private key of web.example.test"), denial.message());
        assertTrue(denial.message().contains(ssl.resolve("private").toString()), denial.message());
        assertTrue(denial.message().contains("mode 0710"), denial.message());
        // group root: joining it is no advice to give
        assertTrue(denial.message().endsWith("run Cairn as root."), denial.message());
        CertificateStoreException refused = assertThrows(CertificateStoreException.class,
                () -> asAlice.exportablePrivateKey(entry));
        assertEquals(AccessDenial.Reason.NO_ACCESS, refused.denial().orElseThrow().reason());

        // the folder open to all, the file still 0640: the file is named
        Files.setPosixFilePermissions(ssl.resolve("private"), PosixFilePermissions.fromString("rwx--x--x"));
        String message = asAlice.whyKeyNotExportable(entry).orElseThrow().message();
        assertTrue(message.contains("the file " + ssl.resolve("private/web.key")) && message.contains("mode 0640"), message);
        Optional<java.nio.file.attribute.GroupPrincipal> sslCert = group("ssl-cert");
        if (sslCert.isPresent()) {
            // Debian's convention: the group may read keys, and joining it is the advice
            Files.getFileAttributeView(ssl.resolve("private/web.key"), java.nio.file.attribute.PosixFileAttributeView.class)
                    .setGroup(sslCert.get());
            String join = asAlice.whyKeyNotExportable(entry).orElseThrow().message();
            assertTrue(join.contains("group ssl-cert") && join.endsWith("or add cairn-nobody to the group ssl-cert."), join);
        }
        // world-readable: the account has access
        Files.setPosixFilePermissions(ssl.resolve("private/web.key"), PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(Optional.empty(), asAlice.whyKeyNotExportable(entry));
    }

    @Test
    void anEncryptedKeyIsPairedByNameAndItsRefusalSaysWhy() throws Exception {
        Path pki = root().resolve("etc/pki/tls");
        String db = pair("db.example.test", "rsa:2048", pki.resolve("certs/db.crt"), pki.resolve("private/db.key"));
        Files.writeString(tmp.resolve("pass.txt"), "secret\n");
        openssl("pkey", "-in", pki.resolve("private/db.key").toString(), "-aes256", "-passout", "file:pass.txt", "-out",
                "db1.key");
        Files.move(tmp.resolve("db1.key"), pki.resolve("private/db.key"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CertificateStore computer = computer(new Identity(0, "root"));
        CertificateEntry entry = computer.find(LogicalStore.PERSONAL, db).orElseThrow();
        assertEquals(PemPlace.PKI_TLS.name(), entry.physicalStore());
        String message = computer.whyKeyNotExportable(entry).orElseThrow().message();
        assertTrue(message.contains("is encrypted with a passphrase"), message);
    }

    @Test
    void certbotsLiveFolderIsShownReadOnly() throws Exception {
        Path archive = root().resolve("etc/letsencrypt/archive/example.test");
        Path live = root().resolve("etc/letsencrypt/live/example.test");
        String leaf = pair("example.test", "rsa:2048", archive.resolve("cert1.pem"), archive.resolve("privkey1.pem"));
        Files.createDirectories(live);
        Files.copy(archive.resolve("cert1.pem"), archive.resolve("fullchain1.pem"));
        for (String name : List.of("cert", "fullchain", "privkey")) {
            Files.createSymbolicLink(live.resolve(name + ".pem"), Path.of("../../archive/example.test/" + name + "1.pem"));
        }
        CertificateStore computer = computer(new Identity(0, "root"));
        CertificateEntry entry = computer.find(LogicalStore.PERSONAL, leaf).orElseThrow();
        assertEquals(PemPlace.LETSENCRYPT.name(), entry.physicalStore());
        assertEquals("example.test", entry.friendlyName());
        assertEquals(1, computer.list(LogicalStore.PERSONAL).entries().size());
        assertEquals(Optional.empty(), computer.whyKeyNotExportable(entry));
        AccessDenial denial = computer.whyNotModifiable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.READ_ONLY_STORE, denial.reason());
        CertificateStoreException refused = assertThrows(CertificateStoreException.class, () -> computer.add(
                LogicalStore.PERSONAL, PemPlace.LETSENCRYPT.name(), entry.certificate(),
                Optional.of(computer.exportablePrivateKey(entry)), EntryAttributes.defaults()));
        assertTrue(refused.getMessage().contains("certbot"), refused.getMessage());
    }

    @Test
    void importWritesTheKeyAtomicallyWithTheConventionalModes() throws Exception {
        Path ssl = debianSsl();
        Path other = tmp.resolve("source");
        pair("api.example.test", "rsa:2048", other.resolve("api.pem"), other.resolve("api.key"));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(other.resolve("api.pem"))));
        PrivateKey key = KeyFiles.read(other.resolve("api.key")).keys().get(0);

        CertificateStore computer = computer(new Identity(0, "root"));
        // a certificate alone is refused: these files are pairs
        CertificateStoreException alone = assertThrows(CertificateStoreException.class, () -> computer.add(
                LogicalStore.PERSONAL, PemPlace.SSL.name(), certificate, Optional.empty(), EntryAttributes.defaults()));
        assertTrue(alone.getMessage().contains("without one"), alone.getMessage());

        CertificateEntry added = computer.add(LogicalStore.PERSONAL, PemPlace.SSL.name(), certificate, Optional.of(key),
                EntryAttributes.defaults().withFriendlyName("api server"));
        assertEquals(PemPlace.SSL.name(), added.physicalStore());
        Path keyFile = ssl.resolve("private/api-server.key");
        Path certFile = ssl.resolve("certs/api-server.pem");
        boolean debian = hasGroup("ssl-cert");
        assertEquals(debian ? "rw-r-----" : "rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals(debian ? "ssl-cert" : "root", Files.readAttributes(keyFile,
                java.nio.file.attribute.PosixFileAttributes.class).group().getName());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(certFile)));
        try (var list = Files.list(ssl.resolve("private"))) {
            assertEquals(List.of(keyFile), list.toList(), "no temporary file is left");
        }
        // openssl reads both and agrees they are a pair
        String fromKey = openssl("pkey", "-in", keyFile.toString(), "-pubout");
        String fromCert = openssl("x509", "-in", certFile.toString(), "-noout", "-pubkey");
        assertEquals(fromCert, fromKey);
        CertificateStoreException twice = assertThrows(CertificateStoreException.class, () -> computer.add(
                LogicalStore.PERSONAL, PemPlace.SSL.name(), certificate, Optional.of(key), EntryAttributes.defaults()));
        assertTrue(twice.getMessage().contains("already"), twice.getMessage());

        computer.delete(computer.find(LogicalStore.PERSONAL, added.thumbprint()).orElseThrow());
        assertFalse(Files.exists(keyFile));
        assertFalse(Files.exists(certFile));
    }

    @Test
    void anOrdinaryAccountCannotAddAndATestSessionLeavesTheRealFilesAlone() throws Exception {
        debianSsl();
        PemPairStore asAlice = new PemPairStore(new StoreContext(Scope.computer(), tmp, new Identity(4242, "cairn-nobody")),
                SystemLayout.under(root()), PemPlace.SSL, new Object());
        AccessDenial denial = asAlice.whyNotWritable().orElseThrow();
        assertEquals(AccessDenial.Reason.NO_ACCESS, denial.reason());
        assertTrue(denial.message().contains("Only root can add service certificates"), denial.message());

        SystemLayout session = SystemLayout.fromEnvironment(Map.of("cairn.store.root", tmp.toString()), Map.of());
        PemPairStore store = new PemPairStore(new StoreContext(Scope.computer(), tmp, new Identity(0, "root")), session,
                PemPlace.SSL, new Object());
        assertFalse(store.writable(), "a test session never writes the real /etc/ssl");
        assertEquals(AccessDenial.Reason.READ_ONLY_STORE, store.whyNotWritable().orElseThrow().reason());
    }

    @Test
    void theFilesAServicesUnitLoadsAreItsPersonalPairsReadOnly() throws Exception {
        Path srv = root().resolve("srv/web");
        String web = pair("web.example.test", "ec", srv.resolve("tls.crt"), srv.resolve("tls.key"));
        // named by their IDs alone: found in /etc/credstore
        String api = pair("api.example.test", "rsa:2048", root().resolve("etc/credstore/api.crt"),
                root().resolve("etc/credstore/api.key"));
        // loaded by no unit, or by a line the unit clears, or outside [Service]: not the service's
        pair("old.example.test", "ec", root().resolve("srv/old/old.crt"), root().resolve("srv/old/old.key"));
        pair("other.example.test", "ec", root().resolve("srv/other/o.crt"), root().resolve("srv/other/o.key"));
        Path units = Files.createDirectories(root().resolve("usr/lib/systemd/system"));
        Files.writeString(units.resolve("web.service"), """
                [Unit]
                Description=A web server
                [Service]
                ExecStart=/usr/bin/web
                LoadCredential=old.crt:/srv/old/old.crt
                LoadCredential=old.key:/srv/old/old.key
                # an empty assignment clears the list, as in systemd
                LoadCredential=
                LoadCredential=tls.crt:/srv/web/tls.crt
                LoadCredential=\\
                    tls.key:/srv/%N/tls.key
                LoadCredentialEncrypted=secret:/etc/secret.cred
                [Install]
                LoadCredential=o.crt:/srv/other/o.crt
                """);
        // a drop-in in /etc hides the same name in /usr/lib, and adds to the unit
        Path etcDropIns = Files.createDirectories(root().resolve("etc/systemd/system/web.service.d"));
        Path libDropIns = Files.createDirectories(root().resolve("usr/lib/systemd/system/web.service.d"));
        Files.writeString(libDropIns.resolve("10-api.conf"), "[Service]\nLoadCredential=o.crt:/srv/other/o.crt\n");
        Files.writeString(etcDropIns.resolve("10-api.conf"),
                "[Service]\nLoadCredential=api.crt\nLoadCredential=api.key\nLoadCredential=gone:/srv/gone.pem\n");

        org.cairn.certificates.core.CertificateStoreService stores = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")),
                new Identity(0, "root"),
                List.of(CertificateStores.fileStoreProvider(), new ServiceFilesProvider(SystemLayout.under(root()))));
        CertificateStore service = stores.open(Scope.service("web"));
        org.cairn.certificates.core.StoreListing listing = service.list(LogicalStore.PERSONAL);
        assertEquals(List.of(api, web).stream().sorted().toList(),
                listing.entries().stream().map(CertificateEntry::thumbprint).sorted().toList(), listing::toString);
        CertificateEntry entry = service.find(LogicalStore.PERSONAL, web).orElseThrow();
        assertEquals("systemd: web.service", entry.physicalStore());
        assertEquals(Optional.empty(), service.whyKeyNotExportable(entry));
        assertEquals(Optional.empty(),
                KeyPairCheck.mismatch(service.exportablePrivateKey(entry), entry.certificate().getPublicKey()));
        List<String> problems = listing.problems().stream().map(p -> p.message()).toList();
        assertTrue(problems.stream().anyMatch(p -> p.contains("encrypted credential secret")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("/srv/gone.pem") && p.contains("is not there")),
                problems::toString);
        CertificateStore.PhysicalStoreInfo unit = service.physicalStores(LogicalStore.PERSONAL).stream()
                .filter(p -> p.name().equals("systemd: web.service")).findFirst().orElseThrow();
        assertEquals(units.resolve("web.service").toString(), unit.location());
        assertFalse(unit.writable());
        CertificateStoreException refused = assertThrows(CertificateStoreException.class,
                () -> service.add(LogicalStore.PERSONAL, "systemd: web.service", entry.certificate(),
                        Optional.of(service.exportablePrivateKey(entry)), EntryAttributes.defaults()));
        assertTrue(refused.getMessage().contains("systemctl restart web.service"), refused.getMessage());

        // as an ordinary account, a key file it cannot read disables the key with owner, group and mode
        Files.setPosixFilePermissions(srv.resolve("tls.key"), PosixFilePermissions.fromString("rw-------"));
        CertificateStore asNobody = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")),
                new Identity(4242, "cairn-nobody"),
                List.of(CertificateStores.fileStoreProvider(), new ServiceFilesProvider(SystemLayout.under(root()))))
                .open(Scope.service("web"));
        AccessDenial denial = asNobody.whyKeyNotExportable(asNobody.find(LogicalStore.PERSONAL, web).orElseThrow())
                .orElseThrow();
        assertTrue(denial.message().contains("tls.key") && denial.message().contains("cannot be read by cairn-nobody"),
                denial.message());

        // a service without a unit has no such store
        assertTrue(stores.open(Scope.service("mail")).physicalStores(LogicalStore.PERSONAL).stream()
                .noneMatch(p -> p.name().startsWith("systemd:")));
    }

    private static Optional<java.nio.file.attribute.GroupPrincipal> group(String name) {
        try {
            return Optional.of(Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean hasGroup(String name) {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName(name);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
