package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process changing the store is killed (SIGKILL) at random moments, many times; after each kill the store must
 * open, list without problems, and every entry must be whole: certificate matching its name, readable properties, a
 * key that belongs to the certificate. The index must agree with a full scan.
 */
class CrashSafetyTest {

    private static final int KILLS = 30;

    @Test
    void storeStaysReadableAndConsistentWhenAWriterIsKilledMidWrite(@TempDir Path tmp, TestReporter reporter) throws Exception {
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Path certs = tmp.resolve("certs");
        ChildProcessTests.writeCertificates(certs, "c", 12);
        Path base = tmp.resolve("stores");
        Random random = new Random(42);
        int entriesSeen = 0;
        int operations = 0;
        int interruptedMidChange = 0;
        int keysChecked = 0;
        for (int round = 0; round < KILLS; round++) {
            Process child = ChildJvm.command(classes, StoreWorker.class, List.of(), "churn", base.toString(),
                    certs.toString(), Long.toString(round)).start();
            ChildProcessTests.Output output = new ChildProcessTests.Output(child);
            output.await("READY");
            Thread.sleep(random.nextInt(150));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            child.waitFor();
            Thread.sleep(5);
            operations += output.count("OP");
            List<String> said = output.lines();
            if (said.get(said.size() - 1).equals("BEGIN")) {
                interruptedMidChange++;
            }

            CertificateStore store = Fixtures.service(base, Fixtures.owner()).open(Scope.currentUser());
            Path personal = base.resolve("user/My");
            StoreListing listing = store.list(LogicalStore.PERSONAL);
            assertEquals(List.of(), listing.problems(), "round " + round);
            for (CertificateEntry entry : listing.entries()) {
                assertEquals(entry.thumbprint(), CertificateEntry.sha1(entry.encoded()));
                assertTrue(entry.properties().containsKey("blob"), "properties are never half-written");
                if (entry.hasPrivateKey()) {
                    ChildProcessTests.assertKeyMatches(entry, store.exportablePrivateKey(entry));
                    keysChecked++;
                }
            }
            entriesSeen += listing.entries().size();

            // the index (possibly written before the kill) agrees with a full scan
            Files.deleteIfExists(personal.resolve(".cairn/index"));
            ChildProcessTests.assertSameEntries(listing.entries(), store.list(LogicalStore.PERSONAL).entries());

            // the next change sweeps what the killed writer left behind
            if (!listing.entries().isEmpty()) {
                store.putProperty(listing.entries().get(0), "checked", Integer.toString(round));
            } else {
                var seed = Fixtures.selfSigned("seed" + round);
                store.add(LogicalStore.PERSONAL, seed.certificate(), java.util.Optional.of(seed.privateKey()),
                        EntryAttributes.defaults().withProperty("blob", "seed"));
            }
            try (Stream<Path> left = Files.list(personal.resolve(".cairn/tmp"))) {
                assertEquals(List.of(), left.toList(), "leftovers are cleaned under the lock");
            }
        }
        reporter.publishEntry("kills", KILLS + " kills, " + interruptedMidChange + " inside a change, " + operations
                + " changes completed, " + keysChecked + " keys checked");
        assertTrue(interruptedMidChange >= KILLS / 2, "most kills must land inside a change: " + interruptedMidChange
                + " of " + KILLS + " (" + operations + " changes completed)");
        assertTrue(entriesSeen > KILLS, "the store was not empty most of the time: " + entriesSeen);
        assertTrue(keysChecked > 0, "some keys were checked");
    }

    @Test
    void leftoversOfAKilledAddAreInvisibleAndCleaned(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry kept = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("kept"));
        // what a writer killed between staging and rename leaves: a complete entry, but in tmp/
        Path staging = tmp.resolve("user/My/.cairn/tmp/add-" + "A".repeat(40) + "-1-x");
        Files.createDirectories(staging);
        Files.write(staging.resolve("cert.der"), kept.encoded());
        Files.write(staging.resolve("key.p8"), new byte[] { 1, 2, 3 });
        Files.writeString(tmp.resolve("user/My/.cairn/tmp/f-1-properties"), "half");
        assertEquals(List.of(kept), store.list(LogicalStore.PERSONAL).entries());
        store.add(LogicalStore.PERSONAL, Fixtures.selfSigned("next").certificate(), java.util.Optional.empty(), EntryAttributes.defaults());
        try (Stream<Path> left = Files.list(tmp.resolve("user/My/.cairn/tmp"))) {
            assertEquals(List.of(), left.toList());
        }
    }
}
