package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.Pkcs12Report;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inspect}'s prediction for OpenSSL checked against the real {@code openssl pkcs12} on corpus files, intact
 * and damaged (the corpus's damaged files, and intact files with one byte changed): a file the reader refuses as
 * damaged opens for no one, and OpenSSL opens exactly what is predicted to open (with {@code -legacy} when so
 * predicted).
 */
class InspectPredictionTest {

    @TempDir
    Path dir;

    static Stream<Arguments> files() throws Exception {
        List<Arguments> files = new ArrayList<>();
        List<Corpus.Row> given = Corpus.rows().stream().filter(r -> r.passwordKind().equals("given")).toList();
        for (Corpus.Row row : given) {
            if (row.file().startsWith("derived_") || (row.valid() && row.readers().contains("openssl=ok")
                    && files.size() < 8)) {
                files.add(Arguments.of(row.file(), Files.readAllBytes(row.path()), row.password()));
            }
        }
        // intact files, each with one byte changed: at a third, at the middle, near the end
        for (Corpus.Row row : given.stream().filter(r -> r.valid() && r.readers().contains("openssl=ok")).limit(3).toList()) {
            byte[] content = Files.readAllBytes(row.path());
            for (int part : new int[] {3, 2}) {
                byte[] damaged = content.clone();
                damaged[content.length / part] ^= 0x01;
                files.add(Arguments.of(row.file() + " with byte " + content.length / part + " changed", damaged, row.password()));
            }
            byte[] damaged = content.clone();
            damaged[content.length - 40] ^= 0x10;
            files.add(Arguments.of(row.file() + " with byte " + (content.length - 40) + " changed", damaged, row.password()));
        }
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void opensslOpensWhatInspectPredicts(String name, byte[] content, String password) throws Exception {
        CertificateImportService service = CertificateImportServices.create(CertificateStores.create(
                StoreRoots.under(Corpus.freshRoot("predict")), Identity.current(), List.of(CertificateStores.fileStoreProvider())));
        Path file = dir.resolve("file.p12");
        Files.write(file, content);
        Pkcs12Report report = service.inspect(file, Optional.of(password.toCharArray()));
        Pkcs12Report.ReaderSupport openssl = report.readers().stream().filter(r -> r.reader().startsWith("OpenSSL"))
                .findFirst().orElseThrow();
        if (!report.readers().get(0).opens()) {
            assertTrue(report.problem().isPresent());
        }
        boolean legacy = !openssl.opens() || openssl.why().contains("-legacy");
        List<String> command = new ArrayList<>(List.of("openssl", "pkcs12", "-in", file.toString(), "-noout",
                "-passin", "env:CAIRN_TEST_PW"));
        if (legacy) {
            command.add("-legacy");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CAIRN_TEST_PW", password);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(openssl.opens(), p.exitValue() == 0, name + ": predicted " + openssl + ", Cairn: "
                + report.problem().orElse("read it") + "; openssl said: " + out);
        if (report.problem().isPresent() && !report.readers().get(0).opens()
                && report.problem().get().contains("damaged")) {
            assertFalse(openssl.opens(), "a damaged file opens for no one");
        }
    }
}
