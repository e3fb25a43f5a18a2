package org.cairn.certificates.pkcs12.internal;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.util.Memoable;

/**
 * The Java runtime's SHA-1, SHA-2 or SHA-3 (SHA-1 and SHA-256 backed by the CPU's SHA instructions where it has them) in Bouncy
 * Castle's lightweight digest interface, so that Bouncy Castle's own key-derivation code (PBKDF2, the PKCS #12
 * KDF, HMAC) runs at native speed. {@link Memoable} lets Bouncy Castle's HMAC keep the keyed inner and outer
 * states instead of hashing the padded key again on every iteration.
 *
 * <p>Only the compression function is shared with the export's writer, which uses the JDK's SecretKeyFactory,
 * Cipher and Mac; the reader's derivations, ciphers and HMAC are Bouncy Castle's.</p>
 */
public final class JdkDigest implements ExtendedDigest, Memoable {

    private final String algorithm;
    private final int size;
    private final int blockSize;
    private MessageDigest digest;

    private JdkDigest(String algorithm, int size, int blockSize, MessageDigest digest) {
        this.algorithm = algorithm;
        this.size = size;
        this.blockSize = blockSize;
        this.digest = digest;
    }

    /** @return SHA-256 */
    public static JdkDigest sha256() {
        return of("SHA-256", 32, 64);
    }

    /** @return SHA-1 */
    public static JdkDigest sha1() {
        return of("SHA-1", 20, 64);
    }

    /**
     * @param algorithm the runtime's name: SHA-224, SHA-384, SHA-512, SHA-512/224, SHA-512/256, SHA3-224 ... SHA3-512
     * @param size      its output in bytes
     * @param blockSize its block (SHA-3: rate) in bytes, which HMAC pads its key to
     * @return that digest
     */
    public static JdkDigest of(String algorithm, int size, int blockSize) {
        try {
            return new JdkDigest(algorithm, size, blockSize, MessageDigest.getInstance(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The Java runtime has no " + algorithm + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return algorithm;
    }

    @Override
    public int getDigestSize() {
        return size;
    }

    @Override
    public int getByteLength() {
        return blockSize; // HMAC pads its key to this
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int offset, int length) {
        digest.update(in, offset, length);
    }

    @Override
    public int doFinal(byte[] out, int offset) {
        try {
            return digest.digest(out, offset, size); // and resets, as Bouncy Castle's doFinal does
        } catch (DigestException e) {
            throw new IllegalArgumentException("output buffer too short for " + algorithm, e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }

    @Override
    public Memoable copy() {
        return new JdkDigest(algorithm, size, blockSize, cloneOf(digest));
    }

    @Override
    public void reset(Memoable other) {
        if (!(other instanceof JdkDigest that) || !that.algorithm.equals(algorithm)) {
            throw new IllegalArgumentException("not a " + algorithm + " state");
        }
        digest = cloneOf(that.digest);
    }

    private static MessageDigest cloneOf(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the Java runtime's " + digest.getAlgorithm() + " cannot keep its state", e);
        }
    }
}
