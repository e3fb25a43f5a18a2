package org.cairn.certificates.pkcs12.internal;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBEParameter;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.RC2CBCParameter;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S1ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.crypto.params.RC2Parameters;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception.Reason;

/**
 * Password-based decryption of PKCS #12 safes and encrypted private keys: the PKCS #12 PBE schemes (RC2, RC4,
 * 3DES), PBES1 (DES, RC2) and PBES2 (PBKDF2 or scrypt with AES-CBC, 3DES, DES or RC2).
 *
 * <p>Hand-written over Bouncy Castle's lightweight key derivations and engines rather than through its
 * {@code InputDecryptorProvider} builders, for three things those cannot do: try the two byte forms of an empty
 * password (BMPString 00 00 and absent; the builders take a {@code char[]} and always make the second), tell a
 * wrong password (bad padding) from damaged parameters, and check every number of the parameters against
 * {@link Limits} and the read's {@link WorkBudget} before any derivation runs.</p>
 */
public final class Pbe {

    private static final String PKCS12_PBE = "1.2.840.113549.1.12.1.";
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final String HMAC_SHA1 = "1.2.840.113549.2.7";
    private static final String RC2_CBC = "1.2.840.113549.3.2";

    /** Decryption ran but the result is not what the right key gives (bad padding): usually a wrong password. */
    public static final class WrongKey extends Exception {
        private static final long serialVersionUID = 1L;

        WrongKey(Throwable cause) {
            super(cause);
        }
    }

    /** The families of password-based encryption. */
    public enum Family { PKCS12_PBE, PBES1, PBES2, OTHER }

    /** Key derivations. */
    public enum Kdf { PKCS12, PBES1, PBKDF2, SCRYPT, OTHER }

    /** Ciphers, as readers differ on them. */
    public enum Cipher { AES_128_CBC, AES_192_CBC, AES_256_CBC, DES_EDE3_CBC, DES_EDE2_CBC, DES_CBC, RC2_CBC, RC4, OTHER }

    /**
     * One encryption scheme as decoded from a file: what readers and the report go by.
     *
     * @param family     the family
     * @param kdf        its key derivation
     * @param prf        the PBKDF2 pseudo-random function's digest ("SHA-256"), or the PBES1/PKCS #12 digest
     * @param cipher     the cipher
     * @param name       the scheme as people know it, for example "PBES2 (PBKDF2 HMAC-SHA-256, AES-256-CBC)"
     * @param iterations its iteration count (scrypt: 0)
     */
    public record Scheme(Family family, Kdf kdf, Optional<String> prf, Cipher cipher, String name, int iterations) {

        /** @return whether it uses the PKCS #12 key derivation (so the BMPString form of the password) */
        public boolean pkcs12Kdf() {
            return kdf == Kdf.PKCS12;
        }
    }

    private Pbe() {
    }

