package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.ValidationOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict of {@link CertificateStore#validator}: one case per way a chain can fail, each with a chain made here,
 * and openssl as an independent judge of the OK and not-a-CA cases.
 */
class ChainValidationTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final ValidationOptions AT_NOW = ValidationOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path tmp;
    CertificateStore user;
    TestPki pki;
    TestPki.Issued root;
    TestPki.Issued intermediate;

    @BeforeEach
    void setUp() throws Exception {
        user = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        pki = new TestPki(NOW);
        root = pki.root("Root");
        intermediate = pki.issue(pki.spec("Intermediate").ca(), root);
    }

    private CertificateEntry add(LogicalStore store, TestPki.Issued issued) throws Exception {
        return user.add(store, issued.certificate(), Optional.empty(), EntryAttributes.defaults());
    }

    private ChainValidation validate(CertificateEntry leaf) throws Exception {
        return user.validator(AT_NOW).validate(leaf);
    }

    private static void assertVerdict(CertificateStatus status, int at, ChainValidation validation) {
        assertEquals(status, validation.status(), validation::toString);
        assertEquals(OptionalInt.of(at), validation.failedAt(), validation::toString);
        assertFalse(validation.ok());
        assertFalse(validation.detail().isEmpty());
    }

    /** Root in Trusted Root, the intermediate in Intermediate CAs, a leaf issued by it in Personal. */
    private CertificateEntry standardChain(TestPki.Issued issuer, TestPki.Spec leaf) throws Exception {
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, issuer);
        return add(LogicalStore.PERSONAL, pki.issue(leaf, issuer));
    }

    @Test
    void chainToTrustedRootIsOk() throws Exception {
        TestPki.Issued leaf = pki.issue(pki.spec("Leaf"), intermediate);
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, intermediate);
        ChainValidation validation = validate(add(LogicalStore.PERSONAL, leaf));
        assertEquals(CertificateStatus.OK, validation.status(), validation::toString);
        assertTrue(validation.ok());
        assertEquals(OptionalInt.empty(), validation.failedAt());
        assertEquals(List.of(CertificateStatus.OK, CertificateStatus.OK, CertificateStatus.OK), validation.statuses());
        assertEquals(List.of(leaf.certificate(), intermediate.certificate(), root.certificate()),
                validation.path().x509Certificates());
        assertTrue(openssl(root, intermediate, leaf).endsWith("leaf.pem: OK"), "openssl verify accepts the same chain");
    }

    /**
     * The CAs a path may run through are read when the validator is made (off the UI thread, where the console
     * lists), not when a row is validated (on the UI thread, as it is drawn): a validator made before the CAs' files
     * vanish still finds them.
     */
    @Test
    void theCasAreReadWhenTheValidatorIsMade() throws Exception {
        CertificateEntry rootEntry = add(LogicalStore.TRUSTED_ROOT, root);
        CertificateEntry intermediateEntry = add(LogicalStore.INTERMEDIATE, intermediate);
        CertificateEntry leaf = add(LogicalStore.PERSONAL, pki.issue(pki.spec("Leaf"), intermediate));
        leaf.certificate();
        var validator = user.validator(AT_NOW);
        for (CertificateEntry ca : List.of(rootEntry, intermediateEntry)) {
            try (var files = java.nio.file.Files.walk(Path.of(ca.location().orElseThrow()))) {
                for (Path file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                    java.nio.file.Files.delete(file);
                }
            }
        }
        ChainValidation validation = validator.validate(leaf);
        assertTrue(validation.ok(), validation::toString);
        assertEquals(3, validation.path().x509Certificates().size());
        assertEquals(CertificateStatus.ISSUER_NOT_FOUND, user.validator(AT_NOW).validate(leaf).status(),
                "a validator made afterwards reads the stores as they are now");
    }

    /** Windows' valid usages of a chain: what a CA's extended key usage leaves of the leaf's purposes. */
    @Test
    void purposesAreNarrowedByTheCasOfThePath() throws Exception {
        TestPki.Issued serverCa = pki.issue(pki.spec("Server CA").ca().eku(KeyPurposeId.id_kp_serverAuth), root);
        TestPki.Issued anyCa = pki.issue(pki.spec("Any CA").ca().eku(KeyPurposeId.anyExtendedKeyUsage), root);
        CertificateEntry rootEntry = add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, serverCa);
        add(LogicalStore.INTERMEDIATE, anyCa);
        CertificateEntry unrestricted = add(LogicalStore.PERSONAL, pki.issue(pki.spec("No EKU"), serverCa));
        CertificateEntry both = add(LogicalStore.PERSONAL, pki.issue(pki.spec("Both")
                .eku(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth), serverCa));
        CertificateEntry client = add(LogicalStore.PERSONAL,
                pki.issue(pki.spec("Client").eku(KeyPurposeId.id_kp_clientAuth), serverCa));
        CertificateEntry underAny = add(LogicalStore.PERSONAL,
                pki.issue(pki.spec("Under Any").eku(KeyPurposeId.id_kp_codeSigning), anyCa));
        CertificateEntry anyLeaf = add(LogicalStore.PERSONAL,
                pki.issue(pki.spec("Any Leaf").eku(KeyPurposeId.anyExtendedKeyUsage), serverCa));

        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION), validate(unrestricted).purposes());
        assertEquals(List.of(Purpose.ALL), unrestricted.purposes(), "the certificate's own purposes are unchanged");
        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION), validate(both).purposes());
        assertEquals(List.of(), validate(client).purposes(), "a CA for servers leaves nothing of Client Authentication");
        assertEquals(List.of(Purpose.CODE_SIGNING), validate(underAny).purposes());
        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION), validate(anyLeaf).purposes());
        assertEquals(List.of(Purpose.ALL), validate(rootEntry).purposes());
    }

    @Test
    void selfSignedRootInTrustedRootIsOk() throws Exception {
        assertEquals(CertificateStatus.OK, validate(add(LogicalStore.TRUSTED_ROOT, root)).status());
    }

    @Test
    void leafIssuedByAnExpiredIntermediateIsNotTimeValid() throws Exception {
        TestPki.Issued expired = pki.issue(pki.spec("Expired Intermediate").ca()
                .valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))), root);
        TestPki.Spec leaf = pki.spec("Leaf").valid(NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(100)));
        ChainValidation validation = validate(standardChain(expired, leaf));
        assertVerdict(CertificateStatus.NOT_TIME_VALID, 1, validation);
        assertEquals(CertificateStatus.NOT_TIME_VALID, validation.statuses().get(1));
        assertEquals(CertificateStatus.OK, validation.statuses().get(2));
    }

    @Test
    void issuerWithoutBasicConstraintsIsNotValidForIssuing() throws Exception {
        TestPki.Issued notCa = pki.issue(pki.spec("Not a CA").noBasicConstraints()
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature), root);
        TestPki.Issued leaf = pki.issue(pki.spec("Leaf"), notCa);
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, notCa);
        ChainValidation validation = validate(add(LogicalStore.PERSONAL, leaf));
        assertVerdict(CertificateStatus.INVALID_CA, 1, validation);
        assertEquals(List.of(CertificateStatus.INVALID_CA, CertificateStatus.INVALID_CA, CertificateStatus.OK),
                validation.statuses(), "the CA that may not issue is marked; its own path is fine");
        String openssl = openssl(root, notCa, leaf);
        assertTrue(openssl.contains("error 79 at 1 depth lookup: invalid CA certificate"), "openssl verify refuses the same chain for the same "
                + "reason at the same place: " + openssl);
    }

    @Test
    void issuerMarkedNotCaIsNotValidForIssuing() throws Exception {
        TestPki.Issued endEntity = pki.issue(pki.spec("End entity").keyUsage(KeyUsage.keyCertSign | KeyUsage.digitalSignature), root);
        assertVerdict(CertificateStatus.INVALID_CA, 1, validate(standardChain(endEntity, pki.spec("Leaf"))));
    }

    @Test
    void caWithoutKeyCertSignIsNotValidForIssuing() throws Exception {
        TestPki.Issued noKeyCertSign = pki.issue(pki.spec("No keyCertSign").ca()
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.cRLSign), root);
        TestPki.Issued leaf = pki.issue(pki.spec("Leaf"), noKeyCertSign);
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, noKeyCertSign);
        assertVerdict(CertificateStatus.INVALID_CA, 1, validate(add(LogicalStore.PERSONAL, leaf)));
        String openssl = openssl(root, noKeyCertSign, leaf);
        assertTrue(openssl.contains("at 1 depth lookup: key usage does not include certificate signing"),
                "openssl verify refuses the same chain at the same place: " + openssl);
    }

    @Test
    void pathLengthExceededIsNotValidForIssuing() throws Exception {
        TestPki.Issued policy = pki.issue(pki.spec("Policy CA").ca().pathLength(0), root);
        TestPki.Issued issuing = pki.issue(pki.spec("Issuing CA").ca(), policy);
        add(LogicalStore.INTERMEDIATE, policy);
        ChainValidation validation = validate(standardChain(issuing, pki.spec("Leaf")));
        assertEquals(CertificateStatus.INVALID_CA, validation.status(), validation::toString);
        assertEquals(4, validation.path().certificates().size());
        assertTrue(validation.failedAt().getAsInt() >= 1, validation::toString);
    }

    @Test
    void missingIssuerIsNamed() throws Exception {
        add(LogicalStore.TRUSTED_ROOT, root);
        ChainValidation validation = validate(add(LogicalStore.PERSONAL, pki.issue(pki.spec("Leaf"), intermediate)));
        assertVerdict(CertificateStatus.ISSUER_NOT_FOUND, 0, validation);
        assertEquals(Optional.of(intermediate.subject()), validation.path().missingIssuer());
    }

    @Test
    void rootOutsideTrustedRootCannotBeVerifiedUpToATrustedCa() throws Exception {
        add(LogicalStore.OTHER_PEOPLE, root);
        add(LogicalStore.INTERMEDIATE, intermediate);
        ChainValidation validation = validate(add(LogicalStore.PERSONAL, pki.issue(pki.spec("Leaf"), intermediate)));
        assertVerdict(CertificateStatus.NOT_TRUSTED, 2, validation);
        assertEquals(CertificateStatus.UNTRUSTED_ROOT, validation.statuses().get(2), "the root itself is not trusted");
    }

    @Test
    void selfSignedOutsideTrustedRootIsAnUntrustedRoot() throws Exception {
        assertVerdict(CertificateStatus.UNTRUSTED_ROOT, 0, validate(add(LogicalStore.PERSONAL, root)));
    }

    @Test
    void rootInUntrustedCertificatesIsDistrusted() throws Exception {
        CertificateEntry leaf = standardChain(intermediate, pki.spec("Leaf"));
        add(LogicalStore.UNTRUSTED, root);
        ChainValidation validation = validate(leaf);
        assertVerdict(CertificateStatus.DISTRUSTED, 2, validation);
        assertEquals(3, validation.path().certificates().size(), "the path shows the distrusted root");
    }

    @Test
    void intermediateInUntrustedCertificatesIsDistrusted() throws Exception {
        CertificateEntry leaf = standardChain(intermediate, pki.spec("Leaf"));
        add(LogicalStore.UNTRUSTED, intermediate);
        ChainValidation validation = validate(leaf);
        assertVerdict(CertificateStatus.DISTRUSTED, 1, validation);
        assertEquals(List.of(CertificateStatus.DISTRUSTED, CertificateStatus.DISTRUSTED, CertificateStatus.OK),
                validation.statuses());
        // the path shown for export stays as it was: an untrusted certificate is never an issuer there
        assertEquals(1, user.chain(leaf).certificates().size());
    }

    @Test
    void leafItselfInUntrustedCertificatesIsDistrusted() throws Exception {
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, intermediate);
        TestPki.Issued leaf = pki.issue(pki.spec("Leaf"), intermediate);
        add(LogicalStore.PERSONAL, leaf);
        assertVerdict(CertificateStatus.DISTRUSTED, 0, validate(add(LogicalStore.UNTRUSTED, leaf)));
    }

    @Test
    void expiredLeafIsNotTimeValid() throws Exception {
        ChainValidation validation = validate(standardChain(intermediate, pki.spec("Leaf")
                .valid(NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofSeconds(1)))));
        assertVerdict(CertificateStatus.NOT_TIME_VALID, 0, validation);
        assertEquals(CertificateStatus.OK, validation.statuses().get(1));
    }

    @Test
    void leafNotYetValidIsNotTimeValid() throws Exception {
        assertVerdict(CertificateStatus.NOT_TIME_VALID, 0, validate(standardChain(intermediate, pki.spec("Leaf")
                .valid(NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30))))));
    }

    @Test
    void theClockDecides() throws Exception {
        CertificateEntry leaf = standardChain(intermediate, pki.spec("Leaf"));
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(366)), ZoneOffset.UTC);
        assertEquals(CertificateStatus.OK, validate(leaf).status());
        assertEquals(CertificateStatus.NOT_TIME_VALID, user.validator(AT_NOW.withClock(later)).validate(leaf).status());
    }

    @Test
    void spoiledSignatureIsReported() throws Exception {
        ChainValidation validation = validate(standardChain(intermediate, pki.spec("Leaf").spoilSignature()));
        assertVerdict(CertificateStatus.BAD_SIGNATURE, 0, validation);
        assertEquals(3, validation.path().certificates().size(), "the issuer is found by its key identifier");
    }

    @Test
    void expiredRootIsNotTimeValid() throws Exception {
        TestPki.Issued old = pki.selfSigned(pki.spec("Old Root").ca()
                .valid(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1))));
        add(LogicalStore.TRUSTED_ROOT, old);
        TestPki.Issued leaf = pki.issue(pki.spec("Leaf").valid(NOW.minus(Duration.ofDays(100)), NOW.plus(Duration.ofDays(1))), old);
        assertVerdict(CertificateStatus.NOT_TIME_VALID, 1, validate(add(LogicalStore.PERSONAL, leaf)));
    }

    @Test
    void computersTrustedRootsCountForTheUser() throws Exception {
        CertificateStore computer = Fixtures.service(tmp, Fixtures.owner()).open(Scope.computer());
        computer.add(LogicalStore.TRUSTED_ROOT, root.certificate(), Optional.empty(), EntryAttributes.defaults());
        computer.add(LogicalStore.INTERMEDIATE, intermediate.certificate(), Optional.empty(), EntryAttributes.defaults());
        ChainValidation validation = validate(add(LogicalStore.PERSONAL, pki.issue(pki.spec("Leaf"), intermediate)));
        assertEquals(CertificateStatus.OK, validation.status(), validation::toString);
    }

    /** The list validates the rows it draws with one validator: each verdict must be cheap once the stores are read. */
    @Test
    void oneValidatorValidatesManyCertificatesQuickly() throws Exception {
        add(LogicalStore.TRUSTED_ROOT, root);
        add(LogicalStore.INTERMEDIATE, intermediate);
        List<CertificateEntry> leaves = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            leaves.add(add(LogicalStore.PERSONAL, pki.issue(pki.spec("Leaf " + i), intermediate)));
        }
        long t0 = System.nanoTime();
        var validator = user.validator(AT_NOW);
        long t1 = System.nanoTime();
        for (CertificateEntry leaf : leaves) {
            assertEquals(CertificateStatus.OK, validator.validate(leaf).status());
        }
        long t2 = System.nanoTime();
        double perCertificate = (t2 - t1) / 1e6 / leaves.size();
        System.out.printf("validator: stores read in %.1f ms; %.2f ms per certificate (3-certificate paths, %d leaves)%n",
                (t1 - t0) / 1e6, perCertificate, leaves.size());
        assertTrue(perCertificate < 100, perCertificate + " ms per certificate");
    }

    @Test
    void codesAreStable() {
        assertEquals("ok", CertificateStatus.OK.code());
        assertEquals("issuer-not-found", CertificateStatus.ISSUER_NOT_FOUND.code());
        assertEquals("invalid-ca", CertificateStatus.INVALID_CA.code());
    }

    /**
     * {@code openssl verify -CAfile root -untrusted intermediate leaf} at the tests' time; what it printed, with its
     * exit status checked against its verdict.
     */
    private String openssl(TestPki.Issued rootCa, TestPki.Issued inter, TestPki.Issued leaf) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "verify", "-attime", Long.toString(NOW.getEpochSecond()),
                "-CAfile", rootCa.pem(tmp.resolve("root.pem")).toString(),
                "-untrusted", inter.pem(tmp.resolve("inter.pem")).toString(),
                leaf.pem(tmp.resolve("leaf.pem")).toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("openssl verify did not finish");
        }
        boolean ok = output.strip().endsWith(": OK");
        assertEquals(ok, process.exitValue() == 0, "openssl's exit status agrees with what it printed: " + output);
        return output.strip();
    }
}
