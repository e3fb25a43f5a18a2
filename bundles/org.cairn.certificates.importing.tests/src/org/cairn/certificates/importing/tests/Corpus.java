package org.cairn.certificates.importing.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.cairn.testing.process.Repository;

/** The third-party PKCS #12 corpus in the repository's testdata/pkcs12 and its MANIFEST.tsv, one row per file. */
final class Corpus {

    /**
     * One MANIFEST row.
     *
     * @param file          file name
     * @param password      the password ("" for {@code <empty>} and {@code <none>})
     * @param passwordKind  "given", "empty" or "none"
     * @param certs         number of certificates, -1 for n/a
     * @param keyType       "RSA-2048", "EC-P-256", "none", "n/a", ...
     * @param friendlyNames the friendly names (trailing NUL removed), empty for none
     * @param valid         whether a correct reader must import it
     * @param readers       observed_readers column
     */
    record Row(String file, String password, String passwordKind, int certs, String keyType, Set<String> friendlyNames,
            boolean valid, String readers) {

        Path path() {
            return dir().resolve(file);
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Corpus() {
    }

    /** @return the corpus folder, the repository's testdata/pkcs12 (the folder of its MANIFEST.tsv) */
    static Path dir() {
        return Repository.file("testdata/pkcs12/MANIFEST.tsv").getParent();
    }

    static List<Row> rows() {
        try {
            List<String> lines = Files.readAllLines(dir().resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String kind = switch (f[5]) {
                    case "<empty>" -> "empty";
                    case "<none>" -> "none";
                    default -> "given";
                };
                Set<String> names = new LinkedHashSet<>();
                if (!f[8].equals("<none>")) {
                    for (String name : f[8].split("\\|")) {
                        names.add(name.endsWith("\\0") ? name.substring(0, name.length() - 2) : name);
                    }
                }
                rows.add(new Row(f[0], kind.equals("given") ? f[5] : "", kind, f[6].equals("n/a") ? -1 : Integer.parseInt(f[6]),
                        f[7], names, f[9].equals("yes"), f[11]));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a new empty folder for a store root under the test bundle's target/stores */
    static Path freshRoot(String name) {
        Path base = Path.of(System.getProperty("cairn.store.root", System.getProperty("java.io.tmpdir") + "/cairn-import-tests"));
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name.replaceAll("[^A-Za-z0-9_.-]", "_") + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String[] words(String s) {
        return Arrays.stream(s.split(" ")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }
}
