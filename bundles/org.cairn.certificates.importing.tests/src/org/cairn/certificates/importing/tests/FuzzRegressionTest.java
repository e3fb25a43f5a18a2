package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** Every input the fuzzer once found to crash, hang or import partly ({@code resources/fuzz/}), checked again. */
class FuzzRegressionTest {

    @TempDir
    Path work;

    static Stream<String> regressions() throws IOException {
        List<String> names = new ArrayList<>();
        Bundle bundle = FrameworkUtil.getBundle(FuzzRegressionTest.class);
        Enumeration<URL> entries = bundle.findEntries("resources/fuzz", "*.bin", false);
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                String path = url.getPath();
                names.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        Collections.sort(names);
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regressions")
    void foundOnceAndHandledNow(String name) throws Exception {
        byte[] content;
        try (InputStream in = FrameworkUtil.getBundle(FuzzRegressionTest.class).getEntry("resources/fuzz/" + name).openStream()) {
            content = in.readAllBytes();
        }
        Fuzzer fuzzer = new Fuzzer(work, work.resolve("findings"));
        Fuzzer.Outcome outcome = new Fuzzer.Outcome();
        String seedName = name.contains("-") ? name.substring(0, name.lastIndexOf('-')) : name;
        char[] password = Corpus.rows().stream().filter(r -> r.file().equals(seedName)).findFirst()
                .map(r -> r.password().toCharArray()).orElse(new char[0]);
        fuzzer.check(name, content, password, outcome);
        assertTrue(outcome.findings.isEmpty(), outcome.findings.toString());
        Files.deleteIfExists(work.resolve("input.bin"));
    }

    @Test
    void theRegressionFolderIsPackaged() {
        assertTrue(FrameworkUtil.getBundle(FuzzRegressionTest.class).getEntry("resources/fuzz/README.md") != null,
                "resources/fuzz is not in the test bundle (build.properties bin.includes)");
    }
}
