package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process adding five certificates with keys at once (three to Personal, two to Intermediate Certification
 * Authorities) is killed (SIGKILL) at random moments inside the batch; afterwards each batch is in the store
 * completely or not at all, every key belongs to its certificate, and nothing is half-written.
 */
class BatchKillTest {

    private static final int KILLS = 24;

    @Test
    void aKilledBatchLeavesAllOfItOrNone(@TempDir Path tmp, TestReporter reporter) throws Exception {
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Path certs = tmp.resolve("certs");
        ChildProcessTests.writeCertificates(certs, "c", 5 * KILLS);
        Path base = tmp.resolve("stores");
        CertificateStore store = Fixtures.service(base, Fixtures.owner()).open(Scope.currentUser());
        Random random = new Random(17);
        int all = 0;
        int none = 0;
        int keysChecked = 0;
        List<String> expectedPersonal = new ArrayList<>();
        // one batch left to finish tells how long a batch takes here, from BEGIN to DONE
        long measured = timeOneBatch(classes, certs, tmp.resolve("measure"));
        for (int round = 0; round < KILLS; round++) {
            Process child = ChildJvm.command(classes, StoreWorker.class, List.of(), "batch", base.toString(),
                    certs.toString(), Integer.toString(5 * round)).start();
            ChildProcessTests.Output output = new ChildProcessTests.Output(child);
            output.await("BEGIN");
            // anywhere from before the first file is written to after the batch is done
            Thread.sleep(random.nextLong(measured * 5 / 4 + 1));
            child.destroyForcibly();
            child.waitFor();

            List<String> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(CertificateEntry.sha1(StoreWorker.certificate(certs, "c" + (5 * round + i)).getEncoded()));
            }
            StoreListing personal = store.list(LogicalStore.PERSONAL);
            StoreListing intermediate = store.list(LogicalStore.INTERMEDIATE);
            assertEquals(List.of(), personal.problems(), "round " + round);
            assertEquals(List.of(), intermediate.problems(), "round " + round);
            int present = 0;
            for (int i = 0; i < 5; i++) {
                StoreListing where = i < 3 ? personal : intermediate;
                if (where.find(batch.get(i)).isPresent()) {
                    present++;
                    CertificateEntry entry = where.find(batch.get(i)).orElseThrow();
                    assertTrue(entry.hasPrivateKey(), "no entry without its key, round " + round);
                    assertTrue(entry.properties().containsKey("blob"), "properties are never half-written");
                    ChildProcessTests.assertKeyMatches(entry, store.exportablePrivateKey(entry));
                    keysChecked++;
                }
            }
            assertTrue(present == 0 || present == 5, "round " + round + ": " + present + " of 5 entries after the kill ("
                    + output.lines() + ")");
            if (present == 5) {
                all++;
                expectedPersonal.addAll(batch.subList(0, 3));
            } else {
                none++;
            }
            assertEquals(expectedPersonal.stream().sorted().toList(),
                    personal.entries().stream().map(CertificateEntry::thumbprint).sorted().toList(), "earlier batches stay");
        }
        // the next change removes what the killed writers staged
        var next = Fixtures.selfSigned("next");
        var nextCa = Fixtures.selfSigned("next CA");
        store.addAll(List.of(new org.cairn.certificates.core.NewEntry(LogicalStore.PERSONAL, next.certificate(),
                java.util.Optional.of(next.privateKey()), next.attributes()),
                new org.cairn.certificates.core.NewEntry(LogicalStore.INTERMEDIATE, nextCa.certificate(),
                        java.util.Optional.empty(), nextCa.attributes())));
        for (String dir : List.of("user/My/.cairn/tmp", "user/CA/.cairn/tmp")) {
            try (Stream<Path> left = Files.list(base.resolve(dir))) {
                assertEquals(List.of(), left.toList(), dir);
            }
        }
        reporter.publishEntry("kills", KILLS + " kills inside a five-key batch of " + measured + " ms: " + all + " complete, " + none
                + " not added, " + keysChecked + " keys checked");
        assertTrue(all > 0 && none > 0, "kills must land before and after the commit: " + all + " complete, " + none + " none");
    }

    private static long timeOneBatch(Path classes, Path certs, Path base) throws Exception {
        Process child = ChildJvm.command(classes, StoreWorker.class, List.of(), "batch", base.toString(), certs.toString(), "0").start();
        ChildProcessTests.Output output = new ChildProcessTests.Output(child);
        output.await("BEGIN");
        long start = System.nanoTime();
        output.await("DONE");
        long took = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        assertEquals(0, child.waitFor(), String.join("\n", output.lines()));
        return took;
    }
}
