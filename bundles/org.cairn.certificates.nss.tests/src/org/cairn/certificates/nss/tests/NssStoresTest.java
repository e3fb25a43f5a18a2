package org.cairn.certificates.nss.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.nss.internal.NssDatabase;
import org.cairn.certificates.nss.internal.NssLocations;
import org.cairn.certificates.nss.internal.NssStoreProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The user's NSS databases, made by certutil and pk12util, seen as physical stores of the current user. */
class NssStoresTest {

    private static final String CHROME = "NSS: Chrome and system";
    private static final String FIREFOX = "Firefox: default-release";

    @TempDir
    static Path tmp;
    static NssFixture fixture;
    static CertificateStore store;

    @BeforeAll
    static void databases() throws Exception {
        fixture = NssFixture.create(tmp.resolve("home"));
        NssStoreProvider nss = new NssStoreProvider(() -> new NssLocations(fixture.home).find());
        store = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider(), nss)).open(new Scope.CurrentUser());
    }

    @Test
    void testsNeverSeeTheRealHome() {
        String home = System.getenv("HOME");
        assertTrue(home != null && home.contains("target"), "the test JVM's HOME is the build's own: " + home);
        assertFalse(Files.exists(Path.of(home, ".pki")), "nothing made a database in the test home");
    }

    @Test
    void findsChromesDatabaseAndFirefoxProfilesFromHome() throws Exception {
        Path snap = fixture.home.resolve("snap/firefox/common/.mozilla/firefox");
        Files.createDirectories(snap.resolve("abc.default"));
        Files.copy(fixture.chrome.resolve("cert9.db"), snap.resolve("abc.default/cert9.db"));
        Files.writeString(snap.resolve("profiles.ini"), "[Profile0]\nName=default\nIsRelative=1\nPath=abc.default\n");
        try {
            List<NssDatabase> found = new NssLocations(fixture.home).find();
            assertEquals(List.of(CHROME, FIREFOX, "Firefox (snap): default"), found.stream().map(NssDatabase::name).toList());
            assertEquals(fixture.chrome, found.get(0).directory());
            assertEquals(fixture.firefox, found.get(1).directory());
            assertEquals(fixture.firefox.resolve("lock"), found.get(1).lockFile());
            assertEquals("sql:" + fixture.firefox, found.get(1).location());
        } finally {
            Files.delete(snap.resolve("abc.default/cert9.db"));
        }
        assertEquals(List.of(), new NssLocations(tmp.resolve("empty-home")).find(), "a home without NSS has none");
    }

    @Test
    void placesEveryCertificateByItsNssTrust() throws Exception {
        Map<LogicalStore, List<String>> expected = new TreeMap<>(Map.of(
                LogicalStore.PERSONAL, List.of(NssFixture.CLIENT),
                LogicalStore.TRUSTED_ROOT, List.of(NssFixture.ROOT),
                LogicalStore.INTERMEDIATE, List.of(NssFixture.INTERMEDIATE),
                LogicalStore.UNTRUSTED, List.of(NssFixture.DISTRUSTED),
                LogicalStore.TRUSTED_PEOPLE, List.of(NssFixture.PEER),
                LogicalStore.CLIENT_AUTH_ISSUERS, List.of(NssFixture.CLIENT_CA),
                LogicalStore.OTHER_PEOPLE, List.of(NssFixture.OTHER)));
        Map<LogicalStore, List<String>> seen = new TreeMap<>();
        for (LogicalStore logical : LogicalStore.values()) {
            List<String> names = store.list(logical).entries().stream()
                    .filter(e -> e.physicalStores().contains(CHROME)).map(CertificateEntry::issuedTo).sorted().toList();
            if (!names.isEmpty()) {
                seen.put(logical, names);
            }
        }
        assertEquals(expected, seen);
        CertificateEntry client = only(LogicalStore.PERSONAL, NssFixture.CLIENT, CHROME);
        assertTrue(client.hasPrivateKey());
        assertTrue(client.exportable(), "pk12util imports keys extractable");
        assertEquals(NssFixture.CLIENT, client.friendlyName(), "the NSS nickname is the friendly name");
        assertEquals("sql:" + fixture.chrome, client.location().orElseThrow());
    }

    @Test
    void showsTheNssTrustPerPurpose() throws Exception {
        CertificateEntry root = only(LogicalStore.TRUSTED_ROOT, NssFixture.ROOT, CHROME);
        // what certutil -t "C,," writes: a trust anchor for servers, a valid CA for clients, the rest from the chain
        assertTrue(root.description().startsWith("NSS trust (C,,): Server Authentication: trusted as a certification "
                + "authority; Client Authentication: valid certification authority, not a trust anchor; Secure Email: "
                + "verified through its chain; Code Signing: verified through its chain."), root.description());
        CertificateEntry bad = only(LogicalStore.UNTRUSTED, NssFixture.DISTRUSTED, CHROME);
        assertTrue(bad.description().startsWith("NSS trust (p,p,p): Server Authentication: distrusted;"), bad.description());
        CertificateEntry issuer = only(LogicalStore.CLIENT_AUTH_ISSUERS, NssFixture.CLIENT_CA, CHROME);
        assertTrue(issuer.description().contains("Client Authentication: trusted as a certification authority"),
                issuer.description());
        CertificateEntry client = only(LogicalStore.PERSONAL, NssFixture.CLIENT, CHROME);
        assertTrue(client.description().startsWith("NSS trust (u,u,u)"), client.description());
        assertFalse(root.exportable());
    }

    @Test
    void listsEachDatabaseAsAPhysicalStoreWithItsOrigin() throws Exception {
        List<CertificateStore.PhysicalStoreInfo> personal = store.physicalStores(LogicalStore.PERSONAL);
        assertEquals(List.of(".Default", CHROME, FIREFOX), personal.stream().map(CertificateStore.PhysicalStoreInfo::name).toList());
        assertEquals("sql:" + fixture.chrome, personal.get(1).location());
        assertEquals("sql:" + fixture.firefox, personal.get(2).location());
        assertTrue(personal.get(1).writable(), "through certutil and pk12util");
        assertEquals(List.of(".Default"), store.physicalStores(LogicalStore.TRUSTED_PUBLISHERS).stream()
                .map(CertificateStore.PhysicalStoreInfo::name).toList(), "NSS places nothing in Trusted Publishers");
        assertEquals(List.of(), CertificateStores.create(StoreRoots.under(tmp.resolve("computer")), Identity.current(),
                List.of(new NssStoreProvider(() -> new NssLocations(fixture.home).find())))
                .open(new Scope.Computer()).physicalStores(LogicalStore.PERSONAL), "the databases are the user's");
    }

    @Test
    void aPrimaryPasswordHidesTheKeysUntilItIsGiven() throws Exception {
        assertEquals(List.of("sql:" + fixture.firefox), store.lockedStores().stream()
                .map(CertificateStore.PhysicalStoreInfo::location).toList());
        StoreListing personal = store.list(LogicalStore.PERSONAL);
        assertTrue(personal.entries().stream().noneMatch(e -> e.physicalStores().contains(FIREFOX)));
        assertTrue(personal.problems().stream().anyMatch(p -> p.physicalStore().equals(FIREFOX)
                && p.message().contains("primary password")), personal.problems().toString());
        // until then, NSS shows the certificate without its key
        only(LogicalStore.OTHER_PEOPLE, NssFixture.CLIENT, FIREFOX);

        assertFalse(store.unlock("sql:" + fixture.firefox, "wrong".toCharArray()));
        assertEquals(1, store.lockedStores().size());
        assertTrue(store.unlock("sql:" + fixture.firefox, NssFixture.PRIMARY_PASSWORD.toCharArray()));
        assertEquals(List.of(), store.lockedStores());
        CertificateEntry client = only(LogicalStore.PERSONAL, NssFixture.CLIENT, FIREFOX);
        assertTrue(client.hasPrivateKey());
        assertTrue(store.list(LogicalStore.PERSONAL).problems().isEmpty());
        assertEquals(List.of(NssFixture.ROOT), store.list(LogicalStore.TRUSTED_ROOT).entries().stream()
                .filter(e -> e.physicalStores().contains(FIREFOX)).map(CertificateEntry::issuedTo).toList());
    }

    private static CertificateEntry only(LogicalStore logical, String cn, String physical) throws Exception {
        List<CertificateEntry> found = store.list(logical).entries().stream()
                .filter(e -> e.issuedTo().equals(cn) && e.physicalStores().contains(physical)).toList();
        assertEquals(1, found.size(), () -> cn + " in " + logical + " of " + physical + ": " + found);
        return found.get(0);
    }
}
