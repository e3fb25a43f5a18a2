package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A corrupt entry is reported with its path and skipped; it never hides the others or stops the store. */
class CorruptEntriesTest {

    /** How the entry directory is damaged, and a word the problem message must contain. */
    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("truncated certificate", "not a readable X.509", (BiConsumer<Path, String>) (dir, t) ->
                        write(dir.resolve("cert.der"), new byte[] { 0x30, (byte) 0x82, 0x01 })),
                Arguments.of("missing certificate", "has no cert.der", (BiConsumer<Path, String>) (dir, t) ->
                        delete(dir.resolve("cert.der"))),
                Arguments.of("missing properties", "has no properties", (BiConsumer<Path, String>) (dir, t) ->
                        delete(dir.resolve("properties"))),
                Arguments.of("properties from the future", "newer Cairn", (BiConsumer<Path, String>) (dir, t) ->
                        write(dir.resolve("properties"), "cairn-certificate-entry 9\nfriendlyName=\ndescription=\nexportable=true\n".getBytes())),
                Arguments.of("truncated properties", "truncated", (BiConsumer<Path, String>) (dir, t) ->
                        write(dir.resolve("properties"), "cairn-certificate-entry 1\nfriendlyName=x\ndescr".getBytes())),
                Arguments.of("garbage properties", "does not start with", (BiConsumer<Path, String>) (dir, t) ->
                        write(dir.resolve("properties"), new byte[] { 0, 1, 2, 3 })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void damagedEntryIsReportedWithItsPathAndTheOthersStillList(String what, String expected,
            BiConsumer<Path, String> damage, @TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry good = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("good"));
        CertificateEntry bad = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("bad"));
        Path badDir = tmp.resolve("user/My").resolve(bad.thumbprint());
        damage.accept(badDir, bad.thumbprint());

        StoreListing listing = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser()).list(LogicalStore.PERSONAL);
        assertEquals(List.of(good), listing.entries());
        assertEquals(1, listing.problems().size());
        StoreProblem problem = listing.problems().get(0);
        assertEquals(badDir.toString(), problem.location());
        assertTrue(problem.message().contains(expected), problem.message());
        assertEquals(listing, store.list(LogicalStore.PERSONAL), "served again from the index, problems included");

        // the good entry stays fully usable; the bad one can still be deleted by the user
        store.putProperty(good, "still", "works");
        assertEquals(1, store.list(LogicalStore.PERSONAL).problems().size());
    }

    @Test
    void strayFilesAndWrongDirectoryNamesAreProblemsNotEntries(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry good = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("good"));
        Path dir = tmp.resolve("user/My");
        Files.writeString(dir.resolve("notes.txt"), "hello");
        CertificateEntry moved = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("moved"));
        Path wrongName = dir.resolve("0000000000000000000000000000000000000000");
        Files.move(dir.resolve(moved.thumbprint()), wrongName);

        StoreListing listing = store.list(LogicalStore.PERSONAL);
        assertEquals(List.of(good), listing.entries());
        assertEquals(List.of(wrongName.toString(), dir.resolve("notes.txt").toString()),
                listing.problems().stream().map(StoreProblem::location).sorted().toList());
        assertTrue(listing.problems().stream().anyMatch(p -> p.message().contains("not the directory's name")));
    }

    @Test
    void damagedKeyFileIsReportedOnExportWithItsPath(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry entry = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("key"));
        Path key = tmp.resolve("user/My").resolve(entry.thumbprint()).resolve("key.p8");
        Files.write(key, new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 });
        CertificateStoreException e = assertThrows(CertificateStoreException.class, () -> store.exportablePrivateKey(entry));
        assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("damaged"), e.getMessage());
        assertTrue(e.denial().isEmpty(), "damage is not a refusal");
    }

    @Test
    void certificateDeletedAfterListingGivesAnActionableMessage(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("gone"));
        CertificateEntry listed = store.list(LogicalStore.PERSONAL).entries().get(0);
        store.delete(listed);
        CertificateStoreException e = assertThrows(CertificateStoreException.class, listed::certificate);
        assertTrue(e.getMessage().contains("Refresh the view"), e.getMessage());
    }

    private static void write(Path p, byte[] data) {
        try {
            Files.write(p, data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
