package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.Test;

/** {@code cairn cert show}: the certificate's status, the same verdict the certificate dialog shows. */
class ShowStatusTest {

    private static final CertificateFactoryService FACTORY = CertificateStores.certificateFactory();

    @Test
    void showSaysTheChainIsOk() throws Exception {
        Cli cli = Cli.fresh("status-ok");
        CertificateStore user = cli.stores.open(Scope.currentUser());
        CertificateEntry leaf = FACTORY.install(user, FACTORY.createDemoChain("Status OK", KeyAlgorithm.EC_P256));

        Cli.Result human = cli.run("show", leaf.thumbprint());
        assertEquals(0, human.status(), human.toString());
        assertTrue(human.out().contains("Certificate status:  This certificate is OK.\n"), human.out());
        Map<?, ?> status = status(cli, leaf);
        assertEquals("ok", status.get("code"));
        assertEquals("This certificate is OK.", status.get("message"));
        assertEquals(null, status.get("failedAt"));
        assertEquals(user.validate(leaf).status().code(), status.get("code"), "the core's verdict, not another");
    }

    @Test
    void showNamesAnIssuerThatIsNotACa() throws Exception {
        Cli cli = Cli.fresh("status-not-ca");
        CertificateStore user = cli.stores.open(Scope.currentUser());
        DemoChain chain = FACTORY.createDemoChain("Status", KeyAlgorithm.EC_P256);
        GeneratedCertificate notCa = FACTORY.createIssued(CertificateRequest.of("CN=Not a CA"), chain.root(), false);
        GeneratedCertificate issued = FACTORY.createIssued(CertificateRequest.of("CN=Issued by not a CA"), notCa, false);
        user.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), chain.root().attributes());
        user.add(LogicalStore.INTERMEDIATE, notCa.certificate(), Optional.empty(), notCa.attributes());
        CertificateEntry leaf = user.add(LogicalStore.PERSONAL, issued.certificate(), Optional.empty(), issued.attributes());

        Cli.Result human = cli.run("show", leaf.thumbprint());
        assertEquals(0, human.status(), "show reports; it does not fail: " + human);
        assertTrue(human.out().contains("Certificate status:  One of the CA certificates is not valid for issuing.\n"),
                human.out());
        Map<?, ?> status = status(cli, leaf);
        assertEquals("invalid-ca", status.get("code"));
        assertEquals("One of the CA certificates is not valid for issuing.", status.get("message"));
        assertEquals(1, ((Number) status.get("failedAt")).intValue());
        assertTrue(!((String) status.get("detail")).isEmpty());
        List<?> links = (List<?>) ((Map<?, ?>) ((List<?>) cli.run("show", leaf.thumbprint(), "--json").json()).get(0))
                .get("chain");
        assertEquals(List.of("invalid-ca", "invalid-ca", "ok"),
                links.stream().map(link -> ((Map<?, ?>) link).get("status")).toList());
    }

    /** Intended purposes as the console shows them: what the path allows, not only what the certificate names. */
    @Test
    void showNarrowsThePurposesByTheCasOfThePath() throws Exception {
        Cli cli = Cli.fresh("status-purposes");
        CertificateStore user = cli.stores.open(Scope.currentUser());
        DemoChain chain = FACTORY.createDemoChain("Purposes", KeyAlgorithm.EC_P256);
        GeneratedCertificate serverCa = FACTORY.createIssued(CertificateRequest.of("CN=Server CA")
                .withPurposes(List.of(Purpose.SERVER_AUTHENTICATION)), chain.root(), true);
        GeneratedCertificate issued = FACTORY.createIssued(CertificateRequest.of("CN=No EKU of its own"), serverCa, false);
        user.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), chain.root().attributes());
        user.add(LogicalStore.INTERMEDIATE, serverCa.certificate(), Optional.empty(), serverCa.attributes());
        CertificateEntry leaf = user.add(LogicalStore.PERSONAL, issued.certificate(), Optional.empty(), issued.attributes());

        Cli.Result human = cli.run("show", leaf.thumbprint());
        assertTrue(human.out().contains("Intended purposes:   Server Authentication\n"), human.out());
        Map<?, ?> json = (Map<?, ?>) ((List<?>) cli.run("show", leaf.thumbprint(), "--json").json()).get(0);
        assertEquals(List.of("<All>"), json.get("purposes"), "the certificate's own");
        assertEquals(List.of("Server Authentication"), json.get("validPurposes"), "what the path allows");
        assertEquals(user.validate(leaf).purposes().stream().map(Purpose::displayName).toList(),
                json.get("validPurposes"), "the core's answer, not another");
    }

    @Test
    void showSaysWhenTheIssuerIsMissing() throws Exception {
        Cli cli = Cli.fresh("status-missing");
        CertificateStore user = cli.stores.open(Scope.currentUser());
        DemoChain chain = FACTORY.createDemoChain("Missing", KeyAlgorithm.EC_P256);
        CertificateEntry leaf = user.add(LogicalStore.PERSONAL, chain.leaf().certificate(), Optional.empty(),
                chain.leaf().attributes());
        Map<?, ?> status = status(cli, leaf);
        assertEquals("issuer-not-found", status.get("code"));
        assertEquals("The issuer of this certificate could not be found.", status.get("message"));
    }

    /**
     * The path's certificates come with their DER (the console's "Another computer" shows the path the remote
     * validated), and list --status gives every certificate the verdict show gives it, in one answer.
     */
    @Test
    void listWithStatusGivesEachCertificatesVerdictAndPath() throws Exception {
        Cli cli = Cli.fresh("status-list");
        CertificateStore user = cli.stores.open(Scope.currentUser());
        DemoChain trusted = FACTORY.createDemoChain("Listed OK", KeyAlgorithm.EC_P256);
        CertificateEntry ok = FACTORY.install(user, trusted);
        DemoChain untrusted = FACTORY.createDemoChain("Listed untrusted", KeyAlgorithm.EC_P256);
        user.add(LogicalStore.INTERMEDIATE, untrusted.root().certificate(), Optional.empty(),
                untrusted.root().attributes());
        user.add(LogicalStore.INTERMEDIATE, untrusted.intermediate().certificate(), Optional.empty(),
                untrusted.intermediate().attributes());
        CertificateEntry notTrusted = user.add(LogicalStore.PERSONAL, untrusted.leaf().certificate(), Optional.empty(),
                untrusted.leaf().attributes());

        Map<?, ?> shown = (Map<?, ?>) ((List<?>) cli.run("show", ok.thumbprint(), "--json").json()).get(0);
        List<?> chain = (List<?>) shown.get("chain");
        java.security.cert.CertificateFactory x509 = java.security.cert.CertificateFactory.getInstance("X.509");
        List<CertificateEntry> path = user.validate(ok).path().certificates();
        assertEquals(path.size(), chain.size());
        for (int i = 0; i < chain.size(); i++) {
            byte[] der = java.util.Base64.getDecoder().decode((String) ((Map<?, ?>) chain.get(i)).get("der"));
            assertEquals(path.get(i).certificate(), x509.generateCertificate(new java.io.ByteArrayInputStream(der)),
                    "certificate " + i + " of the path, leaf first");
        }

        Cli.Result listed = cli.run("list", "--store", "my", "--json", "--status");
        assertEquals(0, listed.status(), listed.toString());
        Map<String, Map<?, ?>> byThumbprint = new java.util.HashMap<>();
        for (Object o : (List<?>) listed.json()) {
            byThumbprint.put((String) ((Map<?, ?>) o).get("thumbprint"), (Map<?, ?>) o);
        }
        assertEquals("ok", ((Map<?, ?>) byThumbprint.get(ok.thumbprint()).get("status")).get("code"));
        assertEquals(shown.get("chain"), byThumbprint.get(ok.thumbprint()).get("chain"), "the same path as show");
        Map<?, ?> untrustedStatus = (Map<?, ?>) byThumbprint.get(notTrusted.thumbprint()).get("status");
        assertEquals(user.validate(notTrusted).status().code(), untrustedStatus.get("code"));
        assertTrue(!"ok".equals(untrustedStatus.get("code")), untrustedStatus.toString());
        assertEquals(3, ((List<?>) byThumbprint.get(notTrusted.thumbprint()).get("chain")).size(),
                "up to the root that is not trusted");

        Map<?, ?> plain = (Map<?, ?>) ((List<?>) cli.run("list", "--store", "my", "--json").json()).get(0);
        assertTrue(!plain.containsKey("status"), "without --status the list stays as it was: " + plain);
        Cli.Result human = cli.run("list", "--status");
        assertEquals(2, human.status(), "--status without --json is a usage error: " + human);
    }

    /** The command line and the snap-in say the same sentence for every verdict. */
    @Test
    void wordsAreTheCertificateDialogs() throws IOException {
        Properties ui = new Properties();
        try (Reader reader = Files.newBufferedReader(snapInMessages(), StandardCharsets.ISO_8859_1)) {
            ui.load(reader);
        }
        for (CertificateStatus status : CertificateStatus.values()) {
            assertEquals(ui.getProperty("trust." + status.code()), StatusWords.message(status), status.code());
        }
    }

    private static Map<?, ?> status(Cli cli, CertificateEntry entry) {
        Cli.Result r = cli.run("show", entry.thumbprint(), "--json");
        assertEquals(0, r.status(), r.toString());
        return (Map<?, ?>) ((Map<?, ?>) ((List<?>) r.json()).get(0)).get("status");
    }

    /** The snap-in's messages in this repository, found from the test's working directory upwards. */
    private static Path snapInMessages() {
        Path relative = Path.of("bundles", "org.cairn.certificates.ui", "OSGI-INF", "l10n", "bundle.properties");
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException("the snap-in's bundle.properties was not found above " + System.getProperty("user.dir"));
    }
}
