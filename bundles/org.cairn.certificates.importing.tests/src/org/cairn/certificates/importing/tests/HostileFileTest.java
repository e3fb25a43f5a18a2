package org.cairn.certificates.importing.tests;

import static org.cairn.certificates.importing.tests.Crafted.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.Pkcs12Report;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number a PKCS #12 file controls, set by a crafted file to what would take minutes, gigabytes or a stack
 * overflow: import, read and inspect refuse each within a second, with a message that names what is wrong in the
 * user's words (no Java exception text), and nothing is imported.
 */
class HostileFileTest {

    @TempDir
    Path dir;

    private CertificateStoreService stores;
    private CertificateImportService service;

    @BeforeEach
    void setUp() throws Exception {
        stores = CertificateStores.create(StoreRoots.under(Corpus.freshRoot("hostile")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider()));
        service = CertificateImportServices.create(stores);
        // load the reader's classes once, so that the timings below measure the refusals only
        Path warm = dir.resolve("warm.p12");
        Files.write(warm, Crafted.pfx(List.of(Crafted.pbes2Safe(n(1), n(32))), null));
        assertThrows(ImportException.class, () -> service.read(warm, "x".toCharArray()));
    }

    static Stream<Arguments> hostileFiles() throws Exception {
        BigInteger huge = BigInteger.ONE.shiftLeft(40);
        List<Arguments> files = new ArrayList<>();
        files.add(Arguments.of("iterations above the cap", Crafted.pfx(List.of(Crafted.pbes2Safe(n(2_000_001), n(32))), null), "iterations"));
        files.add(Arguments.of("ten million iterations (the probe's 23 s file)", Crafted.pfx(List.of(Crafted.pbes2Safe(n(10_000_000), n(32))), null), "iterations"));
        files.add(Arguments.of("iterations beyond 2^63", Crafted.pfx(List.of(Crafted.pbes2Safe(BigInteger.ONE.shiftLeft(70), n(32))), null), "iterations"));
        files.add(Arguments.of("negative iterations", Crafted.pfx(List.of(Crafted.pbes2Safe(n(-5), n(32))), null), "iterations"));
        files.add(Arguments.of("MAC iterations above the cap", Crafted.pfx(List.of(Crafted.pbes2Safe(n(1), n(32))), Crafted.mac(n(20_000_000), 8)), "iterations"));
        for (long length : new long[] {1L << 20, 1L << 28, Integer.MAX_VALUE, 1L << 40, -1, 0}) {
            files.add(Arguments.of("PBES2 key length " + length, Crafted.pfx(List.of(Crafted.pbes2Safe(n(2048), n(length))), null), "key"));
            files.add(Arguments.of("PBMAC1 key length " + length, Crafted.pfx(List.of(Crafted.pbes2Safe(n(1), n(32))),
                    Crafted.pbmac1(n(2048), n(length))), "key length"));
        }
        files.add(Arguments.of("PBES2 key length not the cipher's", Crafted.pfx(List.of(Crafted.pbes2Safe(n(2048), n(16))), null), "key"));
        for (long length : new long[] {1L << 20, 1L << 28, -5, 0}) {
            files.add(Arguments.of("RC2 key length " + length, Crafted.pfx(List.of(Crafted.rc2Safe(n(length), 58)), null), "key length"));
        }
        files.add(Arguments.of("RC2 effective bits 2^28", Crafted.pfx(List.of(Crafted.rc2Safe(n(16), 1 << 28)), null), "RC2"));
        files.add(Arguments.of("RC2 parameter version -5", Crafted.pfx(List.of(Crafted.rc2Safe(n(16), -5)), null), "RC2"));
        files.add(Arguments.of("scrypt N 2^30", Crafted.pfx(List.of(Crafted.scryptSafe(n(1L << 30), n(8), n(1))), null), "scrypt"));
        files.add(Arguments.of("scrypt N 2^62", Crafted.pfx(List.of(Crafted.scryptSafe(n(1L << 62), n(8), n(1))), null), "scrypt"));
        files.add(Arguments.of("scrypt r huge", Crafted.pfx(List.of(Crafted.scryptSafe(n(1024), huge, n(1))), null), "scrypt"));
        files.add(Arguments.of("scrypt p 1000", Crafted.pfx(List.of(Crafted.scryptSafe(n(1024), n(8), n(1000))), null), "scrypt"));
        files.add(Arguments.of("scrypt N not a power of two", Crafted.pfx(List.of(Crafted.scryptSafe(n(1000), n(8), n(1))), null), "scrypt"));
        files.add(Arguments.of("total work: four safes at the cap", Crafted.pfx(List.of(Crafted.pbes2Safe(n(2_000_000), n(32)),
                Crafted.pbes2Safe(n(2_000_000), n(32)), Crafted.pbes2Safe(n(2_000_000), n(32)), Crafted.pbes2Safe(n(2_000_000), n(32))),
                Crafted.mac(n(2048), 8)), "work"));
        files.add(Arguments.of("total work: two safes and a MAC at the cap, and one more", Crafted.pfx(List.of(
                Crafted.pbes2Safe(n(2_000_000), n(32)), Crafted.pbes2Safe(n(2_000_000), n(32)), Crafted.pbes2Safe(n(1), n(32))),
                Crafted.mac(n(2_000_000), 8)), "work"));
        List<ContentInfo> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(Crafted.plainSafe(List.of()));
        }
        files.add(Arguments.of("300 safes", Crafted.pfx(many, null), "safes"));
        List<SafeBag> bags = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            bags.add(Crafted.secretBag(List.of()));
        }
        files.add(Arguments.of("10,001 bags", Crafted.pfx(List.of(Crafted.plainSafe(bags)), null), "bags"));
        List<Attribute> attributes = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            attributes.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, new DERSet(new DEROctetString(new byte[] {(byte) i}))));
        }
        files.add(Arguments.of("65 attributes", Crafted.pfx(List.of(Crafted.plainSafe(List.of(Crafted.secretBag(attributes)))), null), "attributes"));
        files.add(Arguments.of("safeContents nested 20 deep", Crafted.pfx(List.of(Crafted.plainSafe(List.of(Crafted.nestedBags(20)))), null), "nested"));
        files.add(Arguments.of("salt of 4096 bytes", Crafted.pfx(List.of(Crafted.encryptedSafe(Crafted.pbes2(n(2048), n(32),
                Crafted.AES256_CBC, new DEROctetString(new byte[16]), new byte[4096]))), null), "salt"));
        files.add(Arguments.of("MAC salt of 4096 bytes", Crafted.pfx(List.of(Crafted.pbes2Safe(n(1), n(32))), Crafted.mac(n(2048), 4096)), "salt"));
        files.add(Arguments.of("ASN.1 nested 100,000 deep", Crafted.deeplyNested(100_000), "nested"));
        DERSequence nulls = new DERSequence(java.util.Collections.nCopies(600_000, DERNull.INSTANCE).toArray(DERNull[]::new));
        files.add(Arguments.of("600,000 ASN.1 elements", new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new org.bouncycastle.asn1.ASN1Integer(3), nulls}).getEncoded(ASN1Encoding.DER), "elements"));
        // what made FileDecoder.classify throw ASN1ParsingException "unknown tag 29" (lazily parsed sequences)
        files.add(Arguments.of("unknown universal tag 29", HexFormat.of().parseHex("300c020103300706012a1d020000"), ""));
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFileIsRefusedWithinASecondAndPlainly(String name, byte[] content, String word) throws Exception {
        Path file = dir.resolve("hostile.p12");
        Files.write(file, content);
        for (String password : List.of("", "password")) {
            long start = System.nanoTime();
            ImportException e = assertThrows(ImportException.class,
                    () -> service.importFile(ImportRequest.of(file, password.toCharArray(), Scope.currentUser())));
            assertWithinASecond(start, name + " (import)");
            assertPlain(e.getMessage(), word);

            start = System.nanoTime();
            assertThrows(ImportException.class, () -> service.read(file, password.toCharArray()));
            assertWithinASecond(start, name + " (read)");

            start = System.nanoTime();
            Optional<char[]> given = password.isEmpty() ? Optional.empty() : Optional.of(password.toCharArray());
            try {
                Pkcs12Report report = service.inspect(file, given);
                assertWithinASecond(start, name + " (inspect)");
                assertTrue(report.problem().isPresent(), name + ": inspect found no problem");
                assertPlain(report.problem().get(), word);
                assertFalse(report.readers().get(0).opens(), name + ": Cairn predicted to open it");
            } catch (ImportException refused) {
                assertWithinASecond(start, name + " (inspect)");
                assertPlain(refused.getMessage(), "");
            }
        }
        assertTrue(stores.open(Scope.currentUser()).listAll().entries().isEmpty(), "nothing imported");
    }

    @Test
    void inspectDoesNotSpendTheWorkBudgetTwiceOnAnEmptyPassword() throws Exception {
        // 2,000,000 x 2 blocks (a 64-byte RC2 key on SHA-256) fit the budget once, not for both empty-password forms
        Path file = dir.resolve("four-million.p12");
        Files.write(file, Crafted.pfx(List.of(Crafted.encryptedSafe(Crafted.pbes2(n(2_000_000), n(64), Crafted.RC2_CBC,
                new org.bouncycastle.asn1.pkcs.RC2CBCParameter(58, new byte[8])))), null));
        long start = System.nanoTime();
        Pkcs12Report report = service.inspect(file, Optional.empty());
        assertWithinASecond(start, "inspect");
        assertTrue(report.problem().orElseThrow().contains("give it"), report.problem().get());
    }

    @Test
    void aDamagedUnencryptedKeyIsRefusedWithoutItsBytes() throws Exception {
        // an RSA key bag whose private key structure is cut short: the runtime's message quotes the bytes
        byte[] rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded();
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(rsa);
        byte[] inner = info.getPrivateKey().getOctets();
        byte[] damaged = java.util.Arrays.copyOf(inner, inner.length / 2);
        PrivateKeyInfo broken = new PrivateKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                new DEROctetString(damaged));
        byte[] ecKey = KeyPairGenerator.getInstance("EC").generateKeyPair().getPrivate().getEncoded();
        PrivateKeyInfo ecInfo = PrivateKeyInfo.getInstance(ecKey);
        // the EC key with another curve's OID: the scalar no longer fits
        PrivateKeyInfo wrongCurve = new PrivateKeyInfo(new AlgorithmIdentifier(
                org.bouncycastle.asn1.x9.X9ObjectIdentifiers.id_ecPublicKey, org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp521r1),
                ecInfo.parsePrivateKey());
        for (PrivateKeyInfo key : List.of(broken, wrongCurve)) {
            Path file = dir.resolve("damaged-key.p12");
            SafeBag bag = new SafeBag(PKCSObjectIdentifiers.keyBag, key);
            Files.write(file, Crafted.pfx(List.of(Crafted.plainSafe(List.of(bag))), null));
            ImportException e = assertThrows(ImportException.class,
                    () -> service.importFile(ImportRequest.of(file, new char[0], Scope.currentUser())));
            Pkcs12Report report = service.inspect(file, Optional.empty());
            byte[] secret = key.getPrivateKey().getOctets();
            for (String message : List.of(e.getMessage(), report.problem().orElseThrow())) {
                assertPlain(message, "key");
                for (int i = 0; i + 8 <= secret.length; i += 4) {
                    String window = HexFormat.of().formatHex(secret, i, i + 8);
                    assertFalse(message.toLowerCase(java.util.Locale.ROOT).contains(window), "key bytes in: " + message);
                }
            }
        }
    }

    private static void assertWithinASecond(long start, String what) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 1000, what + " took " + ms + " ms");
    }

    /** The message names the problem in the user's words: no Java or Bouncy Castle text. */
    static void assertPlain(String message, String word) {
        assertFalse(message.isBlank(), "empty message");
        for (String java : List.of("Exception", "getInstance", "org.bouncycastle", "java.", "LazyEncoded", "null")) {
            assertFalse(message.contains(java), "Java text '" + java + "' in: " + message);
        }
        assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains(word.toLowerCase(java.util.Locale.ROOT)),
                "'" + word + "' not in: " + message);
        assertEquals(message.strip(), message);
    }
}
