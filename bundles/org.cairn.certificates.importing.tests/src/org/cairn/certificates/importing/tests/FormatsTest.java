package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.FileContents;
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every file kind the import reads, written by openssl (an independent writer): PKCS #12 with Ed25519 keys, DER and
 * Base-64 certificates, PKCS #7 (DER and PEM), and PEM bundles with PKCS #8 (plain and encrypted), PKCS #1 and SEC1
 * keys.
 */
class FormatsTest {

    @TempDir
    static Path dir;

    private static final String PASSWORD = "pa55 wörd";

    @BeforeAll
    static void writeFiles() throws Exception {
        Tools.openssl(dir, "req", "-x509", "-newkey", "ed25519", "-keyout", "ed.key", "-out", "ed.crt", "-days", "30",
                "-nodes", "-subj", "/CN=Ed25519 test");
        Tools.openssl(dir, "pkcs12", "-export", "-in", "ed.crt", "-inkey", "ed.key", "-out", "ed-aes.pfx", "-name", "Ed key",
                "-passout", "pass:" + PASSWORD);
        Tools.openssl(dir, "pkcs12", "-export", "-in", "ed.crt", "-inkey", "ed.key", "-out", "ed-3des.pfx", "-name", "Ed key",
                "-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1", "-passout", "pass:" + PASSWORD);
        Tools.openssl(dir, "x509", "-in", "ed.crt", "-outform", "DER", "-out", "ed.cer");
        Tools.openssl(dir, "genrsa", "-traditional", "-out", "rsa1.key", "2048");
        Tools.openssl(dir, "req", "-x509", "-key", "rsa1.key", "-out", "rsa.crt", "-days", "30", "-subj", "/CN=RSA test");
        Tools.openssl(dir, "ecparam", "-name", "prime256v1", "-genkey", "-out", "sec1.key");
        Tools.openssl(dir, "req", "-x509", "-key", "sec1.key", "-out", "ec.crt", "-days", "30", "-subj", "/CN=EC test");
        Tools.openssl(dir, "pkcs8", "-topk8", "-in", "rsa1.key", "-v2", "aes-256-cbc", "-out", "rsa-enc.p8",
                "-passout", "pass:" + PASSWORD);
        Tools.openssl(dir, "rsa", "-in", "rsa1.key", "-aes256", "-traditional", "-out", "rsa-legacy-enc.key",
                "-passout", "pass:" + PASSWORD);
        Tools.openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "rsa.crt", "-certfile", "ec.crt", "-outform", "DER", "-out", "two.p7b");
        Tools.openssl(dir, "crl2pkcs7", "-nocrl", "-certfile", "rsa.crt", "-certfile", "ec.crt", "-out", "two-pem.p7b");
        concat("rsa-pkcs1.pem", "rsa.crt", "rsa1.key");
        concat("ec-sec1.pem", "sec1.key", "ec.crt");
        concat("rsa-pkcs8-encrypted.pem", "rsa.crt", "rsa-enc.p8");
        concat("rsa-legacy-encrypted.pem", "rsa.crt", "rsa-legacy-enc.key");
        concat("ed-pkcs8.pem", "ed.crt", "ed.key");
    }

    private static void concat(String target, String... parts) throws Exception {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            s.append(Files.readString(dir.resolve(part)));
        }
        Files.writeString(dir.resolve(target), s);
    }

    private static CertificateImportService service() {
        CertificateStoreService stores = CertificateStores.create(StoreRoots.under(Corpus.freshRoot("formats")),
                Identity.current(), List.of(CertificateStores.fileStoreProvider()));
        return CertificateImportServices.create(stores);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ed-aes.pfx, true, PKCS12, 1, Ed25519",
        "ed-3des.pfx, true, PKCS12, 1, Ed25519",
        "ed.cer, false, DER_CERTIFICATE, 1, -",
        "ed.crt, false, PEM_BUNDLE, 1, -",
        "two.p7b, false, PKCS7, 2, -",
        "two-pem.p7b, false, PEM_BUNDLE, 2, -",
        "rsa-pkcs1.pem, false, PEM_BUNDLE, 1, RSA-2048",
        "ec-sec1.pem, false, PEM_BUNDLE, 1, EC-P-256",
        "rsa-pkcs8-encrypted.pem, true, PEM_BUNDLE, 1, RSA-2048",
        "rsa-legacy-encrypted.pem, true, PEM_BUNDLE, 1, RSA-2048",
        "ed-pkcs8.pem, false, PEM_BUNDLE, 1, Ed25519"})
    void readsEveryKindOfFile(String file, boolean withPassword, FileFormat format, int certificates, String keyType)
            throws Exception {
        FileContents contents = service().read(dir.resolve(file), withPassword ? PASSWORD.toCharArray() : new char[0]);
        assertEquals(format, contents.format());
        assertEquals(certificates, contents.entries().size());
        assertEquals(keyType.equals("-") ? Optional.empty() : Optional.of(keyType), contents.entries().get(0).keyType());
        if (keyType.equals("-")) {
            assertTrue(contents.entries().stream().noneMatch(e -> e.automaticStore() == LogicalStore.PERSONAL));
        } else {
            assertEquals(LogicalStore.PERSONAL, contents.entries().get(0).automaticStore());
        }
    }

    @Test
    void base64CertificateIsRecognisedWithoutPemHeaders() throws Exception {
        String body = Files.readString(dir.resolve("ed.crt")).replaceAll("-----[A-Z ]+-----", "");
        Path file = Files.writeString(dir.resolve("headerless.cer"), body);
        assertEquals(FileFormat.BASE64_CERTIFICATE, service().read(file, new char[0]).format());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ed-aes.pfx", "rsa-pkcs8-encrypted.pem", "rsa-legacy-encrypted.pem"})
    void wrongPasswordIsRefusedForEveryEncryptedKind(String file) {
        ImportException e = assertThrows(ImportException.class, () -> service().read(dir.resolve(file), "wrong".toCharArray()));
        assertEquals(ImportException.Reason.WRONG_PASSWORD, e.reason());
        assertTrue(e.getMessage().startsWith("The password is incorrect"), e.getMessage());
    }

    @Test
    void keyWithoutItsCertificateIsRefused() {
        ImportException e = assertThrows(ImportException.class, () -> service().read(dir.resolve("rsa1.key"), new char[0]));
        assertEquals(ImportException.Reason.NOTHING_TO_IMPORT, e.reason());
    }
}
