package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Memoable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.cairn.certificates.pkcs12.internal.Algorithms;
import org.cairn.certificates.pkcs12.internal.JdkDigest;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.Pkcs12Reader;
import org.cairn.certificates.pkcs12.internal.WorkBudget;

/**
 * The read-back's reader (Cairn's one PKCS #12 reader: Bouncy Castle's derivations and ciphers over {@link JdkDigest})
 * against an independent writer, OpenSSL, and against the JDK's PBKDF2: if it agreed only with Cairn's writer, a
 * shared mistake would pass verification.
 */
class ReadBackReaderTest {

    private static final char[] PASSWORD = "Lightweight pässword 1".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theDigestKeepsAndRestoresItsStateAsBouncyCastlesDoes() {
        Random random = new Random(42);
        for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 200}) {
            byte[] head = new byte[length];
            byte[] tail = new byte[length / 2 + 3];
            random.nextBytes(head);
            random.nextBytes(tail);
            JdkDigest ours = JdkDigest.sha256();
            SHA256Digest theirs = new SHA256Digest();
            ours.update(head, 0, head.length);
            theirs.update(head, 0, head.length);
            Memoable saved = ours.copy();
            ours.update(tail, 0, tail.length);
            theirs.update(tail, 0, tail.length);
            byte[] a = new byte[32];
            byte[] b = new byte[32];
            ours.doFinal(a, 0);
            theirs.doFinal(b, 0);
            assertArrayEquals(b, a, "length " + length);

            ours.reset(saved);
            ours.update(tail, 0, tail.length);
            ours.doFinal(a, 0);
            assertArrayEquals(b, a, "restored state, length " + length);

            // doFinal resets, as Bouncy Castle's digests do
            ours.update(head, 0, head.length);
            theirs.update(head, 0, head.length);
            ours.doFinal(a, 0);
            theirs.doFinal(b, 0);
            assertArrayEquals(b, a, "after doFinal, length " + length);
        }
        JdkDigest sha1 = JdkDigest.sha1();
        SHA1Digest bcSha1 = new SHA1Digest();
        byte[] data = "abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        sha1.update(data, 0, data.length);
        bcSha1.update(data, 0, data.length);
        byte[] a = new byte[20];
        byte[] b = new byte[20];
        sha1.doFinal(a, 0);
        bcSha1.doFinal(b, 0);
        assertArrayEquals(b, a);
        assertThrows(IllegalArgumentException.class, () -> sha1.reset(JdkDigest.sha256()));
    }

    @Test
    void pbkdf2OnTheJdkDigestEqualsTheJdksPbkdf2() throws Exception {
        byte[] salt = new byte[16];
        new Random(7).nextBytes(salt);
        byte[] jdk = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD, salt, 4_096, 256)).getEncoded();
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(JdkDigest.sha256());
        generator.init(PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(PASSWORD), salt, 4_096);
        assertArrayEquals(jdk, ((KeyParameter) generator.generateDerivedParameters(256)).getKey());
    }

    /** The reader's PBKDF2 PRFs (Bouncy Castle's digests) against the JDK's PBKDF2, for every PRF both know. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.2.840.113549.2.7=PBKDF2WithHmacSHA1", "1.2.840.113549.2.8=PBKDF2WithHmacSHA224",
        "1.2.840.113549.2.9=PBKDF2WithHmacSHA256", "1.2.840.113549.2.10=PBKDF2WithHmacSHA384",
        "1.2.840.113549.2.11=PBKDF2WithHmacSHA512", "1.2.840.113549.2.12=PBKDF2WithHmacSHA512/224",
        "1.2.840.113549.2.13=PBKDF2WithHmacSHA512/256"})
    void theReadersPbkdf2EqualsTheJdksForEveryPrf(String prf) throws Exception {
        String oid = prf.substring(0, prf.indexOf('='));
        String jdkName = prf.substring(prf.indexOf('=') + 1);
        byte[] salt = new byte[16];
        new Random(11).nextBytes(salt);
        byte[] jdk = SecretKeyFactory.getInstance(jdkName).generateSecret(new PBEKeySpec(PASSWORD, salt, 2_048, 256))
                .getEncoded();
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(
                Algorithms.hmac(oid).orElseThrow().factory().get());
        generator.init(PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(PASSWORD), salt, 2_048);
        assertArrayEquals(jdk, ((KeyParameter) generator.generateDerivedParameters(256)).getKey(), jdkName);
    }

    /** Files OpenSSL wrote: PBES2 with AES-256 (its default) and the legacy TripleDES with a SHA-1 MAC. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aes256", "tripledes"})
    void decryptsAndChecksWhatOpensslWrote(String profile) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Path pfx = dir.resolve(profile + ".pfx");
        run(List.of("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-subj", "/CN=Written by OpenSSL", "-days", "2"));
        List<String> export = new ArrayList<>(List.of("pkcs12", "-export", "-inkey", key.toString(), "-in",
                cert.toString(), "-passout", "env:" + ExternalTools.PASSWORD_VARIABLE, "-out", pfx.toString(),
                "-iter", "3000"));
        if (profile.equals("aes256")) {
            export.addAll(List.of("-keypbe", "AES-256-CBC", "-certpbe", "AES-256-CBC", "-macalg", "sha256"));
        } else {
            export.addAll(List.of("-keypbe", "PBE-SHA1-3DES", "-certpbe", "PBE-SHA1-3DES", "-macalg", "sha1"));
        }
        run(export);

        byte[] content = Files.readAllBytes(pfx);
        Pkcs12Facts facts = Pkcs12Reader.read(content, PASSWORD, WorkBudget.standard());
        assertTrue(facts.mac().orElseThrow().verified());
        Pkcs12Exception wrong = assertThrows(Pkcs12Exception.class,
                () -> Pkcs12Reader.read(content, "wrong".toCharArray(), WorkBudget.standard()));
        assertEquals(Pkcs12Exception.Reason.WRONG_PASSWORD, wrong.reason());
        assertEquals(1, facts.certificates());
        assertEquals(1, facts.keys());
        assertFalse(facts.schemes().isEmpty());
        PrivateKey written = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pem(key)));
        PrivateKey read = facts.bags().stream().flatMap(b -> b.key().stream()).findFirst().orElseThrow();
        assertEquals(((java.security.interfaces.ECPrivateKey) written).getS(),
                ((java.security.interfaces.ECPrivateKey) read).getS());
    }

    private static void run(List<String> arguments) throws Exception {
        ExternalTools.Run run = ExternalTools.openssl(arguments, PASSWORD);
        assertEquals(0, run.exitCode(), run.output());
    }

    private static byte[] pem(Path file) throws Exception {
        String text = Files.readString(file);
        String body = text.substring(text.indexOf("-----", text.indexOf("-----BEGIN") + 10) + 5,
                text.indexOf("-----END")).replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
