package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation fuzzer ({@link Fuzzer}) over the PKCS #12, PKCS #7, PEM and DER readers, seeded with the corpus files:
 * a short bounded run in every build ({@value #DEFAULT_SECONDS} s), a long one on demand with
 * {@code releng/fuzz.sh MINUTES} (system properties {@code cairn.fuzz.seconds} and {@code cairn.fuzz.seed}).
 * What it finds is saved under {@code target/fuzz-findings/}; each such file belongs in {@code resources/fuzz/},
 * where {@link FuzzRegressionTest} keeps checking it.
 */
class FuzzTest {

    static final int DEFAULT_SECONDS = 30;

    @TempDir
    Path work;

    @Test
    void everyMutatedFileIsImportedOrRefusedInTimeAndNeverPartly() throws Exception {
        long seconds = Long.getLong("cairn.fuzz.seconds", DEFAULT_SECONDS);
        long seed = Long.getLong("cairn.fuzz.seed", 20261129L);
        Path findings = Path.of(System.getProperty("cairn.store.root", work.toString())).getParent().resolve("fuzz-findings");
        List<Fuzzer.Seed> seeds = Fuzzer.seeds();
        Fuzzer fuzzer = new Fuzzer(work, findings);
        Fuzzer.Outcome outcome = fuzzer.run(seeds, seed, System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds));
        // the figures for the reliability table: printed on every run
        System.out.println("FUZZ seed=" + seed + " seconds=" + seconds + " seeds=" + seeds.size() + " " + outcome);
        outcome.findings.forEach(f -> System.out.println("FUZZ finding: " + f));
        assertTrue(outcome.tried > 0, "nothing was tried");
        assertTrue(outcome.findings.isEmpty(), outcome.findings.size() + " findings: " + outcome.findings);
    }
}
