package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopesAndNamesTest {

    @ParameterizedTest
    @CsvSource({
            "My, Personal, PERSONAL",
            "Root, Trusted Root Certification Authorities, TRUSTED_ROOT",
            "Trust, Enterprise Trust, ENTERPRISE_TRUST",
            "CA, Intermediate Certification Authorities, INTERMEDIATE",
            "TrustedPublisher, Trusted Publishers, TRUSTED_PUBLISHERS",
            "Disallowed, Untrusted Certificates, UNTRUSTED",
            "AuthRoot, Third-Party Root Certification Authorities, THIRD_PARTY_ROOT",
            "TrustedPeople, Trusted People, TRUSTED_PEOPLE",
            "ClientAuthIssuer, Client Authentication Issuers, CLIENT_AUTH_ISSUERS",
            "AddressBook, Other People, OTHER_PEOPLE" })
    void logicalStoresHaveWindowsNamesAndShortNames(String shortName, String displayName, LogicalStore store) {
        assertEquals(store, LogicalStore.fromShortName(shortName).orElseThrow());
        assertEquals(store, LogicalStore.fromShortName(shortName.toUpperCase()).orElseThrow());
        assertEquals(displayName, store.displayName());
        assertEquals(shortName, store.shortName());
    }

    @Test
    void unknownShortNameIsRefusedWithTheAcceptedNames() {
        assertTrue(LogicalStore.fromShortName("Mine").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogicalStore.parse("Mine"));
        assertTrue(e.getMessage().contains("My, Root, Trust, CA"), e.getMessage());
    }

    @Test
    void scopesRoundTripThroughTokens() {
        for (Scope scope : new Scope[] { Scope.currentUser(), Scope.computer(), Scope.service("nginx") }) {
            assertEquals(scope, Scope.fromToken(scope.token()));
        }
        assertEquals("Certificates - Service (nginx)", Scope.service("nginx").displayName());
        assertThrows(IllegalArgumentException.class, () -> Scope.fromToken("machine"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "..", "../etc", "a/b", ".hidden", "-x", "with space" })
    void serviceNamesThatCouldEscapeTheirDirectoryAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> Scope.service(name));
    }

    @Test
    void storeRootVariableMovesEveryScopeUnderIt(@TempDir Path tmp) {
        StoreRoots roots = StoreRoots.fromEnvironment(Map.of("CAIRN_STORE_ROOT", tmp.toString()), Path.of("/home/x"));
        assertEquals(tmp.resolve("user"), roots.root(Scope.currentUser()));
        assertEquals(tmp.resolve("computer"), roots.root(Scope.computer()));
        assertEquals(tmp.resolve("services/web"), roots.root(Scope.service("web")));
    }

    @Test
    void realDefaultsFollowTheDesign() {
        StoreRoots roots = StoreRoots.fromEnvironment(Map.of(), Path.of("/home/x"));
        assertEquals(Path.of("/home/x/.local/share/cairn/certificates"), roots.root(Scope.currentUser()));
        assertEquals(Path.of("/var/lib/cairn/certificates"), roots.root(Scope.computer()));
        assertEquals(Path.of("/var/lib/cairn/services/web/certificates"), roots.root(Scope.service("web")));
        StoreRoots xdg = StoreRoots.fromEnvironment(Map.of("XDG_DATA_HOME", "/data"), Path.of("/home/x"));
        assertEquals(Path.of("/data/cairn/certificates"), xdg.root(Scope.currentUser()));
        StoreRoots relative = StoreRoots.fromEnvironment(Map.of("XDG_DATA_HOME", "rel"), Path.of("/home/x"));
        assertEquals(Path.of("/home/x/.local/share/cairn/certificates"), relative.root(Scope.currentUser()));
    }

    @Test
    void usersRootIsCreatedOwnerOnlyOnFirstUse(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        Path root = tmp.resolve("user");
        assertTrue(Files.isDirectory(root));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));
        assertTrue(store.list(LogicalStore.PERSONAL).entries().isEmpty());
        assertFalse(Files.exists(tmp.resolve("computer")), "other scopes are created only when written");
    }

    @Test
    void currentIdentityComesFromTheOperatingSystem() throws Exception {
        Identity me = Identity.current();
        Process id = new ProcessBuilder("id", "-u").start();
        assertEquals(new String(id.getInputStream().readAllBytes()).trim(), String.valueOf(me.uid()));
        assertEquals(me.uid() == 0, me.isRoot());
    }
}
