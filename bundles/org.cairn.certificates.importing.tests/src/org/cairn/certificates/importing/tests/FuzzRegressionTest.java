package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every input the fuzzer once found to crash, hang or import partly (this bundle's {@code resources/fuzz/*.bin},
 * found from {@code -Dcairn.repo.root}), checked again with the fuzzer's own checks.
 */
class FuzzRegressionTest {

    @TempDir
    Path work;

    static Path folder() {
        Path root = Path.of(System.getProperty("cairn.repo.root", System.getProperty("user.dir")));
        Path inRepo = root.resolve("bundles/org.cairn.certificates.importing.tests/resources/fuzz");
        return Files.isDirectory(inRepo) ? inRepo : Path.of("resources/fuzz");
    }

    @Test
    void everyInputFoundOnceIsHandledNow() throws Exception {
        assertTrue(Files.isRegularFile(folder().resolve("README.md")), "no regression folder at " + folder());
        List<Path> inputs;
        try (Stream<Path> files = Files.list(folder())) {
            inputs = files.filter(f -> f.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
        List<String> findings = new ArrayList<>();
        for (Path input : inputs) {
            String name = input.getFileName().toString();
            String seedName = name.contains("-") ? name.substring(0, name.lastIndexOf('-')) : name;
            char[] password = Corpus.rows().stream().filter(r -> r.file().equals(seedName)).findFirst()
                    .map(r -> r.password().toCharArray()).orElse(new char[0]);
            Fuzzer.Outcome outcome = new Fuzzer.Outcome();
            new Fuzzer(work, work.resolve("findings")).check(name, Files.readAllBytes(input), password, outcome);
            findings.addAll(outcome.findings);
        }
        assertTrue(findings.isEmpty(), findings.toString());
    }
}
