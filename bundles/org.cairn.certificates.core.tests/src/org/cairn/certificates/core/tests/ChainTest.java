package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainTest {

    @TempDir
    Path tmp;
    CertificateStoreService service;
    CertificateStore user;
    DemoChain chain;

    @BeforeEach
    void setUp() throws Exception {
        service = Fixtures.service(tmp, Fixtures.owner());
        user = service.open(Scope.currentUser());
        chain = Fixtures.factory().createDemoChain("Chain", KeyAlgorithm.EC_P256);
    }

    private CertificateEntry leafInPersonal() throws Exception {
        return user.add(LogicalStore.PERSONAL, chain.leaf().certificate(), Optional.of(chain.leaf().privateKey()),
                chain.leaf().attributes());
    }

    @Test
    void installedDemoChainBuildsLeafToTrustedRoot() throws Exception {
        CertificateEntry leaf = Fixtures.factory().install(user, chain);
        CertificationPath path = user.chain(leaf);
        assertEquals(CertificationPath.Status.TRUSTED_ROOT, path.status());
        assertTrue(path.complete());
        assertEquals(List.of(chain.leaf().certificate(), chain.intermediate().certificate(), chain.root().certificate()),
                path.x509Certificates());
        assertEquals(List.of(LogicalStore.PERSONAL, LogicalStore.INTERMEDIATE, LogicalStore.TRUSTED_ROOT),
                path.certificates().stream().map(CertificateEntry::logicalStore).toList());

        // an independent check: the JDK's PKIX validator accepts the path we built
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain.root().certificate(), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(path.x509Certificates().subList(0, 2)), params);
    }

    @Test
    void issuersAreFoundInTheComputersStoresToo() throws Exception {
        CertificateStore computer = service.open(Scope.computer());
        computer.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        computer.add(LogicalStore.INTERMEDIATE, chain.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leafInPersonal());
        assertEquals(CertificationPath.Status.TRUSTED_ROOT, path.status());
        assertEquals(List.of(Scope.currentUser(), Scope.computer(), Scope.computer()),
                path.certificates().stream().map(CertificateEntry::scope).toList());
    }

    @Test
    void missingIntermediateIsNamed() throws Exception {
        user.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leafInPersonal());
        assertEquals(CertificationPath.Status.ISSUER_NOT_FOUND, path.status());
        assertFalse(path.complete());
        assertEquals(Optional.of("CN=Chain Intermediate CA,O=Cairn Demo"), path.missingIssuer());
        assertEquals(1, path.certificates().size());
    }

    @Test
    void rootOutsideTheTrustedStoresIsUntrusted() throws Exception {
        user.add(LogicalStore.INTERMEDIATE, chain.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        user.add(LogicalStore.OTHER_PEOPLE, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leafInPersonal());
        assertEquals(CertificationPath.Status.UNTRUSTED_ROOT, path.status());
        assertEquals(3, path.certificates().size());
    }

    @Test
    void untrustedCertificatesAreNeverUsedAsIssuers() throws Exception {
        Fixtures.factory().install(user, chain);
        user.add(LogicalStore.UNTRUSTED, chain.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(user.list(LogicalStore.PERSONAL).entries().get(0));
        assertEquals(CertificationPath.Status.ISSUER_NOT_FOUND, path.status());
    }

    @Test
    void sameNameWithAnotherKeyIsNotTakenForTheIssuer() throws Exception {
        DemoChain impostor = Fixtures.factory().createDemoChain("Chain", KeyAlgorithm.EC_P256);
        user.add(LogicalStore.INTERMEDIATE, impostor.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leafInPersonal());
        assertEquals(CertificationPath.Status.ISSUER_NOT_FOUND, path.status(), "the signature decides, not the name");
    }

    @Test
    void selfSignedCertificateIsItsOwnRoot() throws Exception {
        CertificateEntry self = Fixtures.addWithKey(user, LogicalStore.PERSONAL, Fixtures.selfSigned("alone"));
        CertificationPath path = user.chain(self);
        assertEquals(CertificationPath.Status.UNTRUSTED_ROOT, path.status());
        assertEquals(List.of(self), path.certificates());
        X509Certificate c = path.x509Certificates().get(0);
        assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
    }
}
