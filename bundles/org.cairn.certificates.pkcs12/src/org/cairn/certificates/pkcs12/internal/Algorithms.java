package org.cairn.certificates.pkcs12.internal;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA3Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.digests.SHA512tDigest;

/**
 * Names and implementations of the digest and PRF algorithms found in PKCS #12 files and encrypted keys. The plain
 * digests (the PKCS #12 KDF, PBES1, the MAC over the content) run on the Java runtime's implementations
 * ({@link JdkDigest}: the CPU's SHA instructions where the JIT uses them); the HMAC PRFs of PBKDF2 on Bouncy Castle's
 * (see {@code HMACS}); MD5 is Bouncy Castle's.
 */
public final class Algorithms {

    /** A digest by OID, with its name. */
    public record DigestAlgorithm(String name, Supplier<Digest> factory) {
    }

    private static final Map<String, DigestAlgorithm> DIGESTS = Map.ofEntries(
            Map.entry("1.3.14.3.2.26", new DigestAlgorithm("SHA-1", JdkDigest::sha1)),
            Map.entry("1.2.840.113549.2.5", new DigestAlgorithm("MD5", MD5Digest::new)),
            Map.entry("2.16.840.1.101.3.4.2.4", jdk("SHA-224", 28, 64)),
            Map.entry("2.16.840.1.101.3.4.2.1", new DigestAlgorithm("SHA-256", JdkDigest::sha256)),
            Map.entry("2.16.840.1.101.3.4.2.2", jdk("SHA-384", 48, 128)),
            Map.entry("2.16.840.1.101.3.4.2.3", jdk("SHA-512", 64, 128)),
            Map.entry("2.16.840.1.101.3.4.2.5", jdk("SHA-512/224", 28, 128)),
            Map.entry("2.16.840.1.101.3.4.2.6", jdk("SHA-512/256", 32, 128)),
            Map.entry("2.16.840.1.101.3.4.2.7", jdk("SHA3-224", 28, 144)),
            Map.entry("2.16.840.1.101.3.4.2.8", jdk("SHA3-256", 32, 136)),
            Map.entry("2.16.840.1.101.3.4.2.9", jdk("SHA3-384", 48, 104)),
            Map.entry("2.16.840.1.101.3.4.2.10", jdk("SHA3-512", 64, 72)));

    /**
     * HMAC PRFs (PBKDF2, PBMAC1) by OID, as the digest they are built on: Bouncy Castle's own digests, whose state
     * Bouncy Castle's HMAC keeps and restores with an array copy, so that an iteration of PBKDF2 costs two
     * compressions. The runtime's digests ({@link JdkDigest}) can only keep their state by cloning the digest, two
     * clones an iteration, which made PBKDF2 about three times slower than this (measured at 100,000 iterations, in
     * the command line's JVM with only the quick compiler, which has no SHA intrinsics, and also with both
     * compilers). This also keeps the read-back of an export wholly apart from the writer's JDK primitives.
     */
    private static final Map<String, DigestAlgorithm> HMACS = Map.ofEntries(
            Map.entry("1.2.840.113549.2.7", new DigestAlgorithm("SHA-1", SHA1Digest::new)),
            Map.entry("1.2.840.113549.2.8", new DigestAlgorithm("SHA-224", SHA224Digest::new)),
            Map.entry("1.2.840.113549.2.9", new DigestAlgorithm("SHA-256", SHA256Digest::new)),
            Map.entry("1.2.840.113549.2.10", new DigestAlgorithm("SHA-384", SHA384Digest::new)),
            Map.entry("1.2.840.113549.2.11", new DigestAlgorithm("SHA-512", SHA512Digest::new)),
            Map.entry("1.2.840.113549.2.12", new DigestAlgorithm("SHA-512/224", () -> new SHA512tDigest(224))),
            Map.entry("1.2.840.113549.2.13", new DigestAlgorithm("SHA-512/256", () -> new SHA512tDigest(256))),
            Map.entry("2.16.840.1.101.3.4.2.13", new DigestAlgorithm("SHA3-224", () -> new SHA3Digest(224))),
            Map.entry("2.16.840.1.101.3.4.2.14", new DigestAlgorithm("SHA3-256", () -> new SHA3Digest(256))),
            Map.entry("2.16.840.1.101.3.4.2.15", new DigestAlgorithm("SHA3-384", () -> new SHA3Digest(384))),
            Map.entry("2.16.840.1.101.3.4.2.16", new DigestAlgorithm("SHA3-512", () -> new SHA3Digest(512))));

