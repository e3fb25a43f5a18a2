package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateFactoryTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void selfSignedCertificateIsWhatWasAskedForAndOpensslAgrees(KeyAlgorithm algorithm) throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(90, ChronoUnit.DAYS);
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry entry = Fixtures.factory().createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=" + algorithm + ".example.org,O=Cairn,C=DE").withAlgorithm(algorithm)
                        .withValidity(from, to).withPurposes(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CODE_SIGNING))
                        .withFriendlyName("made by " + algorithm).withExportable(false));

        X509Certificate c = entry.certificate();
        c.verify(c.getPublicKey());
        assertEquals("CN=" + algorithm + ".example.org,O=Cairn,C=DE", entry.subject());
        assertEquals(entry.subject(), entry.issuer());
        assertEquals(from, entry.notBefore());
        assertEquals(to, entry.notAfter());
        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CODE_SIGNING), entry.purposes());
        assertEquals("made by " + algorithm, entry.friendlyName());
        assertTrue(entry.hasPrivateKey());
        assertFalse(entry.exportable());
        assertEquals(AccessDenial.Reason.NOT_EXPORTABLE, store.whyKeyNotExportable(entry).orElseThrow().reason());
        switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> assertEquals(algorithm.bits(), ((RSAKey) c.getPublicKey()).getModulus().bitLength());
            case EC_P256, EC_P384 -> assertEquals(algorithm.bits(), ((ECKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize());
            case ED25519 -> assertTrue(List.of("Ed25519", "EdDSA").contains(c.getPublicKey().getAlgorithm()));
        }

        // an independent reader: openssl parses the stored files and finds the same certificate and key
        assumeTrue(hasOpenssl(), "openssl is not installed");
        Path dir = tmp.resolve("user/My").resolve(entry.thumbprint());
        String text = run("openssl", "x509", "-inform", "DER", "-in", dir.resolve("cert.der").toString(), "-noout",
                "-fingerprint", "-sha1", "-ext", "extendedKeyUsage");
        assertTrue(text.replace(":", "").contains(entry.thumbprint()), text);
        assertTrue(text.contains("TLS Web Server Authentication") && text.contains("Code Signing"), text);
        Path pub = tmp.resolve("pub.der");
        run("openssl", "pkey", "-inform", "DER", "-in", dir.resolve("key.p8").toString(), "-pubout", "-outform", "DER",
                "-out", pub.toString());
        assertArrayEquals(c.getPublicKey().getEncoded(), Files.readAllBytes(pub), "the stored key belongs to the certificate");
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = { "RSA_2048", "EC_P384", "ED25519" })
    void demoChainValidatesWithTheJdkPkixValidator(KeyAlgorithm algorithm) throws Exception {
        DemoChain chain = Fixtures.factory().createDemoChain("Demo " + algorithm, algorithm);
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain.root().certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(
                List.of(chain.leaf().certificate(), chain.intermediate().certificate())), params);
        assertEquals(1, chain.intermediate().certificate().getBasicConstraints());
        assertEquals(-1, chain.leaf().certificate().getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"), chain.leaf().certificate().getExtendedKeyUsage());
    }

    @Test
    void badRequestsAreRefusedWithWhatToDo() {
        IllegalArgumentException subject = assertThrows(IllegalArgumentException.class, () -> CertificateRequest.of("web server"));
        assertTrue(subject.getMessage().contains("CN=web.example.org"), subject.getMessage());
        Instant now = Instant.now();
        assertThrows(IllegalArgumentException.class, () -> CertificateRequest.of("CN=x").withValidity(now, now));
        assertThrows(IllegalArgumentException.class, () -> CertificateRequest.of("CN=x").withPurposes(List.of(Purpose.ALL)));
    }

    private static boolean hasOpenssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        int rc = p.waitFor();
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, rc, String.join(" ", command) + ":\n" + text);
        return text;
    }
}
