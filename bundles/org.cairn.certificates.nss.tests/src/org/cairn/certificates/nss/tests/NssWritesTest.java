package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.StoreChoice;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.nss.internal.NssLocations;
import org.cairn.certificates.nss.internal.NssStoreProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import, delete, rename and the running-Firefox refusal on real NSS databases; every change is checked with
 * {@code certutil -L} (and {@code -K} for keys), NSS's own reader.
 */
class NssWritesTest {

    private static final String CHROME = "NSS: Chrome and system";
    private static final String FIREFOX = "Firefox: default-release";

    @TempDir
    Path tmp;
    NssFixture fixture;
    CertificateStore store;

    @BeforeEach
    void databases() throws Exception {
        fixture = NssFixture.create(tmp.resolve("home"));
        NssStoreProvider nss = new NssStoreProvider(() -> new NssLocations(fixture.home).find());
        store = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), nss)).open(new Scope.CurrentUser());
    }

    private String certutilList(Path db) throws Exception {
        return NssFixture.run(fixture.pki, Map.of(), "certutil", "-L", "-d", "sql:" + db);
    }

    /** @return the trust column certutil -L shows for the nickname, or empty when it is not listed */
    private Optional<String> trust(Path db, String nickname) throws Exception {
        for (String line : certutilList(db).split("\n")) {
            if (line.startsWith(nickname + " ") && line.substring(nickname.length()).isBlank() == false) {
                String rest = line.substring(nickname.length()).strip();
                if (rest.matches("[A-Za-z]*,[A-Za-z]*,[A-Za-z]*")) {
                    return Optional.of(rest);
                }
            }
        }
        return Optional.empty();
    }

    private X509Certificate newCertificate(String name, String... extensions) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key", "-out", name + ".crt", "-subj",
                "/CN=" + name, "-days", "30"));
        for (String extension : extensions) {
            command.addAll(List.of("-addext", extension));
        }
        NssFixture.run(fixture.pki, Map.of(), command.toArray(String[]::new));
        try (InputStream in = Files.newInputStream(fixture.pki.resolve(name + ".crt"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private PrivateKey keyOf(String name) throws Exception {
        String pem = Files.readString(fixture.pki.resolve(name + ".key"));
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    @Test
    void importsIntoTheChosenDatabaseWithTheTrustOfTheLogicalStore() throws Exception {
        X509Certificate root = newCertificate("Cairn Added Root", "basicConstraints=critical,CA:true");
        CertificateEntry added = store.add(LogicalStore.TRUSTED_ROOT, CHROME, root, Optional.empty(),
                EntryAttributes.defaults().withFriendlyName("Added Root"));
        assertEquals(List.of(CHROME), added.physicalStores(), "only in the chosen database, not in Cairn's own store");
        assertEquals(Optional.of("CT,C,C"), trust(fixture.chrome, "Added Root"), certutilList(fixture.chrome));
        assertTrue(store.list(LogicalStore.TRUSTED_ROOT).find(added.thumbprint()).isPresent());
        X509Certificate bad = newCertificate("Cairn Added Distrusted", "basicConstraints=critical,CA:true");
        store.add(LogicalStore.UNTRUSTED, CHROME, bad, Optional.empty(), EntryAttributes.defaults());
        assertEquals(Optional.of("p,p,p"), trust(fixture.chrome, "Cairn Added Distrusted"), "the CN is the nickname");

        CertificateStoreException twice = assertThrows(CertificateStoreException.class, () -> store.add(
                LogicalStore.UNTRUSTED, CHROME, bad, Optional.empty(), EntryAttributes.defaults()));
        assertTrue(twice.getMessage().contains("already in the NSS database " + CHROME), twice.getMessage());
        assertTrue(twice.getMessage().contains("in Untrusted Certificates"), twice.getMessage());
        CertificateStoreException none = assertThrows(CertificateStoreException.class, () -> store.add(
                LogicalStore.TRUSTED_ROOT, "NSS: nowhere", root, Optional.empty(), EntryAttributes.defaults()));
        assertTrue(none.getMessage().contains("there are: .Default, " + CHROME), none.getMessage());
    }

    @Test
    void trustChangesMoveACertificateBetweenStoresAsCertutilSees() throws Exception {
        X509Certificate root = newCertificate("Cairn Moved Root", "basicConstraints=critical,CA:true");
        CertificateEntry trusted = store.add(LogicalStore.TRUSTED_ROOT, CHROME, root, Optional.empty(),
                EntryAttributes.defaults().withFriendlyName("Moved Root"));
        assertEquals(Optional.of("CT,C,C"), trust(fixture.chrome, "Moved Root"), certutilList(fixture.chrome));

        // distrusted: NSS keeps the one copy, its trust now p,p,p, shown in Untrusted Certificates only
        CertificateEntry distrusted = store.add(LogicalStore.UNTRUSTED, CHROME, root, Optional.empty(),
                EntryAttributes.defaults());
        assertEquals(LogicalStore.UNTRUSTED, distrusted.logicalStore());
        assertEquals(Optional.of("p,p,p"), trust(fixture.chrome, "Moved Root"), "the nickname stays: "
                + certutilList(fixture.chrome));
        assertTrue(store.find(LogicalStore.TRUSTED_ROOT, trusted.thumbprint()).stream()
                .noneMatch(e -> e.physicalStores().contains(CHROME)), "no longer a trusted root in " + CHROME);
        assertEquals(1, certutilList(fixture.chrome).lines().filter(l -> l.startsWith("Moved Root ")).count());

        // back to an ordinary CA: no trust, Intermediate Certification Authorities
        store.add(LogicalStore.INTERMEDIATE, CHROME, root, Optional.empty(), EntryAttributes.defaults());
        assertEquals(Optional.of(",,"), trust(fixture.chrome, "Moved Root"), certutilList(fixture.chrome));
        assertTrue(store.find(LogicalStore.INTERMEDIATE, trusted.thumbprint()).isPresent());
        assertTrue(store.find(LogicalStore.UNTRUSTED, trusted.thumbprint()).stream()
                .noneMatch(e -> e.physicalStores().contains(CHROME)));

        // a certificate with its key stays in Personal: its trust is not changed behind the user's back
        CertificateEntry client = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.physicalStores().contains(CHROME) && e.hasPrivateKey()).findFirst().orElseThrow();
        String before = certutilList(fixture.chrome);
        CertificateStoreException refused = assertThrows(CertificateStoreException.class, () -> store.add(
                LogicalStore.TRUSTED_PEOPLE, CHROME, client.certificate(), Optional.empty(), EntryAttributes.defaults()));
        assertTrue(refused.getMessage().contains("one with its private key stays in Personal"), refused.getMessage());
        assertEquals(before, certutilList(fixture.chrome));
    }

    @Test
    void aDatabaseThisAccountCannotWriteIsShownReadOnlyWithTheReason() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root may write any file: the refusal needs an ordinary account");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> was = Files.getPosixFilePermissions(fixture.chrome);
        Files.setPosixFilePermissions(fixture.chrome, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            CertificateStore fresh = CertificateStores.create(StoreRoots.under(tmp.resolve("stores-ro")), Identity.current(),
                    List.of(CertificateStores.fileStoreProvider(), new NssStoreProvider(() -> new NssLocations(fixture.home)
                            .find()))).open(new Scope.CurrentUser());
            CertificateStore.PhysicalStoreInfo chrome = fresh.physicalStores(LogicalStore.TRUSTED_ROOT).stream()
                    .filter(p -> p.name().equals(CHROME)).findFirst().orElseThrow();
            assertFalse(chrome.writable());
            X509Certificate root = newCertificate("Cairn Refused Root", "basicConstraints=critical,CA:true");
            CertificateStoreException refused = assertThrows(CertificateStoreException.class, () -> fresh.add(
                    LogicalStore.TRUSTED_ROOT, CHROME, root, Optional.empty(), EntryAttributes.defaults()));
            assertTrue(refused.getMessage().contains("is not writable for you (owner "), refused.getMessage());
            assertEquals(Optional.empty(), trust(fixture.chrome, "Cairn Refused Root"));
        } finally {
            Files.setPosixFilePermissions(fixture.chrome, was);
        }
    }

    /**
     * An import into a named NSS database takes the certificates one at a time; when one is refused, the ones before
     * are taken out again, and a certificate whose trust the import changed gets its trust back: certutil -L shows
     * the database as it was.
     */
    @Test
    void anImportIntoTheDatabaseIsAllOrNothing() throws Exception {
        CertificateStoreService service = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")),
                Identity.current(), List.of(CertificateStores.fileStoreProvider(),
                        new NssStoreProvider(() -> new NssLocations(fixture.home).find())));
        X509Certificate ca = newCertificate("Cairn Bundle CA", "basicConstraints=critical,CA:true");
        X509Certificate root = newCertificate("Cairn Bundle Root", "basicConstraints=critical,CA:true");
        X509Certificate leaf = newCertificate("Cairn Bundle Leaf", "basicConstraints=critical,CA:false");
        store.add(LogicalStore.TRUSTED_ROOT, CHROME, root, Optional.empty(),
                EntryAttributes.defaults().withFriendlyName("Bundle Root"));
        String before = certutilList(fixture.chrome);
        // a new CA, the root (trusted now: the import would make it an ordinary CA), then an end-entity certificate,
        // which NSS cannot show in Intermediate Certification Authorities
        Path bundle = fixture.pki.resolve("bundle.pem");
        Files.writeString(bundle, pem(ca) + pem(root) + pem(leaf));
        ImportRequest request = ImportRequest.of(bundle, new char[0], new Scope.CurrentUser())
                .withStore(StoreChoice.chosen(LogicalStore.INTERMEDIATE, CHROME));
        ImportException refused = assertThrows(ImportException.class,
                () -> CertificateImportServices.create(service).importFile(request));
        assertTrue(refused.getMessage().contains("NSS would not show this certificate in Intermediate"),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("Nothing was imported."), refused.getMessage());
        assertEquals(Optional.empty(), trust(fixture.chrome, "Cairn Bundle CA"), certutilList(fixture.chrome));
        assertEquals(Optional.of("CT,C,C"), trust(fixture.chrome, "Bundle Root"), "its trust came back");
        assertEquals(Optional.empty(), trust(fixture.chrome, "Cairn Bundle Leaf"));
        assertEquals(before, certutilList(fixture.chrome));

        // without the end-entity certificate, both go in
        Files.writeString(bundle, pem(ca) + pem(root));
        CertificateImportServices.create(service).importFile(ImportRequest.of(bundle, new char[0],
                new Scope.CurrentUser()).withStore(StoreChoice.chosen(LogicalStore.INTERMEDIATE, CHROME)));
        assertEquals(Optional.of(",,"), trust(fixture.chrome, "Cairn Bundle CA"), certutilList(fixture.chrome));
        assertEquals(Optional.of(",,"), trust(fixture.chrome, "Bundle Root"), certutilList(fixture.chrome));
    }

    private static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /**
     * "Mark this key as exportable" unticked: pk12util imports every key extractable, so Cairn sets CKA_EXTRACTABLE
     * false after it, in a database with a primary password (the write logs in with it). The JDK's SunPKCS11 on the
     * same database, in another JVM, reads the flag back; softokn itself does not enforce it (see
     * NssStoreProvider.markNotExtractable), which pk12util's export shows.
     */
    @Test
    void aKeyImportedWithoutMarkAsExportableIsNotExtractable() throws Exception {
        String firefox = "sql:" + fixture.firefox;
        assertTrue(store.unlock(firefox, NssFixture.PRIMARY_PASSWORD.toCharArray()));
        X509Certificate client = newCertificate("Cairn Kept Client", "basicConstraints=critical,CA:false",
                "extendedKeyUsage=clientAuth");
        CertificateEntry added = store.add(LogicalStore.PERSONAL, FIREFOX, client, Optional.of(keyOf("Cairn Kept Client")),
                EntryAttributes.defaults().withFriendlyName("kept client").withExportable(false));
        assertTrue(added.hasPrivateKey());
        assertFalse(added.exportable());
        AccessDenial why = store.whyKeyNotExportable(added).orElseThrow();
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, why.reason());
        assertTrue(why.message().startsWith("NSS marks this private key as not extractable"), why.message());
        // the database's other key, imported by pk12util for the fixture, stays extractable, and the login held
        CertificateEntry other = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.physicalStores().contains(FIREFOX) && e.issuedTo().equals(NssFixture.CLIENT)).findFirst()
                .orElseThrow();
        assertTrue(other.exportable());

        Path program = fixture.pki.resolve("Flags.java");
        Files.writeString(program, """
                import java.nio.file.*;
                import java.security.*;
                public class Flags {
                    public static void main(String[] a) throws Exception {
                        Path cfg = Files.createTempFile("nss", ".cfg");
                        Files.writeString(cfg, "name = NSS\\nnssLibraryDirectory = /usr/lib/x86_64-linux-gnu\\n"
                            + "nssSecmodDirectory = " + a[0] + "\\nnssDbMode = readOnly\\nnssModule = keystore\\n");
                        Provider p = Security.getProvider("SunPKCS11").configure(cfg.toString());
                        Files.delete(cfg);
                        KeyStore ks = KeyStore.getInstance("PKCS11", p);
                        // SunPKCS11 hands a PIN's chars to C_Login as single bytes: give it the UTF-8 bytes NSS expects
                        byte[] utf8 = Files.readString(Path.of(a[1])).strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        char[] pin = new char[utf8.length];
                        for (int i = 0; i < utf8.length; i++) {
                            pin[i] = (char) (utf8[i] & 0xFF);
                        }
                        ks.load(null, pin);
                        System.out.println(ks.getKey(a[2], null));
                    }
                }
                """);
        // the primary password (not ASCII) in a UTF-8 file, as NSS's tools read it too
        Files.writeString(fixture.pki.resolve("pw.txt"), NssFixture.PRIMARY_PASSWORD + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String flags = NssFixture.run(fixture.pki, Map.of(), java, program.toString(), firefox, "pw.txt", "kept client");
        assertTrue(flags.contains("sensitive, unextractable"), flags);
        // what softokn makes of it: pk12util still exports the key (NSS 3.87)
        Files.writeString(fixture.pki.resolve("out.txt"), "out\n");
        String exported = NssFixture.run(fixture.pki, Map.of(), "pk12util", "-o", "kept.p12", "-d", firefox, "-n",
                "kept client", "-k", "pw.txt", "-w", "out.txt");
        assertTrue(exported.contains("EXPORT SUCCESSFUL"), exported);
    }

    @Test
    void importsACertificateWithItsKeyThroughPk12util() throws Exception {
        X509Certificate client = newCertificate("Cairn Added Client", "basicConstraints=critical,CA:false", "extendedKeyUsage=clientAuth");
        CertificateEntry added = store.add(LogicalStore.PERSONAL, CHROME, client, Optional.of(keyOf("Cairn Added Client")),
                EntryAttributes.defaults().withFriendlyName("My client"));
        assertTrue(added.hasPrivateKey());
        assertEquals(Optional.of("u,u,u"), trust(fixture.chrome, "My client"), certutilList(fixture.chrome));
        String keys = NssFixture.run(fixture.pki, Map.of(), "certutil", "-K", "-d", "sql:" + fixture.chrome);
        // the key's label is the nickname as the JDK's PKCS #12 writer hands it over (in lower case)
        assertTrue(keys.lines().anyMatch(l -> l.startsWith("<") && l.endsWith(" my client")), keys);
        // the key went in extractable: Cairn can take it out again, and it is the same key
        assertEquals(keyOf("Cairn Added Client"), store.exportablePrivateKey(added));
        // "Delete the private key if the export is successful": the key goes, the certificate stays (Other People)
        CertificateEntry withoutKey = store.deletePrivateKey(store.find(LogicalStore.PERSONAL, added.thumbprint()).orElseThrow());
        assertFalse(withoutKey.hasPrivateKey());
        assertEquals(LogicalStore.OTHER_PEOPLE, withoutKey.logicalStore());
        assertEquals(Optional.of(",,"), trust(fixture.chrome, "My client"), certutilList(fixture.chrome));
        String after = NssFixture.run(fixture.pki, Map.of(), "certutil", "-K", "-d", "sql:" + fixture.chrome);
        assertFalse(after.contains("my client"), after);
        assertTrue(after.contains(NssFixture.CLIENT), "the other key stays: " + after);
        try (var temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(temp.noneMatch(p -> p.getFileName().toString().startsWith("cairn-nss-")),
                    "the private folder with the transport file and its password is gone");
        }
    }

    @Test
    void deletesAndRenamesSeenByCertutil() throws Exception {
        CertificateEntry other = store.list(LogicalStore.OTHER_PEOPLE).entries().stream()
                .filter(e -> e.physicalStores().contains(CHROME)).findFirst().orElseThrow();
        assertEquals(Optional.empty(), store.whyNotModifiable(other));
        CertificateEntry renamed = store.setFriendlyName(other, "Renamed by Cairn");
        assertEquals("Renamed by Cairn", renamed.friendlyName());
        assertEquals(Optional.of(",,"), trust(fixture.chrome, "Renamed by Cairn"), certutilList(fixture.chrome));
        assertEquals(Optional.empty(), trust(fixture.chrome, NssFixture.OTHER));
        CertificateStoreException description = assertThrows(CertificateStoreException.class,
                () -> store.setDescription(renamed, "a note"));
        assertTrue(description.getMessage().contains("keeps only a certificate's nickname"), description.getMessage());

        store.delete(renamed);
        assertEquals(Optional.empty(), trust(fixture.chrome, "Renamed by Cairn"), certutilList(fixture.chrome));
        assertTrue(store.find(LogicalStore.OTHER_PEOPLE, other.thumbprint()).isEmpty()
                || !store.find(LogicalStore.OTHER_PEOPLE, other.thumbprint()).get().physicalStores().contains(CHROME));
        assertTrue(trust(fixture.firefox, NssFixture.OTHER).isPresent(), "the Firefox database was not touched");
    }

    @Test
    void aDatabaseWithAPrimaryPasswordTakesWritesAfterItIsGiven() throws Exception {
        X509Certificate peer = newCertificate("Cairn Added Peer", "basicConstraints=CA:false");
        CertificateStoreException locked = assertThrows(CertificateStoreException.class, () -> store.add(
                LogicalStore.TRUSTED_PEOPLE, FIREFOX, peer, Optional.empty(), EntryAttributes.defaults()));
        assertTrue(locked.getMessage().contains("primary password"), locked.getMessage());
        assertEquals(Optional.empty(), trust(fixture.firefox, "Cairn Added Peer"));

        assertTrue(store.unlock("sql:" + fixture.firefox, NssFixture.PRIMARY_PASSWORD.toCharArray()));
        store.add(LogicalStore.TRUSTED_PEOPLE, FIREFOX, peer, Optional.empty(), EntryAttributes.defaults());
        assertEquals(Optional.of("P,P,P"), trust(fixture.firefox, "Cairn Added Peer"), certutilList(fixture.firefox));
    }

    @Test
    void aRunningFirefoxHoldsItsDatabase() throws Exception {
        assertTrue(store.unlock("sql:" + fixture.firefox, NssFixture.PRIMARY_PASSWORD.toCharArray()));
        X509Certificate peer = newCertificate("Cairn Refused Peer", "basicConstraints=CA:false");
        // Firefox's lock: a symbolic link to ADDRESS:+PID of a live process (this test's JVM stands in for it)
        Path lock = fixture.firefox.resolve("lock");
        Files.createSymbolicLink(lock, Path.of("127.0.0.1:+" + ProcessHandle.current().pid()));
        try {
            CertificateStoreException held = assertThrows(CertificateStoreException.class, () -> store.add(
                    LogicalStore.TRUSTED_PEOPLE, FIREFOX, peer, Optional.empty(), EntryAttributes.defaults()));
            assertTrue(held.getMessage().startsWith("Firefox is running with this profile"), held.getMessage());
            assertTrue(held.getMessage().contains("Close Firefox and try again"), held.getMessage());
        } finally {
            Files.delete(lock);
        }
        // a stale lock (its process is gone, as after a crash) does not hold it
        Files.createSymbolicLink(lock, Path.of("127.0.0.1:+" + Integer.MAX_VALUE));
        CertificateEntry entry = store.add(LogicalStore.TRUSTED_PEOPLE, FIREFOX, peer, Optional.empty(),
                EntryAttributes.defaults());
        assertEquals(List.of(FIREFOX), entry.physicalStores());
        assertEquals(Optional.of("P,P,P"), trust(fixture.firefox, "Cairn Refused Peer"));
        Files.delete(lock);

        // .parentlock, locked (fcntl) by another process as Firefox locks it
        Path parent = fixture.firefox.resolve(".parentlock");
        Files.writeString(parent, "");
        Process holder = new ProcessBuilder("python3", "-c", "import fcntl,sys,time\n"
                + "f=open(sys.argv[1],'r+')\nfcntl.lockf(f,fcntl.LOCK_EX)\nprint('locked',flush=True)\ntime.sleep(120)\n",
                parent.toString()).redirectErrorStream(true).start();
        try {
            assertEquals("locked", new String(holder.getInputStream().readNBytes(6)));
            assertTrue(store.whyNotModifiable(entry).orElseThrow().message().startsWith("Firefox is running"),
                    store.whyNotModifiable(entry).toString());
            assertThrows(CertificateStoreException.class, () -> store.delete(entry));
            assertEquals(Optional.of("P,P,P"), trust(fixture.firefox, "Cairn Refused Peer"), "nothing was deleted");
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
        assertEquals(Optional.empty(), store.whyNotModifiable(entry), "Firefox closed: writable again");
        store.delete(entry);
        assertEquals(Optional.empty(), trust(fixture.firefox, "Cairn Refused Peer"), certutilList(fixture.firefox));
    }
}
