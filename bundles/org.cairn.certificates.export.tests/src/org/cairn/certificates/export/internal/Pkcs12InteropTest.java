package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.pkcs12.internal.Pkcs12Attributes;
import org.cairn.certificates.export.Pkcs12Protection;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every PKCS #12 file the service writes is read by five independent implementations (OpenSSL, JDK keytool,
 * NSS pk12util, GnuTLS certtool, python-cryptography) through the repository's {@code releng/pfx-readers}: they must all
 * decrypt the key, find it matches the certificate, count the certificates and find the friendly name.
 * Readers are left out only where the tool's header documents that they cannot handle the case at all.
 */
class Pkcs12InteropTest {

    private static final String ALL_READERS = "openssl,keytool,nss,gnutls,python";
    private static final char[] PASSWORD = "Cairn-Test-Passw0rd!".toCharArray();
    private static final char[] NON_ASCII_PASSWORD = "Pässwörd-€-日本語-🔑".toCharArray();

    @TempDir
    Path dir;

    static Stream<Arguments> keyTypesEncryptionsAndChains() {
        List<Arguments> all = new ArrayList<>();
        for (KeyAlgorithm algorithm : List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384,
                KeyAlgorithm.ED25519)) {
            for (Pkcs12Encryption encryption : Pkcs12Encryption.values()) {
                for (boolean chain : List.of(true, false)) {
                    all.add(Arguments.of(algorithm, encryption, chain));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} chain={2}")
    @MethodSource("keyTypesEncryptionsAndChains")
    void everyReaderOpensThePfxAndFindsTheMatchingKey(KeyAlgorithm algorithm, Pkcs12Encryption encryption,
            boolean chain) throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        String name = "Cairn " + algorithm + " " + encryption;
        CertificateEntry leaf = stores.chain(algorithm, name);
        Path file = dir.resolve("export.pfx");

        ExportResult result = stores.service().export(request(leaf, file, encryption, PASSWORD).includeChain(chain)
                .build());

        int certificates = chain ? 3 : 1;
        assertWritten(result, file, certificates, true);
        assertProtection(result.protection().orElseThrow(), encryption, StoreFixture.SETTINGS.strongIterations(), true);
        assertEquals(leaf.thumbprint(), result.certificates().get(0).thumbprint(), "leaf first");
        assertReadersAgree(file, PASSWORD, certificates, keyType(algorithm), name, readers(algorithm, PASSWORD));
        assertOpensslReadsIt(file, PASSWORD, encryption, certificates, true);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void extendedPropertiesTravelAsBagAttributesThatEveryReaderAccepts(Pkcs12Encryption encryption) throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        KeyAlgorithm algorithm = encryption == Pkcs12Encryption.AES256_SHA256 ? KeyAlgorithm.RSA_2048 : KeyAlgorithm.ED25519;
        CertificateEntry leaf = stores.chain(algorithm, "Web server");
        leaf = stores.user.setDescription(leaf, "Backed up before the move — keep offline");
        leaf = stores.user.setProperties(leaf, Map.of("owner", "ops@example.org", "ticket", "CHG-1234"));
        Path file = dir.resolve("extended.pfx");

        ExportResult result = stores.service().export(request(leaf, file, encryption, PASSWORD).includeChain(true)
                .extendedProperties(true).build());

        assertWritten(result, file, 3, true);
        assertReadersAgree(file, PASSWORD, 3, keyType(algorithm), "Web server", readers(algorithm, PASSWORD));
        ExternalTools.Run info = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-nokeys", "-info"), PASSWORD);
        assertEquals(0, info.exitCode(), info.output());
        assertTrue(info.output().contains(Pkcs12Attributes.MS_DESCRIPTION), "description attribute: " + info.output());
        assertTrue(info.output().contains(Pkcs12Attributes.CAIRN_PROPERTIES), "properties attribute: " + info.output());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void withoutTheKeyThePfxHoldsCertificatesOnly(Pkcs12Encryption encryption) throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry leaf = stores.chain(KeyAlgorithm.EC_P256, "Certificates only");
        Path file = dir.resolve("certs.pfx");

        ExportResult result = stores.service().export(request(leaf, file, encryption, PASSWORD).includePrivateKey(false)
                .includeChain(true).build());

        assertWritten(result, file, 3, false);
        assertEquals("", result.protection().orElseThrow().keyAlgorithm());
        assertReadersAgree(file, PASSWORD, 3, "none", "Certificates only", readers(KeyAlgorithm.EC_P256, PASSWORD));
        assertOpensslReadsIt(file, PASSWORD, encryption, 3, false);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void aNonAsciiPasswordIsEncodedAsEveryReaderExpects(Pkcs12Encryption encryption) throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry leaf = stores.chain(KeyAlgorithm.EC_P384, "Zertifikat für Jürgen");
        Path file = dir.resolve("umlaut.pfx");

        ExportResult result = stores.service().export(request(leaf, file, encryption, NON_ASCII_PASSWORD)
                .includeChain(true).build());

        assertWritten(result, file, 3, true);
        assertReadersAgree(file, NON_ASCII_PASSWORD, 3, "ec", "Zertifikat für Jürgen",
                readers(KeyAlgorithm.EC_P384, NON_ASCII_PASSWORD));
        assertOpensslReadsIt(file, NON_ASCII_PASSWORD, encryption, 3, true);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Pkcs12Encryption.class)
    void withoutStrongProtectionTheStandardIterationCountIsUsed(Pkcs12Encryption encryption) throws Exception {
        StoreFixture stores = new StoreFixture(dir.resolve("stores"));
        CertificateEntry leaf = stores.chain(KeyAlgorithm.RSA_2048, "Standard protection");
        Path file = dir.resolve("standard.pfx");

        ExportResult result = stores.service().export(request(leaf, file, encryption, PASSWORD).strongProtection(false)
                .build());

        assertProtection(result.protection().orElseThrow(), encryption, StoreFixture.SETTINGS.standardIterations(), true);
        assertReadersAgree(file, PASSWORD, 1, "rsa", "Standard protection", readers(KeyAlgorithm.RSA_2048, PASSWORD));
        ExternalTools.Run info = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-noout", "-info"), PASSWORD);
        assertTrue(info.output().contains("Iteration " + StoreFixture.SETTINGS.standardIterations()), info.output());
    }

    static ExportRequest.Builder request(CertificateEntry leaf, Path file, Pkcs12Encryption encryption, char[] password) {
        return ExportRequest.builder(ExportSource.of(leaf), ExportFormat.PKCS12, file).includePrivateKey(true)
                .encryption(encryption).password(password);
    }

    static String keyType(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case RSA_2048, RSA_3072, RSA_4096 -> "rsa";
            case EC_P256, EC_P384 -> "ec";
            case ED25519 -> "ed25519";
        };
    }

