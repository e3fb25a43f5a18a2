package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password: copied, its copies cleared, the caller's array untouched, never shown. */
class PasswordHandlingTest {

    @TempDir
    Path dir;

    @Test
    void theServiceClearsItsCopyAndLeavesTheCallersArrayAlone() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Password", true);
        char[] callers = "caller's secret".toCharArray();
        List<char[]> seen = new ArrayList<>();
        ExportVerifier real = new ReadBackVerifier();
        ExportVerifier capturing = (written, format, expected, options, password) -> {
            seen.add(password);
            return real.verify(written, format, expected, options, password);
        };
        ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, dir.resolve("p.pfx"))
                .includePrivateKey(true).password(callers).build();

        ExportResult result = stores.service(capturing, FileOutput.DIRECT).export(request);

        assertArrayEquals("caller's secret".toCharArray(), callers, "the caller's array is not changed");
        assertNotSame(callers, seen.get(0), "the service works on its own copy");
        assertArrayEquals(new char[callers.length], seen.get(0), "the service's copy is cleared after the export");
        assertFalse(request.toString().contains("secret"), request.toString());
        assertFalse(result.toString().contains("secret"), result.toString());

        request.close();
        assertArrayEquals(new char[callers.length], callers, "close() clears the caller's array");
    }

    @Test
    void theFileDoesNotOpenWithAnotherPassword() throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.RSA_2048, "Password", true);
        Path file = dir.resolve("p.pfx");
        try (ExportRequest request = ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file)
                .includePrivateKey(true).password("right password".toCharArray()).build()) {
            stores.service().export(request);
        }

        ExternalTools.Run wrong = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-nodes"), "wrong password".toCharArray());
        ExternalTools.Run right = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-nodes"), "right password".toCharArray());

        assertTrue(wrong.exitCode() != 0 && wrong.output().contains("Mac verify error"), wrong.output());
        assertEquals(0, right.exitCode(), right.output());
    }
}
