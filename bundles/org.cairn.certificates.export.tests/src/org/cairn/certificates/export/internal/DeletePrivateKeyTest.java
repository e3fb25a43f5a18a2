package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * "Delete the private key if the export is successful": the key goes only after the written file was read back
 * and verified, the certificate stays, and a failed verification keeps the key.
 */
class DeletePrivateKeyTest {

    private static final char[] PASSWORD = "delete-after-export".toCharArray();

    @TempDir
    Path dir;
    StoreFixture stores;
    ExportVerifier real;

    @BeforeEach
    void setUp() throws Exception {
        stores = new StoreFixture(dir.resolve("stores"));
        real = new ReadBackVerifier();
    }

    private static ExportRequest request(CertificateEntry entry, Path file, Pkcs12Encryption encryption) {
        return ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file).includePrivateKey(true)
                .includeChain(true).deletePrivateKey(true).encryption(encryption).password(PASSWORD).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void theKeyIsDeletedOnlyAfterTheFileWasVerified(Pkcs12Encryption encryption) throws Exception {
        CertificateEntry leaf = stores.chain(KeyAlgorithm.EC_P256, "Delete after export");
        Path file = dir.resolve("moved.pfx");
        List<String> events = new ArrayList<>();
        ExportVerifier watching = (written, format, expected, options, password) -> {
            try {
                events.add("verify: key in store=" + stores.reload(leaf).hasPrivateKey() + ", target exists="
                        + Files.exists(file));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            ExportVerifier.Verification verification = real.verify(written, format, expected, options, password);
            events.add("verified");
            return verification;
        };

        ExportResult result = stores.service(watching, FileOutput.DIRECT).export(request(leaf, file, encryption));

        assertEquals(List.of("verify: key in store=true, target exists=false", "verified"), events);
        assertTrue(result.keyWritten());
        assertTrue(result.keyDeleted());
        assertEquals(java.util.Optional.empty(), result.keyNotDeletedReason());
        CertificateEntry after = stores.reload(leaf);
        assertFalse(after.hasPrivateKey(), "the key is gone from the store");
        assertEquals(leaf.thumbprint(), after.thumbprint(), "the certificate stays");
        ExternalTools.Run run = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-nodes"), PASSWORD);
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("-----BEGIN PRIVATE KEY-----"), "the key survives in the file");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void theKeyIsKeptWhenVerificationFails(Pkcs12Encryption encryption) throws Exception {
        CertificateEntry leaf = stores.chain(KeyAlgorithm.ED25519, "Keep on failure");
        Path file = dir.resolve("bad.pfx");
        ExportVerifier failing = (written, format, expected, options, password) -> {
            real.verify(written, format, expected, options, password);
            throw new ExportException(Reason.VERIFICATION_FAILED, "injected: the file did not read back");
        };

        ExportException e = assertThrows(ExportException.class,
                () -> stores.service(failing, FileOutput.DIRECT).export(request(leaf, file, encryption)));

        assertEquals(Reason.VERIFICATION_FAILED, e.reason());
        assertTrue(stores.reload(leaf).hasPrivateKey(), "the key must stay when verification fails");
        assertFalse(Files.exists(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("stores")), files.toList(), "no temporary file left");
        }
    }
}