    /** All five readers, except where the tool's header says one cannot handle the case at all. */
    static List<String> readers(KeyAlgorithm algorithm, char[] password) {
        List<String> readers = new ArrayList<>(List.of(ALL_READERS.split(",")));
        if (algorithm == KeyAlgorithm.ED25519) {
            readers.remove("nss"); // NSS 3.87 cannot import Ed25519 private keys (releng/pfx-readers header)
        }
        if (!new String(password).chars().allMatch(c -> c < 0x80)) {
            readers.remove("keytool"); // JDK 17 keytool refuses non-ASCII passwords (releng/pfx-readers header)
        }
        return readers;
    }

    static void assertWritten(ExportResult result, Path file, int certificates, boolean key) throws Exception {
        assertWritten(result, file, certificates, key, List.of(Pkcs12ReadBack.NAME));
    }

    static void assertWritten(ExportResult result, Path file, int certificates, boolean key, List<String> verifiedBy)
            throws Exception {
        assertEquals(file.toAbsolutePath(), result.file());
        byte[] content = Files.readAllBytes(file);
        assertEquals(content.length, result.size());
        assertEquals(HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                result.sha256());
        assertEquals(certificates, result.certificates().size());
        assertEquals(key, result.keyWritten());
        assertFalse(result.keyDeleted());
        assertEquals(key ? "rw-------" : "rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(verifiedBy, result.verifiedBy());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList(),
                    "no temporary file left");
        }
    }

    static void assertProtection(Pkcs12Protection protection, Pkcs12Encryption encryption, int iterations,
            boolean key) {
        String algorithm = encryption == Pkcs12Encryption.AES256_SHA256 ? "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)"
                : "pbeWithSHAAnd3-KeyTripleDES-CBC";
        assertEquals(encryption, protection.encryption());
        assertEquals(algorithm, protection.certificateAlgorithm());
        assertEquals(iterations, protection.certificateIterations());
        assertEquals(key ? algorithm : "", protection.keyAlgorithm());
        assertEquals(key ? iterations : 0, protection.keyIterations());
        assertEquals(encryption.macAlgorithm(), protection.macAlgorithm());
        assertEquals(iterations, protection.macIterations());
    }

    static void assertReadersAgree(Path file, char[] password, int certificates, String keyType, String friendlyName,
            List<String> readers) throws Exception {
        ExternalTools.Run run = ExternalTools.interopCheck(file, password, certificates, keyType, friendlyName, readers);
        assertEquals(0, run.exitCode(), () -> "pfx-readers failed:\n" + run.output());
        assertTrue(run.output().contains("pfx-readers: all required readers agree"), run.output());
    }

    /**
     * OpenSSL 3 with its default provider, and with {@code -legacy}: both must decrypt everything. For
     * TripleDES-SHA1 this shows that the file does not need the legacy provider (3DES and SHA-1 are in the default
     * one) and that it also reads the way old scripts call it.
     */
    static void assertOpensslReadsIt(Path file, char[] password, Pkcs12Encryption encryption, int certificates,
            boolean key) throws Exception {
        List<List<String>> modes = encryption == Pkcs12Encryption.TRIPLEDES_SHA1 ? List.of(List.of(), List.of("-legacy"))
                : List.of(List.<String>of());
        for (List<String> mode : modes) {
            List<String> arguments = new ArrayList<>(List.of("pkcs12"));
            arguments.addAll(mode);
            arguments.addAll(List.of("-in", file.toString(), "-passin", "env:" + ExternalTools.PASSWORD_VARIABLE,
                    "-nodes", "-info"));
            ExternalTools.Run run = ExternalTools.openssl(arguments, password);
            String what = "openssl pkcs12 " + String.join(" ", mode) + ":\n" + run.output();
            assertEquals(0, run.exitCode(), what);
            assertEquals(certificates, run.output().split("-----BEGIN CERTIFICATE-----", -1).length - 1, what);
            assertEquals(key, run.output().contains("-----BEGIN PRIVATE KEY-----"), what);
            String algorithm = encryption == Pkcs12Encryption.AES256_SHA256 ? "PBES2, PBKDF2, AES-256-CBC"
                    : "pbeWithSHA1And3-KeyTripleDES-CBC";
            assertTrue(run.output().contains(algorithm), what);
            assertTrue(run.output().contains(encryption == Pkcs12Encryption.AES256_SHA256 ? "MAC: sha256" : "MAC: sha1"),
                    what);
        }
    }
}
