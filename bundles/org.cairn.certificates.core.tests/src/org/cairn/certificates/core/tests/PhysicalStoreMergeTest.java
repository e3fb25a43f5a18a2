package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreRoots;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The computer's Trusted Root Certification Authorities merge the file store and the OS trust bundle. */
class PhysicalStoreMergeTest {

    @TempDir
    Path tmp;
    Path bundle;
    DemoChain a;
    DemoChain b;
    CertificateStoreService service;

    @BeforeEach
    void bundleOfTwoRoots() throws Exception {
        a = Fixtures.factory().createDemoChain("Alpha", KeyAlgorithm.EC_P256);
        b = Fixtures.factory().createDemoChain("Beta", KeyAlgorithm.EC_P256);
        bundle = tmp.resolve("ca-certificates.crt");
        Files.writeString(bundle, "# distribution bundle\n" + pem(a.root().certificate()) + pem(b.root().certificate())
                + pem(a.root().certificate()) // distributions do ship duplicates
                + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n");
        service = Fixtures.service(tmp.resolve("stores"), Fixtures.owner(), CertificateStores.trustBundleProvider(bundle));
    }

    static String pem(X509Certificate c) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    @Test
    void computersTrustedRootsShowTheBundleReadOnly() throws Exception {
        CertificateStore computer = service.open(Scope.computer());
        StoreListing roots = computer.list(LogicalStore.TRUSTED_ROOT);
        assertEquals(2, roots.entries().size(), "duplicates in the bundle show once");
        for (CertificateEntry e : roots.entries()) {
            assertEquals(List.of(".SystemTrustBundle"), e.physicalStores());
            assertFalse(e.hasPrivateKey());
            assertEquals(AccessDenial.Reason.READ_ONLY_STORE, computer.whyNotModifiable(e).orElseThrow().reason());
            CertificateStoreException ex = assertThrows(CertificateStoreException.class, () -> computer.delete(e));
            assertEquals(AccessDenial.Reason.READ_ONLY_STORE, ex.denial().orElseThrow().reason());
            assertThrows(CertificateStoreException.class, () -> computer.setFriendlyName(e, "x"));
        }
        assertEquals(1, roots.problems().size(), "the unreadable block is reported");
        String text = Files.readString(bundle);
        int line = 1 + (int) text.substring(0, text.lastIndexOf("-----BEGIN")).chars().filter(c -> c == '\n').count();
        assertEquals(bundle + ":" + line, roots.problems().get(0).location(), "the line of the unreadable block");
        assertEquals(List.of(new PhysicalStoreInfo(".Default", tmp.resolve("stores/computer/Root").toString(), true),
                new PhysicalStoreInfo(".SystemTrustBundle", bundle.toString(), false)),
                computer.physicalStores(LogicalStore.TRUSTED_ROOT));
    }

    @Test
    void otherScopesAndStoresDoNotShowTheBundle() throws Exception {
        assertTrue(service.open(Scope.currentUser()).list(LogicalStore.TRUSTED_ROOT).entries().isEmpty());
        assertTrue(service.open(Scope.service("web")).list(LogicalStore.TRUSTED_ROOT).entries().isEmpty());
        assertTrue(service.open(Scope.computer()).list(LogicalStore.INTERMEDIATE).entries().isEmpty());
    }

    @Test
    void sameCertificateInBothPhysicalStoresShowsOnceWithBothSources() throws Exception {
        CertificateStore computer = service.open(Scope.computer());
        computer.add(LogicalStore.TRUSTED_ROOT, a.root().certificate(), Optional.empty(),
                EntryAttributes.defaults().withFriendlyName("Alpha (local copy)"));
        StoreListing roots = computer.list(LogicalStore.TRUSTED_ROOT);
        assertEquals(2, roots.entries().size());
        CertificateEntry alpha = roots.entries().stream().filter(e -> e.issuedTo().startsWith("Alpha")).findFirst().orElseThrow();
        assertEquals(List.of(".Default", ".SystemTrustBundle"), alpha.physicalStores());
        assertEquals("Alpha (local copy)", alpha.friendlyName(), "attributes come from the first (writable) store");
        assertEquals(alpha.physicalStores(), computer.find(LogicalStore.TRUSTED_ROOT, alpha.thumbprint()).orElseThrow().physicalStores());

        computer.setDescription(alpha, "changed in .Default");
        computer.delete(alpha);
        CertificateEntry still = computer.find(LogicalStore.TRUSTED_ROOT, alpha.thumbprint()).orElseThrow();
        assertEquals(List.of(".SystemTrustBundle"), still.physicalStores(), "deleting removes the writable copy only");
    }

    @Test
    void changedBundleFileIsReadAgain() throws Exception {
        CertificateStore computer = service.open(Scope.computer());
        assertEquals(2, computer.list(LogicalStore.TRUSTED_ROOT).entries().size());
        Files.writeString(bundle, pem(a.root().certificate()));
        Files.setLastModifiedTime(bundle, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(1, computer.list(LogicalStore.TRUSTED_ROOT).entries().size());
    }

    @Test
    void systemTrustBundleIsFoundWhereTheDistributionKeepsIt() throws Exception {
        Optional<Path> system = CertificateStores.systemTrustBundle();
        assumeTrue(system.isPresent(), "this machine has no CA bundle in a known place");
        CertificateStoreService real = CertificateStores.createDefault(StoreRoots.under(tmp.resolve("real")), Identity.current());
        StoreListing roots = real.open(Scope.computer()).list(LogicalStore.TRUSTED_ROOT);
        assertTrue(roots.entries().size() > 10, "a distribution ships many roots: " + roots.entries().size());
        assertTrue(roots.entries().stream().allMatch(e -> e.physicalStores().equals(List.of(".SystemTrustBundle"))));
    }
}
