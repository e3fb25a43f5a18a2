package org.cairn.certificates.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restore on another computer: a certificate exported with {@code cairn cert export} on one store root, in every
 * format and with every option, then imported with {@code cairn cert import} on a fresh store root; the certificate,
 * its key, friendly name, description and extended properties (when chosen) and the chain must arrive intact.
 */
class RoundTripTest {

    @TempDir
    Path tmp;

    /**
     * @param name     the case
     * @param options  extra export options
     * @param file     the file name
     * @param key      the private key travels
     * @param chain    the chain travels
     * @param extended the extended properties travel
     */
    record Case(String name, List<String> options, String file, boolean key, boolean chain, boolean extended) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("pfx AES256-SHA256", List.of(), "a.pfx", true, false, false),
                new Case("pfx TripleDES-SHA1", List.of("--encryption", "tripledes-sha1"), "b.pfx", true, false, false),
                new Case("pfx with chain", List.of("--chain"), "c.pfx", true, true, false),
                new Case("pfx with extended properties", List.of("--extended-properties"), "d.pfx", true, false, true),
                new Case("pfx TripleDES, chain, extended properties", List.of("--encryption", "tripledes-sha1", "--chain",
                        "--extended-properties"), "e.pfx", true, true, true),
                new Case("pfx deleting the key", List.of("--delete-key"), "f.pfx", true, false, false),
                new Case("der", List.of("--format", "der"), "g.cer", false, false, false),
                new Case("base64", List.of("--format", "base64"), "h.cer", false, false, false),
                new Case("base64 with chain", List.of("--format", "base64", "--chain"), "i.cer", false, true, false),
                new Case("p7b", List.of("--format", "p7b"), "j.p7b", false, false, false),
                new Case("p7b with chain", List.of("--format", "p7b", "--chain"), "k.p7b", false, true, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exportedCertificateArrivesIntactOnAnotherComputer(Case c) throws Exception {
        Cli here = Cli.fresh("here");
        CertificateStore source = here.stores.open(Scope.currentUser());
        DemoChain chain = CertificateStores.certificateFactory().createDemoChain("Round Trip", KeyAlgorithm.EC_P256);
        CertificateEntry leaf = CertificateStores.certificateFactory().install(source, chain);
        leaf = source.setFriendlyName(leaf, "Web server 2026 ☺");
        leaf = source.setDescription(leaf, "Renewed by ops; see ticket 42");
        leaf = source.setProperties(leaf, Map.of("Owner", "ops team", "cairn.archived", "false"));
        PrivateKey originalKey = source.exportablePrivateKey(leaf);

        here.env.put("PFX_PASSWORD", "correct horse battery staple");
        Path file = tmp.resolve(c.file());
        List<String> export = new ArrayList<>(List.of("export", leaf.thumbprint(), "--out", file.toString()));
        export.addAll(c.options());
        if (c.key()) {
            export.addAll(List.of("--password-env", "PFX_PASSWORD"));
        }
        Cli.Result exported = here.runWithoutStdin(export.toArray(String[]::new));
        assertEquals(0, exported.status(), exported.toString());
        if (c.options().contains("--delete-key")) {
            assertFalse(source.find(leaf.logicalStore(), leaf.thumbprint()).orElseThrow().hasPrivateKey(),
                    "the key is deleted after a verified export");
        }

        Cli there = Cli.fresh("there");
        there.env.put("PFX_PASSWORD", "correct horse battery staple");
        List<String> importArgs = new ArrayList<>(List.of("import", file.toString(), "--exportable"));
        if (c.extended()) {
            importArgs.add("--extended-properties");
        }
        if (c.key()) {
            importArgs.addAll(List.of("--password-env", "PFX_PASSWORD"));
        }
        Cli.Result imported = there.runWithoutStdin(importArgs.toArray(String[]::new));
        assertEquals(0, imported.status(), imported.toString());

        CertificateStore target = there.stores.open(Scope.currentUser());
        List<CertificateEntry> found = target.find(leaf.thumbprint());
        assertEquals(1, found.size(), "the leaf arrives once: " + found);
        CertificateEntry copy = found.get(0);
        assertArrayEquals(leaf.encoded(), copy.encoded(), "the certificate");
        assertEquals(c.key(), copy.hasPrivateKey(), "the private key");
        if (c.key()) {
            assertEquals("My", copy.logicalStore().shortName());
            assertTrue(sameKey(target.exportablePrivateKey(copy), originalKey, leaf), "the private key matches");
            assertEquals("Web server 2026 ☺", copy.friendlyName());
        } else {
            assertEquals("", copy.friendlyName(), c.name() + " carries no friendly name");
        }
        if (c.extended()) {
            assertEquals("Renewed by ops; see ticket 42", copy.description());
            assertEquals(Map.of("Owner", "ops team", "cairn.archived", "false"), copy.properties());
        } else {
            assertEquals("", copy.description());
            assertTrue(copy.properties().isEmpty(), copy.properties().toString());
        }
        int expected = c.chain() ? 3 : 1;
        assertEquals(expected, target.listAll().entries().size(), "certificates arrived: " + target.listAll().entries());
        if (c.chain()) {
            assertEquals(1, target.list(org.cairn.certificates.core.LogicalStore.TRUSTED_ROOT).entries().size());
            assertEquals(1, target.list(org.cairn.certificates.core.LogicalStore.INTERMEDIATE).entries().size());
        }
    }

    /** Signs with the restored key and verifies with the original certificate's public key. */
    private static boolean sameKey(PrivateKey restored, PrivateKey original, CertificateEntry leaf) throws Exception {
        byte[] challenge = new byte[64];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(restored);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(leaf.certificate().getPublicKey());
        verifier.update(challenge);
        return verifier.verify(signature) && restored.getAlgorithm().equals(original.getAlgorithm());
    }
}
