package org.cairn.certificates.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's testdata/pkcs12 from -Dcairn.repo.root (or user.dir) and its parents. */
final class Corpus {

    private Corpus() {
    }

    static Path file(String name) {
        String start = System.getProperty("cairn.repo.root", System.getProperty("user.dir"));
        for (Path d = Path.of(start).toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("testdata/pkcs12");
            if (Files.isRegularFile(candidate.resolve("MANIFEST.tsv"))) {
                return candidate.resolve(name);
            }
        }
        throw new IllegalStateException("testdata/pkcs12 not found above " + start);
    }
}
