package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PKCS #12 key derivations start before the store is read and run beside each other: the file they make opens
 * in the independent readers, and a derivation that fails, or an export refused after they started, leaves no file.
 */
class EarlyDerivationTest {

    private static final char[] PASSWORD = "early derivations".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aChainExportedWithEarlyDerivationsOpensInEveryReader() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.chain(KeyAlgorithm.RSA_2048, "Early");
        Path file = dir.resolve("early.pfx");
        ExportResult result;
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file)
                .includePrivateKey(true).includeChain(true).encryption(Pkcs12Encryption.AES256_SHA256)
                .password(PASSWORD.clone()).build()) {
            result = stores.service().export(request);
        }
        assertTrue(result.keyWritten());
        assertEquals(3, result.certificates().size());
        Pkcs12InteropTest.assertReadersAgree(file, PASSWORD, 3, "rsa", "Early",
                Pkcs12InteropTest.readers(KeyAlgorithm.RSA_2048, PASSWORD));
    }

    @Test
    void aDerivationThatFailsLeavesNoFileBehind() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.chain(KeyAlgorithm.EC_P256, "Failing");
        Path out = Files.createDirectories(dir.resolve("out"));
        // the second salt drawn on a derivation's thread fails: one derivation breaks, the others run to their end
        AtomicInteger drawn = new AtomicInteger();
        SecureRandom failing = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (Thread.currentThread().getName().equals("cairn-export-derivation") && drawn.incrementAndGet() == 2) {
                    throw new IllegalStateException("no randomness for this derivation");
                }
                super.nextBytes(bytes);
            }
        };
        Path file = out.resolve("failing.pfx");
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file)
                .includePrivateKey(true).includeChain(true).password(PASSWORD.clone()).build()) {
            ExportException e = assertThrows(ExportException.class, () -> stores.service(new ReadBackVerifier(),
                    FileOutput.DIRECT, failing).export(request));
            assertEquals(ExportException.Reason.CRYPTO_FAILED, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("no randomness"), e.getMessage());
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing is left in the target folder");
        }
        assertTrue(stores.reload(entry).hasPrivateKey(), "the key stays in the store");
    }

    @Test
    void anExportRefusedAfterTheDerivationsStartedLeavesNoFile() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Not exportable", false);
        Path out = Files.createDirectories(dir.resolve("out"));
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12,
                out.resolve("refused.pfx")).includePrivateKey(true).password(PASSWORD.clone()).build()) {
            ExportException e = assertThrows(ExportException.class, () -> stores.service().export(request));
            assertEquals(ExportException.Reason.NOT_EXPORTABLE, e.reason(), e.getMessage());
        }
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "nothing is left in the target folder");
        }
    }
}
