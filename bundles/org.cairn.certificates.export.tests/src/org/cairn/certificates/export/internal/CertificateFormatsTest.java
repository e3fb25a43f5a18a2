package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.ExportedCertificate;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DER, Base-64 and PKCS #7 files for every key type, with and without the certification path, each read back by
 * OpenSSL (an implementation the service does not use) and compared certificate by certificate, in order.
 */
class CertificateFormatsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> formatsKeyTypesAndChains() {
        List<Arguments> all = new ArrayList<>();
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384,
                KeyAlgorithm.ED25519)) {
            all.add(Arguments.of(ExportFormat.DER, algorithm, false));
            for (ExportFormat format : List.of(ExportFormat.BASE64, ExportFormat.PKCS7)) {
                all.add(Arguments.of(format, algorithm, false));
                all.add(Arguments.of(format, algorithm, true));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} chain={2}")
    @MethodSource("formatsKeyTypesAndChains")
    void opensslReadsTheCertificatesInPathOrder(ExportFormat format, KeyAlgorithm algorithm, boolean chain)
            throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry leaf = stores.chain(algorithm, "Format " + format);
        Path file = dir.resolve("export." + format.fileExtension());

        ExportResult result = stores.service().export(ExportRequest.builder(ExportSource.of(leaf), format, file)
                .includeChain(chain).build());

        assertEquals(chain ? 3 : 1, result.certificates().size());
        assertEquals(leaf.thumbprint(), result.certificates().get(0).thumbprint());
        assertFalse(result.keyWritten());
        assertTrue(result.protection().isEmpty());
        assertEquals(Files.size(file), result.size());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(thumbprints(result.certificates()), opensslThumbprints(format, file));
        if (chain) {
            assertEquals(List.of(), result.chainCertificatesNotFound(), "the demo chain is complete");
        }
    }

    @org.junit.jupiter.api.Test
    void anIncompleteChainIsExportedAsFarAsItGoesAndTheMissingIssuerIsNamed() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry leaf = stores.chain(KeyAlgorithm.EC_P256, "Orphan");
        CertificateEntry intermediate = stores.user.list(org.cairn.certificates.core.LogicalStore.INTERMEDIATE).entries()
                .stream().filter(e -> e.subject().startsWith("CN=Orphan Intermediate CA")).findFirst().orElseThrow();
        stores.user.delete(intermediate);
        Path file = dir.resolve("orphan.p7b");

        ExportResult result = stores.service().export(ExportRequest.builder(ExportSource.of(leaf), ExportFormat.PKCS7,
                file).includeChain(true).build());

        assertEquals(List.of(leaf.thumbprint()), thumbprints(result.certificates()));
        assertEquals(List.of(intermediate.subject()), result.chainCertificatesNotFound());
        assertEquals(List.of(leaf.thumbprint()), opensslThumbprints(ExportFormat.PKCS7, file));
    }

    private static List<String> thumbprints(List<ExportedCertificate> certificates) {
        return certificates.stream().map(ExportedCertificate::thumbprint).toList();
    }

    /** The SHA-1 fingerprints OpenSSL finds in the file, in file order. */
    private static List<String> opensslThumbprints(ExportFormat format, Path file) throws Exception {
        List<Path> pems = new ArrayList<>();
        switch (format.id()) {
            case "DER" -> {
                Path pem = file.resolveSibling("der.pem");
                ExternalTools.Run run = ExternalTools.openssl(List.of("x509", "-inform", "DER", "-in", file.toString(),
                        "-out", pem.toString()), null);
                assertEquals(0, run.exitCode(), run.output());
                pems.add(pem);
            }
            case "BASE64" -> {
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----\n") && text.endsWith("-----END CERTIFICATE-----\n"),
                        text);
                pems.addAll(split(text, file));
            }
            case "PKCS7" -> {
                ExternalTools.Run run = ExternalTools.openssl(List.of("pkcs7", "-inform", "DER", "-in", file.toString(),
                        "-print_certs"), null);
                assertEquals(0, run.exitCode(), run.output());
                pems.addAll(split(run.output(), file));
            }
            default -> throw new IllegalArgumentException("not a certificate-only format: " + format);
        }
        List<String> thumbprints = new ArrayList<>();
        for (Path pem : pems) {
            ExternalTools.Run run = ExternalTools.openssl(List.of("x509", "-in", pem.toString(), "-noout",
                    "-fingerprint", "-sha1"), null);
            assertEquals(0, run.exitCode(), run.output());
            thumbprints.add(run.output().replaceAll("(?s).*Fingerprint=", "").replace(":", "").trim()
                    .toUpperCase(Locale.ROOT));
        }
        return thumbprints;
    }

    private static List<Path> split(String text, Path next) throws Exception {
        List<Path> pems = new ArrayList<>();
        Matcher m = Pattern.compile("-----BEGIN CERTIFICATE-----\n.*?-----END CERTIFICATE-----\n", Pattern.DOTALL)
                .matcher(text);
        while (m.find()) {
            Path pem = next.resolveSibling("block" + pems.size() + ".pem");
            Files.writeString(pem, m.group(), StandardCharsets.US_ASCII);
            pems.add(pem);
        }
        return pems;
    }
}