    /**
     * @param algorithm an encryption algorithm identifier
     * @return its description; numbers are checked against {@link Limits}
     * @throws Pkcs12Exception CORRUPT or LIMIT when its parameters are damaged or out of bounds
     */
    public static Scheme describe(AlgorithmIdentifier algorithm) throws Pkcs12Exception {
        String oid = algorithm.getAlgorithm().getId();
        try {
            if (oid.startsWith(PKCS12_PBE)) {
                PKCS12PBEParams p = PKCS12PBEParams.getInstance(algorithm.getParameters());
                salt(p.getIV());
                String n = oid.substring(PKCS12_PBE.length());
                Cipher cipher = switch (n) {
                    case "1", "2" -> Cipher.RC4;
                    case "3" -> Cipher.DES_EDE3_CBC;
                    case "4" -> Cipher.DES_EDE2_CBC;
                    case "5", "6" -> Cipher.RC2_CBC;
                    default -> Cipher.OTHER;
                };
                return new Scheme(cipher == Cipher.OTHER ? Family.OTHER : Family.PKCS12_PBE, Kdf.PKCS12,
                        Optional.of("SHA-1"), cipher, pkcs12Name(oid), iterations(p.getIterations()));
            }
            if (oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.6")
                    || oid.equals("1.2.840.113549.1.5.10") || oid.equals("1.2.840.113549.1.5.11")) {
                PBEParameter p = PBEParameter.getInstance(algorithm.getParameters());
                salt(p.getSalt());
                boolean md5 = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.6");
                boolean des = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.10");
                return new Scheme(Family.PBES1, Kdf.PBES1, Optional.of(md5 ? "MD5" : "SHA-1"),
                        des ? Cipher.DES_CBC : Cipher.RC2_CBC, pbes1Name(oid), iterations(p.getIterationCount()));
            }
            if (oid.equals(PBES2)) {
                PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
                KeyDerivationFunc kdf = p.getKeyDerivationFunc();
                String cipherOid = p.getEncryptionScheme().getAlgorithm().getId();
                String cipher = cipherName(cipherOid);
                String kdfOid = kdf.getAlgorithm().getId();
                if (kdfOid.equals(PBKDF2)) {
                    PBKDF2Params k = PBKDF2Params.getInstance(kdf.getParameters());
                    salt(k.getSalt());
                    String prfOid = k.getPrf() == null ? HMAC_SHA1 : k.getPrf().getAlgorithm().getId();
                    Optional<String> prf = Algorithms.hmac(prfOid).map(Algorithms.DigestAlgorithm::name);
                    return new Scheme(Family.PBES2, Kdf.PBKDF2, prf, cipher(cipherOid), "PBES2 (PBKDF2 "
                            + prf.map(d -> "HMAC-" + d).orElse(Algorithms.name(prfOid)) + ", " + cipher + ")",
                            iterations(k.getIterationCount()));
                }
                if (kdfOid.equals(SCRYPT)) {
                    Scrypt s = scrypt(kdf.getParameters());
                    return new Scheme(Family.PBES2, Kdf.SCRYPT, Optional.empty(), cipher(cipherOid), "PBES2 (scrypt N="
                            + s.n + " r=" + s.r + " p=" + s.p + ", " + cipher + ")", 0);
                }
                return new Scheme(Family.PBES2, Kdf.OTHER, Optional.empty(), cipher(cipherOid),
                        "PBES2 (" + Algorithms.name(kdfOid) + ", " + cipher + ")", 0);
            }
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ClassCastException
                | NullPointerException e) {
            throw damaged(oid, e);
        }
        return new Scheme(Family.OTHER, Kdf.OTHER, Optional.empty(), Cipher.OTHER, Algorithms.name(oid), 0);
    }

    /**
     * Charges the read's budget for one decryption, before it runs.
     *
     * @param algorithm the encryption algorithm identifier
     * @param forms     how many password forms it may be tried with
     * @param budget    the read's budget
     * @throws Pkcs12Exception LIMIT when over budget; CORRUPT when the parameters are damaged
     */
    public static void charge(AlgorithmIdentifier algorithm, int forms, WorkBudget budget) throws Pkcs12Exception {
        Scheme scheme = describe(algorithm);
        String what = "one " + scheme.name() + " at " + scheme.iterations() + " iterations";
        switch (scheme.kdf()) {
            case PKCS12 -> budget.charge(scheme.iterations(), 2, forms, what); // the key and the IV: one block each
            case PBES1 -> budget.charge(scheme.iterations(), 1, forms, what);
            case PBKDF2 -> budget.charge(scheme.iterations(), pbkdf2Blocks(algorithm), forms, what);
            case SCRYPT -> {
                PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
                Scrypt s = scrypt(p.getKeyDerivationFunc().getParameters());
                // ROMix runs 2N BlockMix of 2r Salsa20/8 cores per lane: about N x r x p hash blocks' worth
                budget.charge((long) s.n * s.r, s.p, forms, "scrypt with N=" + s.n + ", r=" + s.r + ", p=" + s.p);
            }
            case OTHER -> { /* refused as unsupported when decrypted */ }
        }
    }

    private static long pbkdf2Blocks(AlgorithmIdentifier algorithm) throws Pkcs12Exception {
        PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
        PBKDF2Params k = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
        int keyBytes = k.getKeyLength() == null ? 32 : keyLength(k.getKeyLength(), "PBES2");
        int hashBytes = prf(k).factory().get().getDigestSize();
        return (keyBytes + hashBytes - 1) / hashBytes;
    }

