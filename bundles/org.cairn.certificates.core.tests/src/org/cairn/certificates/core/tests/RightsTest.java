package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rights answers for an account that is neither root nor the owner of the files. The tests run as root in CI, so the
 * refused account is an injected identity; the check itself is the real one (file owner, uid 0).
 */
class RightsTest {

    @TempDir
    Path tmp;

    static Stream<Scope> scopes() {
        return Stream.of(Scope.computer(), Scope.service("web"), Scope.currentUser());
    }

    private CertificateEntry storedByOwner(Scope scope, GeneratedCertificate g, boolean exportable) throws Exception {
        CertificateStore owners = Fixtures.service(tmp, Fixtures.owner()).open(scope);
        return owners.add(LogicalStore.PERSONAL, g.certificate(), Optional.of(g.privateKey()),
                EntryAttributes.defaults().withExportable(exportable));
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void strangerMaySeeButNotUseOrChangeAnotherAccountsKeys(Scope scope) throws Exception {
        GeneratedCertificate g = Fixtures.selfSigned("svc");
        storedByOwner(scope, g, true);
        CertificateStore stranger = Fixtures.service(tmp, Fixtures.stranger()).open(scope);
        CertificateEntry seen = stranger.list(LogicalStore.PERSONAL).entries().get(0);
        assertTrue(seen.hasPrivateKey(), "that a key exists is public");

        AccessDenial why = stranger.whyKeyNotExportable(seen).orElseThrow();
        assertEquals(AccessDenial.Reason.NO_ACCESS, why.reason());
        assertTrue(why.message().contains("stranger (uid " + Fixtures.stranger().uid() + ")"), why.message());
        assertTrue(why.message().contains("root or the account owning"), why.message());
        assertDenied(AccessDenial.Reason.NO_ACCESS, () -> stranger.exportablePrivateKey(seen));
        assertEquals(AccessDenial.Reason.NO_ACCESS, stranger.whyKeyNotDeletable(seen).orElseThrow().reason());
        assertDenied(AccessDenial.Reason.NO_ACCESS, () -> stranger.deletePrivateKey(seen));

        assertEquals(AccessDenial.Reason.NO_ACCESS, stranger.whyNotModifiable(seen).orElseThrow().reason());
        assertEquals(AccessDenial.Reason.NO_ACCESS, stranger.whyCannotAdd(LogicalStore.OTHER_PEOPLE).orElseThrow().reason());
        assertDenied(AccessDenial.Reason.NO_ACCESS, () -> stranger.delete(seen));
        assertDenied(AccessDenial.Reason.NO_ACCESS, () -> stranger.setFriendlyName(seen, "mine now"));
        GeneratedCertificate other = Fixtures.selfSigned("other");
        assertDenied(AccessDenial.Reason.NO_ACCESS, () -> stranger.add(LogicalStore.OTHER_PEOPLE, other.certificate(),
                Optional.empty(), EntryAttributes.defaults()));

        CertificateStore owners = Fixtures.service(tmp, Fixtures.owner()).open(scope);
        CertificateEntry intact = owners.list(LogicalStore.PERSONAL).entries().get(0);
        assertTrue(intact.hasPrivateKey(), "nothing was changed by the refused calls");
        assertEquals("", intact.friendlyName());
        assertArrayEquals(g.privateKey().getEncoded(), owners.exportablePrivateKey(intact).getEncoded());
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void missingAccessIsReportedBeforeTheExportableFlag(Scope scope) throws Exception {
        storedByOwner(scope, Fixtures.selfSigned("locked"), false);
        CertificateStore stranger = Fixtures.service(tmp, Fixtures.stranger()).open(scope);
        CertificateEntry seen = stranger.list(LogicalStore.PERSONAL).entries().get(0);
        assertEquals(AccessDenial.Reason.NO_ACCESS, stranger.whyKeyNotExportable(seen).orElseThrow().reason());
        CertificateStore owners = Fixtures.service(tmp, Fixtures.owner()).open(scope);
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, owners.whyKeyNotExportable(seen).orElseThrow().reason());
    }

    @ParameterizedTest
    @MethodSource("scopes")
    void theAccountOwningTheFilesMayUseThem(Scope scope) throws Exception {
        assumeTrue(Fixtures.owner().isRoot(), "handing files to another account needs root; as non-root the owner case is "
                + "what every other test does");
        GeneratedCertificate g = Fixtures.selfSigned("handed over");
        CertificateEntry entry = storedByOwner(scope, g, true);
        Path root = StoreRoots.under(tmp).root(scope);
        Identity account = Fixtures.stranger();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.setAttribute(p, "unix:uid", account.uid(), LinkOption.NOFOLLOW_LINKS);
            }
        }
        CertificateStore asOwner = Fixtures.service(tmp, account).open(scope);
        assertEquals(Optional.empty(), asOwner.whyKeyNotExportable(entry));
        assertArrayEquals(g.privateKey().getEncoded(), asOwner.exportablePrivateKey(entry).getEncoded());
        assertEquals(Optional.empty(), asOwner.whyCannotAdd(LogicalStore.PERSONAL));
        assertEquals("renamed", asOwner.setFriendlyName(entry, "renamed").friendlyName());

        CertificateStore asRoot = Fixtures.service(tmp, new Identity(0, "root")).open(scope);
        assertEquals(Optional.empty(), asRoot.whyKeyNotExportable(entry), "root may use any account's keys");
        assertEquals(Optional.empty(), asRoot.whyNotModifiable(entry));

        CertificateStore someoneElse = Fixtures.service(tmp, new Identity(account.uid() + 1, "third")).open(scope);
        assertEquals(AccessDenial.Reason.NO_ACCESS, someoneElse.whyKeyNotExportable(entry).orElseThrow().reason());
    }

    private static void assertDenied(AccessDenial.Reason reason, Executable call) {
        CertificateStoreException e = assertThrows(CertificateStoreException.class, call);
        assertEquals(reason, e.denial().orElseThrow(() -> new AssertionError("no denial in: " + e.getMessage())).reason());
    }
}