    /** Names of algorithms we recognise but do not implement, so that a refusal can name them. */
    private static final Map<String, String> KNOWN_NAMES = Map.ofEntries(
            Map.entry("1.2.840.113549.2.2", "MD2"),
            Map.entry("1.2.643.7.1.1.2.2", "GOST R 34.11-2012 (256 bit)"),
            Map.entry("1.2.643.7.1.1.2.3", "GOST R 34.11-2012 (512 bit)"),
            Map.entry("1.2.643.2.2.9", "GOST R 34.11-94"),
            Map.entry("1.2.643.7.1.1.4.1", "HMAC GOST R 34.11-2012 (256 bit)"),
            Map.entry("1.2.643.7.1.1.4.2", "HMAC GOST R 34.11-2012 (512 bit)"),
            Map.entry("1.2.643.7.1.1.1.1", "GOST R 34.10-2012 (256 bit)"),
            Map.entry("1.2.643.7.1.1.1.2", "GOST R 34.10-2012 (512 bit)"),
            Map.entry("1.2.643.2.2.19", "GOST R 34.10-2001"),
            Map.entry("1.2.643.2.2.21", "GOST 28147-89"),
            Map.entry("1.2.643.7.1.1.5.1", "GOST R 34.12-2015 Magma"),
            Map.entry("1.2.643.7.1.1.5.2", "GOST R 34.12-2015 Kuznyechik"),
            Map.entry("1.2.156.10197.1.301", "SM2"),
            Map.entry("1.2.156.10197.1.401", "SM3"),
            Map.entry("1.2.840.113549.1.5.14", "PBMAC1"),
            Map.entry("1.2.840.113549.1.7.3", "envelopedData (public-key privacy mode)"),
            Map.entry("1.2.840.113549.1.7.2", "signedData (public-key integrity mode)"),
            Map.entry("1.2.840.113549.1.9.22.2", "SDSI certificate"),
            Map.entry("1.2.840.113549.3.4", "RC4"),
            Map.entry("1.2.840.113549.3.9", "RC5-CBC"),
            Map.entry("2.16.840.1.101.3.4.1.6", "AES-128-GCM"),
            Map.entry("2.16.840.1.101.3.4.1.46", "AES-256-GCM"),
            Map.entry("1.2.840.113549.1.5.1", "pbeWithMD2AndDES-CBC"),
            Map.entry("1.2.840.113549.1.5.4", "pbeWithMD2AndRC2-CBC"));

    private Algorithms() {
    }

    private static DigestAlgorithm jdk(String name, int size, int blockSize) {
        Supplier<Digest> factory = () -> JdkDigest.of(name, size, blockSize);
        return new DigestAlgorithm(name, factory);
    }

    /** @return the digest with that OID, when implemented */
    public static Optional<DigestAlgorithm> digest(String oid) {
        return Optional.ofNullable(DIGESTS.get(oid));
    }

    /** @return the digest of the HMAC PRF with that OID, when implemented */
    public static Optional<DigestAlgorithm> hmac(String oid) {
        return Optional.ofNullable(HMACS.get(oid));
    }

    /** @return whether the OID is one of the algorithms named here (implemented or only recognised) */
    public static boolean known(String oid) {
        return KNOWN_NAMES.containsKey(oid) || DIGESTS.containsKey(oid) || HMACS.containsKey(oid);
    }

    /** @return a name for an OID: the known name with the OID, or the OID alone */
    public static String name(String oid) {
        String known = KNOWN_NAMES.get(oid);
        if (known == null && DIGESTS.containsKey(oid)) {
            known = DIGESTS.get(oid).name();
        }
        if (known == null && HMACS.containsKey(oid)) {
            known = "HMAC-" + HMACS.get(oid).name();
        }
        return known == null ? "OID " + oid : known + " (" + oid + ")";
    }
}