    /**
     * Decrypts with one form of the password. The caller has charged the budget ({@link #charge}).
     *
     * @param algorithm the encryption algorithm identifier
     * @param data      the ciphertext
     * @param password  the password form
     * @return the plaintext
     * @throws Pkcs12Exception UNSUPPORTED (names the algorithm), CORRUPT (damaged parameters) or LIMIT
     * @throws WrongKey        when the padding is wrong: a wrong password, or a different one than expected
     */
    public static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] data, Passwords.Form password)
            throws Pkcs12Exception, WrongKey {
        String oid = algorithm.getAlgorithm().getId();
        describe(algorithm); // every number checked before anything runs
        try {
            if (oid.startsWith(PKCS12_PBE)) {
                return pkcs12(oid, PKCS12PBEParams.getInstance(algorithm.getParameters()), data, password);
            }
            if (oid.equals(PBES2)) {
                return pbes2(PBES2Parameters.getInstance(algorithm.getParameters()), data, password);
            }
            if (oid.startsWith("1.2.840.113549.1.5.")) {
                return pbes1(oid, PBEParameter.getInstance(algorithm.getParameters()), data, password);
            }
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ClassCastException
                | NullPointerException | IndexOutOfBoundsException | org.bouncycastle.crypto.DataLengthException e) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The data encrypted with " + describe(algorithm).name()
                    + " is damaged. The file cannot be read; export it again from its source.", e);
        }
        throw unsupported("encryption " + Algorithms.name(oid), oid);
    }

    private static byte[] pkcs12(String oid, PKCS12PBEParams p, byte[] data, Passwords.Form password)
            throws Pkcs12Exception, WrongKey {
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(JdkDigest.sha1());
        generator.init(password.pkcs12(), p.getIV(), iterations(p.getIterations()));
        return switch (oid.substring(PKCS12_PBE.length())) {
            case "1" -> rc4(generator.generateDerivedParameters(128), data);
            case "2" -> rc4(generator.generateDerivedParameters(40), data);
            case "3" -> cbc(new DESedeEngine(), generator.generateDerivedParameters(192, 64), data);
            case "4" -> cbc(new DESedeEngine(), generator.generateDerivedParameters(128, 64), data);
            case "5" -> cbc(new RC2Engine(), rc2(generator.generateDerivedParameters(128, 64), 128), data);
            case "6" -> cbc(new RC2Engine(), rc2(generator.generateDerivedParameters(40, 64), 40), data);
            default -> throw unsupported("encryption " + Algorithms.name(oid), oid);
        };
    }

    private static byte[] pbes1(String oid, PBEParameter p, byte[] data, Passwords.Form password)
            throws Pkcs12Exception, WrongKey {
        boolean md5 = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.6");
        boolean des = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.10");
        if (!md5 && !des && !oid.equals("1.2.840.113549.1.5.11")) {
            throw unsupported("encryption " + Algorithms.name(oid), oid);
        }
        PKCS5S1ParametersGenerator generator = new PKCS5S1ParametersGenerator(md5 ? new MD5Digest() : JdkDigest.sha1());
        generator.init(password.utf8(), p.getSalt(), iterations(p.getIterationCount()));
        CipherParameters params = generator.generateDerivedParameters(64, 64);
        return des ? cbc(new DESEngine(), params, data) : cbc(new RC2Engine(), rc2(params, 64), data);
    }

    private static byte[] pbes2(PBES2Parameters p, byte[] data, Passwords.Form password) throws Pkcs12Exception, WrongKey {
        String cipherOid = p.getEncryptionScheme().getAlgorithm().getId();
        ASN1Encodable cipherParams = p.getEncryptionScheme().getParameters();
        int keyLength;
        BlockCipher engine;
        byte[] iv;
        int rc2Bits = 0;
        switch (cipherOid) {
            case "2.16.840.1.101.3.4.1.2", "2.16.840.1.101.3.4.1.22", "2.16.840.1.101.3.4.1.42" -> {
                keyLength = cipherOid.endsWith(".2") ? 16 : cipherOid.endsWith(".22") ? 24 : 32;
                engine = AESEngine.newInstance();
                iv = ASN1OctetString.getInstance(cipherParams).getOctets();
            }
            case "1.2.840.113549.3.7" -> {
                keyLength = 24;
                engine = new DESedeEngine();
                iv = ASN1OctetString.getInstance(cipherParams).getOctets();
            }
            case "1.3.14.3.2.7" -> {
                keyLength = 8;
                engine = new DESEngine();
                iv = ASN1OctetString.getInstance(cipherParams).getOctets();
            }
            case RC2_CBC -> {
                RC2CBCParameter rc2 = RC2CBCParameter.getInstance(cipherParams);
                rc2Bits = rc2Bits(rc2.getRC2ParameterVersion());
                keyLength = 16;
                engine = new RC2Engine();
                iv = rc2.getIV();
            }
            default -> throw unsupported("encryption " + Algorithms.name(cipherOid) + " in PBES2", cipherOid);
        }
        if (iv == null || iv.length != engine.getBlockSize()) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The PBES2 parameters are damaged: the IV of " + cipherName(cipherOid)
                    + " has " + (iv == null ? 0 : iv.length) + " bytes instead of " + engine.getBlockSize() + ".");
        }
        KeyDerivationFunc kdf = p.getKeyDerivationFunc();
        String kdfOid = kdf.getAlgorithm().getId();
        byte[] key;
        if (kdfOid.equals(PBKDF2)) {
            PBKDF2Params k = PBKDF2Params.getInstance(kdf.getParameters());
            if (k.getKeyLength() != null) {
                int declared = keyLength(k.getKeyLength(), "PBES2");
                if (cipherOid.equals(RC2_CBC)) {
                    keyLength = declared;
                } else if (declared != keyLength) {
                    throw new Pkcs12Exception(Reason.CORRUPT, "The file is not conformant: its PBKDF2 parameters ask for a "
                            + declared + "-byte key, but " + cipherName(cipherOid) + " takes " + keyLength
                            + " bytes (a known bug of NSS 3.21). Export it again with current software.");
                }
            }
            Algorithms.DigestAlgorithm prf = prf(k);
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.factory().get());
            generator.init(password.utf8(), k.getSalt(), iterations(k.getIterationCount()));
            key = ((KeyParameter) generator.generateDerivedParameters(keyLength * 8)).getKey();
        } else if (kdfOid.equals(SCRYPT)) {
            Scrypt s = scrypt(kdf.getParameters());
            if (s.keyLength.isPresent() && s.keyLength.get() != keyLength) {
                throw new Pkcs12Exception(Reason.CORRUPT, "The scrypt parameters ask for a " + s.keyLength.get()
                        + "-byte key, which " + cipherName(cipherOid) + " does not take. The file is damaged.");
            }
            key = SCrypt.generate(password.utf8(), s.salt, s.n, s.r, s.p, keyLength);
        } else {
            throw unsupported("key derivation " + Algorithms.name(kdfOid) + " in PBES2", kdfOid);
        }
        CipherParameters keyParam = rc2Bits > 0 ? new RC2Parameters(key, rc2Bits) : new KeyParameter(key);
        try {
            return cbc(engine, new ParametersWithIV(keyParam, iv), data);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** scrypt's parameters (RFC 7914), checked. */
    private record Scrypt(byte[] salt, int n, int r, int p, Optional<Integer> keyLength) {
    }

    private static Scrypt scrypt(ASN1Encodable parameters) throws Pkcs12Exception {
        ASN1Sequence s = ASN1Sequence.getInstance(parameters);
        if (s.size() < 4) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file's scrypt parameters are incomplete: it is damaged.");
        }
        byte[] salt = salt(ASN1OctetString.getInstance(s.getObjectAt(0)).getOctets());
        BigInteger n = ASN1Integer.getInstance(s.getObjectAt(1)).getValue();
        BigInteger r = ASN1Integer.getInstance(s.getObjectAt(2)).getValue();
        BigInteger p = ASN1Integer.getInstance(s.getObjectAt(3)).getValue();
        if (n.signum() <= 0 || r.signum() <= 0 || p.signum() <= 0 || n.bitCount() != 1 || n.compareTo(BigInteger.ONE) == 0) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file's scrypt parameters (N=" + n + ", r=" + r + ", p=" + p
                    + ") are not valid: N must be a power of two above 1, r and p positive. The file is damaged.");
        }
        if (n.multiply(r).compareTo(BigInteger.valueOf(Limits.MAX_SCRYPT_N_R)) > 0) {
            throw Limits.refused("scrypt with N=" + n + " and r=" + r + " (" + n.multiply(r).shiftLeft(7).shiftRight(20)
                    + " MB of memory)", "N x r of at most " + Limits.MAX_SCRYPT_N_R + " (128 MB)");
        }
        if (p.compareTo(BigInteger.valueOf(Limits.MAX_SCRYPT_P)) > 0) {
            throw Limits.refused("scrypt with p=" + p, "p of at most " + Limits.MAX_SCRYPT_P);
        }
        Optional<Integer> keyLength = s.size() > 4
                ? Optional.of(keyLength(ASN1Integer.getInstance(s.getObjectAt(4)).getValue(), "scrypt"))
                : Optional.empty();
        return new Scrypt(salt, n.intValueExact(), r.intValueExact(), p.intValueExact(), keyLength);
    }

    /**
     * @param length a PBKDF2 or scrypt key length from a file, in bytes
     * @param where  "PBES2", "PBMAC1", "scrypt"
     * @return it, when within bounds
     * @throws Pkcs12Exception CORRUPT when not positive, LIMIT when above {@link Limits#MAX_KEY_BYTES}
     */
    public static int keyLength(BigInteger length, String where) throws Pkcs12Exception {
        if (length.signum() <= 0) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file's " + where + " parameters ask for a key length of "
                    + length + " bytes, which is not valid. The file is damaged.");
        }
        if (length.compareTo(BigInteger.valueOf(Limits.MAX_KEY_BYTES)) > 0) {
            throw Limits.refused("a " + where + " key length of " + length + " bytes",
                    "at most " + Limits.MAX_KEY_BYTES + " bytes");
        }
        return length.intValue();
    }

    /**
     * @param salt a salt from a file
     * @return it, when within bounds
     * @throws Pkcs12Exception LIMIT when longer than {@link Limits#MAX_SALT_BYTES}
     */
    public static byte[] salt(byte[] salt) throws Pkcs12Exception {
        if (salt.length > Limits.MAX_SALT_BYTES) {
            throw Limits.refused("a salt of " + salt.length + " bytes", "at most " + Limits.MAX_SALT_BYTES + " bytes");
        }
        return salt;
    }

    private static Algorithms.DigestAlgorithm prf(PBKDF2Params k) throws Pkcs12Exception {
        String prfOid = k.getPrf() == null ? HMAC_SHA1 : k.getPrf().getAlgorithm().getId();
        return Algorithms.hmac(prfOid).orElseThrow(() -> unsupported("PBKDF2 pseudo-random function " + Algorithms.name(prfOid), prfOid));
    }

    private static CipherParameters rc2(CipherParameters derived, int bits) {
        ParametersWithIV withIv = (ParametersWithIV) derived;
        return new ParametersWithIV(new RC2Parameters(((KeyParameter) withIv.getParameters()).getKey(), bits), withIv.getIV());
    }

    private static int rc2Bits(BigInteger version) throws Pkcs12Exception {
        if (version == null) {
            return 32;
        }
        if (version.signum() < 0 || version.compareTo(BigInteger.valueOf(Limits.MAX_RC2_BITS)) > 0) {
            throw Limits.refused("an RC2 parameter version of " + version, "one of 160, 120, 58 or 256 to "
                    + Limits.MAX_RC2_BITS + " (RFC 8018)");
        }
        return switch (version.intValue()) {
            case 160 -> 40;
            case 120 -> 64;
            case 58 -> 128;
            default -> {
                if (version.intValue() < 256) {
                    throw new Pkcs12Exception(Reason.CORRUPT, "The file's RC2 parameter version " + version
                            + " is not one RFC 8018 defines. The file is damaged.");
                }
                yield version.intValue();
            }
        };
    }

    /** CBC with PKCS #7 padding; bad padding is {@link WrongKey}. */
    public static byte[] cbc(BlockCipher engine, CipherParameters params, byte[] data) throws WrongKey {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
        cipher.init(false, params);
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        try {
            int n = cipher.processBytes(data, 0, data.length, out, 0);
            n += cipher.doFinal(out, n);
            return Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException | org.bouncycastle.crypto.DataLengthException e) {
            throw new WrongKey(e);
        } finally {
            Arrays.fill(out, (byte) 0);
        }
    }

    private static byte[] rc4(CipherParameters key, byte[] data) {
        RC4Engine engine = new RC4Engine();
        engine.init(false, key);
        byte[] out = new byte[data.length];
        engine.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /**
     * @param count an iteration count from a file
     * @return it, when between 1 and {@link Limits#MAX_ITERATIONS}
     * @throws Pkcs12Exception CORRUPT when not positive, LIMIT when above the bound
     */
    public static int iterations(BigInteger count) throws Pkcs12Exception {
        if (count == null || count.signum() <= 0) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file asks for " + count + " iterations of its key derivation, "
                    + "which is not valid. It is damaged; get a new copy or export it again.");
        }
        if (count.compareTo(BigInteger.valueOf(Limits.MAX_ITERATIONS)) > 0) {
            throw Limits.refused(count + " iterations of a key derivation", "at most " + Limits.MAX_ITERATIONS);
        }
        return count.intValue();
    }

    private static Pkcs12Exception damaged(String oid, Throwable cause) {
        return new Pkcs12Exception(Reason.CORRUPT, "The parameters of the encryption " + Algorithms.name(oid)
                + " are damaged. The file cannot be read; export it again from its source.", cause);
    }

    static Pkcs12Exception unsupported(String what, String oid) {
        return new Pkcs12Exception(Reason.UNSUPPORTED, "The file uses the " + what + ", which Cairn does not support. "
                + "Export it again with AES-256 (or TripleDES) encryption, for example with openssl pkcs12 -export.", null, oid);
    }

    private static Cipher cipher(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.1.2" -> Cipher.AES_128_CBC;
            case "2.16.840.1.101.3.4.1.22" -> Cipher.AES_192_CBC;
            case "2.16.840.1.101.3.4.1.42" -> Cipher.AES_256_CBC;
            case "1.2.840.113549.3.7" -> Cipher.DES_EDE3_CBC;
            case "1.3.14.3.2.7" -> Cipher.DES_CBC;
            case RC2_CBC -> Cipher.RC2_CBC;
            default -> Cipher.OTHER;
        };
    }

    private static String pkcs12Name(String oid) {
        return switch (oid.substring(PKCS12_PBE.length())) {
            case "1" -> "pbeWithSHAAnd128BitRC4";
            case "2" -> "pbeWithSHAAnd40BitRC4";
            case "3" -> "pbeWithSHAAnd3-KeyTripleDES-CBC";
            case "4" -> "pbeWithSHAAnd2-KeyTripleDES-CBC";
            case "5" -> "pbeWithSHAAnd128BitRC2-CBC";
            case "6" -> "pbeWithSHAAnd40BitRC2-CBC";
            default -> Algorithms.name(oid);
        };
    }

    private static String pbes1Name(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.5.3" -> "pbeWithMD5AndDES-CBC";
            case "1.2.840.113549.1.5.6" -> "pbeWithMD5AndRC2-CBC";
            case "1.2.840.113549.1.5.10" -> "pbeWithSHA1AndDES-CBC";
            default -> "pbeWithSHA1AndRC2-CBC";
        };
    }

    /** @return "AES-256-CBC", ... for a cipher OID */
    public static String cipherName(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.1.2" -> "AES-128-CBC";
            case "2.16.840.1.101.3.4.1.22" -> "AES-192-CBC";
            case "2.16.840.1.101.3.4.1.42" -> "AES-256-CBC";
            case "1.2.840.113549.3.7" -> "DES-EDE3-CBC";
            case "1.3.14.3.2.7" -> "DES-CBC";
            case RC2_CBC -> "RC2-CBC";
            default -> Algorithms.name(oid);
        };
    }
}
