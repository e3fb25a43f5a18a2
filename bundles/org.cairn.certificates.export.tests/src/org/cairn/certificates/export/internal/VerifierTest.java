package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-back verification is a real check: files that differ from what was meant to be written, in any
 * of the ways it looks at, are rejected.
 */
class VerifierTest {

    private static final char[] PASSWORD = "verify-me".toCharArray();
    private static DemoChain chain;
    private static GeneratedCertificate stranger;

    @TempDir
    Path dir;
    private final ReadBackVerifier verifier = new ReadBackVerifier();
    private final Pkcs12Encoder encoder = new Pkcs12Encoder(new SecureRandom());

    @BeforeAll
    static void makeCertificates() throws Exception {
        chain = CertificateStores.certificateFactory().createDemoChain("Verify", KeyAlgorithm.EC_P256);
        stranger = CertificateStores.certificateFactory().createSelfSigned(CertificateRequest.of("CN=Stranger")
                .withAlgorithm(KeyAlgorithm.EC_P256));
    }

    private static ExportMaterial material() {
        return new ExportMaterial(List.of(chain.leaf().certificate(), chain.intermediate().certificate(),
                chain.root().certificate()), Optional.of(chain.leaf().privateKey()), "Verify", "the description",
                Map.of("k", "v"));
    }

    private static Pkcs12Encoder.Options options(boolean extended) {
        return new Pkcs12Encoder.Options(Pkcs12Encryption.AES256_SHA256, 2_000, extended);
    }

    private Path pfx(ExportMaterial material, Pkcs12Encoder.Options options, char[] password) throws Exception {
        return Files.write(dir.resolve("test.pfx"), encoder.encode(material, options, password));
    }

    private void assertRejected(Path file, ExportFormat format, ExportMaterial expected, Pkcs12Encoder.Options options,
            String problem) {
        ExportException e = assertThrows(ExportException.class,
                () -> verifier.verify(file, format, expected, options, PASSWORD));
        assertEquals(Reason.VERIFICATION_FAILED, e.reason());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void aFaithfulFileIsAccepted() throws Exception {
        Path file = pfx(material(), options(true), PASSWORD);

        ExportVerifier.Verification v = verifier.verify(file, ExportFormat.PKCS12, material(), options(true), PASSWORD);

        assertEquals(List.of(Pkcs12ReadBack.NAME), v.readers());
        assertEquals(2_000, v.protection().orElseThrow().macIterations());
    }

    static Stream<Arguments> differences() {
        return Stream.of(
                Arguments.of("chain order", (UnaryOperator<ExportMaterial>) m -> new ExportMaterial(
                        List.of(m.certificates().get(0), m.certificates().get(2), m.certificates().get(1)),
                        m.privateKey(), m.friendlyName(), m.description(), m.properties()), "path order"),
                Arguments.of("missing chain", (UnaryOperator<ExportMaterial>) ExportMaterial::leafOnly,
                        "found 1 certificates, expected 3"),
                Arguments.of("friendly name", (UnaryOperator<ExportMaterial>) m -> new ExportMaterial(m.certificates(),
                        m.privateKey(), "Other name", m.description(), m.properties()), "friendlyName"),
                Arguments.of("description", (UnaryOperator<ExportMaterial>) m -> new ExportMaterial(m.certificates(),
                        m.privateKey(), m.friendlyName(), "changed", m.properties()), "description"),
                Arguments.of("properties", (UnaryOperator<ExportMaterial>) m -> new ExportMaterial(m.certificates(),
                        m.privateKey(), m.friendlyName(), m.description(), Map.of("k", "w")), "extended properties"),
                Arguments.of("key left out", (UnaryOperator<ExportMaterial>) ExportMaterial::withoutKey, "key bags"),
                Arguments.of("key of another certificate", (UnaryOperator<ExportMaterial>) m -> new ExportMaterial(
                        m.certificates(), Optional.of(stranger.privateKey()), m.friendlyName(), m.description(),
                        m.properties()), "does not belong to the certificate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differences")
    void aFileThatDiffersFromTheIntentIsRejected(String name, UnaryOperator<ExportMaterial> written, String problem)
            throws Exception {
        Path file = pfx(written.apply(material()), options(true), PASSWORD);

        assertRejected(file, ExportFormat.PKCS12, material(), options(true), problem);
    }

    @Test
    void aFileWithOtherIterationCountsIsRejected() throws Exception {
        Path file = pfx(material(), options(true), PASSWORD);

        assertRejected(file, ExportFormat.PKCS12, material(), new Pkcs12Encoder.Options(Pkcs12Encryption.AES256_SHA256,
                3_000, true), "iterations: found 2000, expected 3000");
    }

    @Test
    void aFileWithTheOtherEncryptionIsRejected() throws Exception {
        Path file = pfx(material(), options(true), PASSWORD);

        assertRejected(file, ExportFormat.PKCS12, material(), new Pkcs12Encoder.Options(Pkcs12Encryption.TRIPLEDES_SHA1,
                2_000, true), "MAC: found HMAC-SHA256, expected HMAC-SHA1");
    }

    @Test
    void aFileWithAnotherPasswordIsRejected() throws Exception {
        Path file = pfx(material(), options(true), "another password".toCharArray());

        assertRejected(file, ExportFormat.PKCS12, material(), options(true), "MAC does not verify");
    }

    @Test
    void aCorruptedFileIsRejected() throws Exception {
        Path file = pfx(material(), options(true), PASSWORD);
        byte[] content = Files.readAllBytes(file);
        content[content.length / 2] ^= 0x01;
        Files.write(file, content);

        // said in the user's words (the reader's message), no longer Bouncy Castle's exception text
        assertRejected(file, ExportFormat.PKCS12, material(), options(true), "damaged");
    }

    @Test
    void certificateFilesInTheWrongOrderOrWithOtherContentAreRejected() throws Exception {
        ExportMaterial expected = material().withoutKey();
        List<X509Certificate> reversed = List.of(chain.root().certificate(), chain.intermediate().certificate(),
                chain.leaf().certificate());
        Path pem = Files.write(dir.resolve("r.pem"), CertificateEncoders.pem(reversed));
        assertRejected(pem, ExportFormat.BASE64, expected, null, "path order");

        Path p7b = Files.write(dir.resolve("r.p7b"), CertificateEncoders.pkcs7(reversed));
        assertRejected(p7b, ExportFormat.PKCS7, expected, null, "path order");

        Path der = Files.write(dir.resolve("r.cer"), CertificateEncoders.der(chain.root().certificate()));
        assertRejected(der, ExportFormat.DER, expected.leafOnly(), null, "not exactly the certificate");

        Path text = Files.writeString(dir.resolve("t.pem"), new String(CertificateEncoders.pem(expected.certificates()),
                java.nio.charset.StandardCharsets.US_ASCII) + "trailing text\n");
        assertRejected(text, ExportFormat.BASE64, expected, null, "PEM CERTIFICATE blocks");
    }

    @Test
    void anEcKeyIsWrittenWithItsPublicKeyAsGnutlsNeeds() throws Exception {
        PrivateKey key = chain.leaf().privateKey();
        org.bouncycastle.asn1.sec.ECPrivateKey ec = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                Pkcs12Encoder.privateKeyInfo(key, chain.leaf().certificate()).parsePrivateKey());

        assertTrue(ec.getPublicKey() != null, "public key embedded");
    }
}
