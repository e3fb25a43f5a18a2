package org.cairn.certificates.core.tests;

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
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes of several entries at once ({@link CertificateStore#addAll}): all or none, through the journal in the
 * scope's {@code .cairn/}. The states a killed writer leaves are built here by hand, exactly as the writer leaves
 * them; {@link BatchKillTest} kills real writers.
 */
class JournalTest {

    @TempDir
    Path tmp;
    CertificateStore store;

    @BeforeEach
    void open() throws Exception {
        store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
    }

    private static NewEntry withKey(LogicalStore target, GeneratedCertificate g) {
        return new NewEntry(target, g.certificate(), Optional.of(g.privateKey()), g.attributes());
    }

    private List<String> thumbprints(LogicalStore target) throws Exception {
        return store.list(target).entries().stream().map(CertificateEntry::thumbprint).sorted().toList();
    }

    @Test
    void addAllAddsToSeveralStoresAtOnceAndKeepsTheIndexCurrent() throws Exception {
        CertificateEntry before = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("before"));
        store.list(LogicalStore.PERSONAL); // builds the index
        GeneratedCertificate a = Fixtures.selfSigned("a");
        GeneratedCertificate b = Fixtures.selfSigned("b");
        GeneratedCertificate ca = Fixtures.selfSigned("ca");
        List<CertificateEntry> added = store.addAll(List.of(withKey(LogicalStore.PERSONAL, a), withKey(LogicalStore.PERSONAL, b),
                new NewEntry(LogicalStore.INTERMEDIATE, ca.certificate(), Optional.empty(), EntryAttributes.defaults())));
        assertEquals(List.of("a", "b", "ca"), added.stream().map(CertificateEntry::issuedTo).toList());
        assertEquals(List.of("a", "b", "before"), store.list(LogicalStore.PERSONAL).entries().stream().map(CertificateEntry::issuedTo).toList());
        assertEquals(1, store.list(LogicalStore.INTERMEDIATE).entries().size());
        assertTrue(added.get(0).hasPrivateKey());
        ChildProcessTests.assertKeyMatches(added.get(0), store.exportablePrivateKey(added.get(0)));
        String index = Files.readString(tmp.resolve("user/My/.cairn/index"));
        String[] generation = Files.readString(tmp.resolve("user/My/.cairn/generation")).trim().split(" ");
        assertTrue(index.startsWith("cairn-store-index 3 " + generation[2] + ":" + generation[3] + " "),
                "the index was brought to the new generation: " + index.lines().findFirst().orElse(""));
        assertTrue(index.contains(before.thumbprint()) && index.contains(added.get(1).thumbprint()), index);
        assertFalse(Files.exists(tmp.resolve("user/.cairn/journal")), "the journal is gone once the change is done");
        assertEmpty(tmp.resolve("user/My/.cairn/tmp"));
        assertEmpty(tmp.resolve("user/CA/.cairn/tmp"));
    }

    @Test
    void oneCertificateAlreadyThereRefusesTheWholeBatch() throws Exception {
        GeneratedCertificate there = Fixtures.selfSigned("there");
        Fixtures.addWithKey(store, LogicalStore.PERSONAL, there);
        CertificateStoreException e = assertThrows(CertificateStoreException.class, () -> store.addAll(List.of(
                withKey(LogicalStore.PERSONAL, Fixtures.selfSigned("new")), withKey(LogicalStore.INTERMEDIATE, Fixtures.selfSigned("ca")),
                withKey(LogicalStore.PERSONAL, there))));
        assertTrue(e.getMessage().contains("already in Personal"), e.getMessage());
        assertEquals(1, store.list(LogicalStore.PERSONAL).entries().size());
        assertEquals(List.of(), store.list(LogicalStore.INTERMEDIATE).entries());
        assertEmpty(tmp.resolve("user/My/.cairn/tmp"));
    }

    @Test
    void aKeyOfAnotherCertificateOrATwiceListedEntryRefusesTheWholeBatch() throws Exception {
        GeneratedCertificate a = Fixtures.selfSigned("a");
        GeneratedCertificate b = Fixtures.selfSigned("b");
        CertificateStoreException wrongKey = assertThrows(CertificateStoreException.class, () -> store.addAll(List.of(
                withKey(LogicalStore.PERSONAL, a),
                new NewEntry(LogicalStore.PERSONAL, b.certificate(), Optional.of(a.privateKey()), EntryAttributes.defaults()))));
        assertTrue(wrongKey.getMessage().contains("does not belong"), wrongKey.getMessage());
        CertificateStoreException twice = assertThrows(CertificateStoreException.class, () -> store.addAll(List.of(
                withKey(LogicalStore.PERSONAL, a), withKey(LogicalStore.INTERMEDIATE, b), withKey(LogicalStore.PERSONAL, a))));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
        assertEquals(List.of(), store.listAll().entries());
    }

    @Test
    void aBatchCommittedByAWriterThatDiedIsCompletedByTheNextListing() throws Exception {
        CertificateEntry kept = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("kept"));
        store.list(LogicalStore.PERSONAL); // an index that the replay must make stale
        List<GeneratedCertificate> batch = List.of(Fixtures.selfSigned("b1"), Fixtures.selfSigned("b2"), Fixtures.selfSigned("b3"));
        List<String> expected = killedAfterCommit(tmp, "user", LogicalStore.PERSONAL, batch, 1);
        expected.add(kept.thumbprint());
        assertEquals(expected.stream().sorted().toList(), thumbprints(LogicalStore.PERSONAL), "all of the batch, after the replay");
        assertFalse(Files.exists(tmp.resolve("user/.cairn/journal")));
        assertEmpty(tmp.resolve("user/My/.cairn/tmp"));
        for (CertificateEntry e : store.list(LogicalStore.PERSONAL).entries()) {
            ChildProcessTests.assertKeyMatches(e, store.exportablePrivateKey(e));
        }
    }

    @Test
    void aBatchCommittedByAWriterThatDiedIsCompletedBeforeTheNextChange() throws Exception {
        Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("kept"));
        List<String> expected = killedAfterCommit(tmp, "user", LogicalStore.PERSONAL,
                List.of(Fixtures.selfSigned("b1"), Fixtures.selfSigned("b2")), 0);
        // the change's clean-up of tmp/ must not take the committed entries with it
        store.add(LogicalStore.INTERMEDIATE, Fixtures.selfSigned("other").certificate(), Optional.empty(), EntryAttributes.defaults());
        assertTrue(thumbprints(LogicalStore.PERSONAL).containsAll(expected), "the batch was completed, not cleaned away");
        assertEquals(3, thumbprints(LogicalStore.PERSONAL).size());
    }

    @Test
    void findDoesNotSeeHalfABatchEither() throws Exception {
        Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("kept"));
        List<String> batch = killedAfterCommit(tmp, "user", LogicalStore.PERSONAL,
                List.of(Fixtures.selfSigned("b1"), Fixtures.selfSigned("b2")), 1);
        for (String thumbprint : batch) {
            assertTrue(store.find(LogicalStore.PERSONAL, thumbprint).isPresent(), "completed before find answers");
        }
    }

    @Test
    void aDamagedJournalIsSetAsideAndItsEntriesAreNotAdded() throws Exception {
        CertificateEntry kept = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("kept"));
        killedAfterCommit(tmp, "user", LogicalStore.PERSONAL, List.of(Fixtures.selfSigned("b1"), Fixtures.selfSigned("b2")), 0);
        Path journal = tmp.resolve("user/.cairn/journal");
        String text = Files.readString(journal);
        Files.writeString(journal, text.substring(0, text.length() - "end\n".length())); // as if cut off
        assertEquals(List.of(kept.thumbprint()), thumbprints(LogicalStore.PERSONAL));
        assertFalse(Files.exists(journal));
        try (Stream<Path> aside = Files.list(tmp.resolve("user/.cairn"))) {
            assertTrue(aside.anyMatch(p -> p.getFileName().toString().startsWith("journal.damaged-")), "kept for a look");
        }
        store.putProperty(kept, "next", "change");
        assertEmpty(tmp.resolve("user/My/.cairn/tmp"));
    }

    @Test
    void anIndexOfTheFormerVersionOrOfAnUnfinishedChangeIsRebuiltNotTrusted() throws Exception {
        CertificateEntry entry = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("real"));
        store.list(LogicalStore.PERSONAL);
        Path index = tmp.resolve("user/My/.cairn/index");
        Path generation = tmp.resolve("user/My/.cairn/generation");
        String current = Files.readString(index);
        String line = current.substring(current.indexOf('\n') + 1);
        String ghost = line.replace(entry.thumbprint(), "A".repeat(40)).replace("\treal\t", "\tghost\t");

        // version 2, stamped with the directory's mtime: never trusted
        long mtime = Files.getLastModifiedTime(tmp.resolve("user/My")).to(java.util.concurrent.TimeUnit.NANOSECONDS);
        Files.writeString(index, "cairn-store-index 2 " + mtime + "\n" + line + ghost);
        assertEquals(List.of(entry.thumbprint()), thumbprints(LogicalStore.PERSONAL));
        assertTrue(Files.readString(index).startsWith("cairn-store-index 3 "), "rebuilt in the current version");

        // the current version, but the generation is odd: a writer died in the middle of a change
        String header = Files.readString(index).lines().findFirst().orElseThrow();
        Files.writeString(index, header + "\n" + line + ghost);
        String[] g = Files.readString(generation).trim().split(" ");
        Files.writeString(generation, "cairn-store-generation 1 " + g[2] + " " + (Long.parseLong(g[3]) + 1) + "\n",
                StandardCharsets.US_ASCII);
        assertEquals(List.of(entry.thumbprint()), thumbprints(LogicalStore.PERSONAL));

        // a counter that started again (the generation file lost): another nonce, so the old index never matches
        header = Files.readString(index).lines().findFirst().orElseThrow();
        Files.writeString(index, header + "\n" + line + ghost);
        Files.delete(generation);
        assertEquals(List.of(entry.thumbprint()), thumbprints(LogicalStore.PERSONAL));
        assertFalse(Files.readString(index).contains("ghost"));
    }

    /**
     * Leaves the store as a batch writer killed right after its commit point leaves it: the batch's entries staged
     * in the store's {@code .cairn/tmp} and the journal naming them, the first {@code moved} already in place.
     *
     * @return the batch's thumbprints
     */
    static List<String> killedAfterCommit(Path base, String scope, LogicalStore target, List<GeneratedCertificate> batch,
            int moved) throws Exception {
        Path scratch = Files.createTempDirectory(base, "scratch");
        CertificateStore staging = Fixtures.service(scratch, Fixtures.owner()).open(Scope.currentUser());
        Path storeDir = base.resolve(scope).resolve(target.shortName());
        Files.createDirectories(storeDir.resolve(".cairn/tmp"));
        StringBuilder journal = new StringBuilder("cairn-store-journal 1\n");
        List<String> thumbprints = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            CertificateEntry e = Fixtures.addWithKey(staging, target, batch.get(i));
            String name = "add-" + e.thumbprint() + "-1-x" + i;
            Path from = scratch.resolve("user").resolve(target.shortName()).resolve(e.thumbprint());
            Files.move(from, i < moved ? storeDir.resolve(e.thumbprint()) : storeDir.resolve(".cairn/tmp").resolve(name));
            journal.append("add\t").append(target.shortName()).append('\t').append(e.thumbprint()).append('\t').append(name).append('\n');
            thumbprints.add(e.thumbprint());
        }
        journal.append("end\n");
        Files.createDirectories(base.resolve(scope).resolve(".cairn"));
        Files.writeString(base.resolve(scope).resolve(".cairn/journal"), journal, StandardCharsets.US_ASCII);
        return thumbprints;
    }

    private static void assertEmpty(Path dir) throws Exception {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing left in " + dir);
        }
    }
}
