package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The interoperability runner the export tests rely on ({@code releng/pfx-readers}) must be able to fail: it is
 * checked here on third-party files of {@code testdata/pkcs12} whose contents are known from its MANIFEST.
 */
class PfxReadersTest {

    /** OpenSSL-made, PBES2 AES-256 with a SHA-1 MAC: every reader opens it (MANIFEST row pyca_cert-key-aes256cbc). */
    private static final String VALID = "pyca_cert-key-aes256cbc.p12";
    private static final char[] VALID_PASSWORD = "cryptography".toCharArray();
    /** A Windows-made file with one byte of its MAC changed: every reader must refuse it. */
    private static final String WRONG_MAC = "derived_wrong-mac_rustcrypto_example3.pfx";

    @Test
    void agreesWhenEveryExpectationHolds() throws Exception {
        ExternalTools.Run run = readers(VALID, VALID_PASSWORD, "--expect-certs", "1", "--expect-key", "ec");
        assertEquals(0, run.exitCode(), run.output());
        for (String reader : List.of("openssl", "keytool", "nss", "gnutls", "python")) {
            assertTrue(run.output().lines().anyMatch(l -> l.startsWith(reader) && l.contains("certs=1 keys=ec")),
                    reader + " did not read it:\n" + run.output());
        }
    }

    @Test
    void failsOnAWrongCertificateCount() throws Exception {
        ExternalTools.Run run = readers(VALID, VALID_PASSWORD, "--expect-certs", "2", "--strict-counts");
        assertEquals(1, run.exitCode(), run.output());
    }

    @Test
    void failsOnAWrongKeyType() throws Exception {
        ExternalTools.Run run = readers(VALID, VALID_PASSWORD, "--expect-key", "rsa");
        assertEquals(1, run.exitCode(), run.output());
    }

    @Test
    void failsOnAWrongPassword() throws Exception {
        ExternalTools.Run run = readers(VALID, "not the password".toCharArray(), "--expect-certs", "1");
        assertEquals(1, run.exitCode(), run.output());
        assertEquals(5, run.output().lines().filter(l -> l.contains(" FAIL ")).count(), run.output());
    }

    @Test
    void everyReaderRefusesADamagedMac() throws Exception {
        assertEquals(0, readers(WRONG_MAC, "1234".toCharArray(), "--expect-fail").exitCode());
        assertEquals(1, readers(WRONG_MAC, "1234".toCharArray()).exitCode());
    }

    private static ExternalTools.Run readers(String corpusFile, char[] password, String... options) throws Exception {
        Path file = ExternalTools.interopCheck().getParent().getParent().resolve("testdata/pkcs12").resolve(corpusFile);
        List<String> command = new ArrayList<>(List.of(ExternalTools.interopCheck().toString(), "--password-env",
                ExternalTools.PASSWORD_VARIABLE));
        command.addAll(List.of(options));
        command.add(file.toString());
        return ExternalTools.run(command, password);
    }
}
