package org.cairn.certificates.importing.internal;

import java.math.BigInteger;

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
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
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
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;

/**
 * Password-based decryption of PKCS #12 safes and encrypted private keys: the PKCS #12 PBE schemes (RC2, RC4,
 * 3DES), PBES1 (DES, RC2) and PBES2 (PBKDF2 or scrypt with AES-CBC, 3DES, DES or RC2). Bouncy Castle's
 * lightweight API is used directly so that every failure can be told apart: an unknown algorithm, damaged
 * parameters, or a padding error (what a wrong password causes).
 */
final class Pbe {

    /** Iteration counts above this are refused rather than computed for minutes (a damaged or hostile file). */
    static final int MAX_ITERATIONS = 10_000_000;

    private static final String PKCS12_PBE = "1.2.840.113549.1.12.1.";
    private static final String PBES2 = "1.2.840.113549.1.5.13";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String SCRYPT = "1.3.6.1.4.1.11591.4.11";
    private static final String HMAC_SHA1 = "1.2.840.113549.2.7";

    /** Decryption ran but the result is not what the right key gives (bad padding): usually a wrong password. */
    static final class WrongKey extends Exception {
        private static final long serialVersionUID = 1L;

        WrongKey(Throwable cause) {
            super(cause);
        }
    }

    /**
     * @param name       the scheme as people know it, for example "PBES2 (PBKDF2 HMAC-SHA-256, AES-256-CBC)"
     * @param iterations its iteration count (scrypt: 0)
     * @param pkcs12Kdf  whether it uses the PKCS #12 key derivation (so the BMPString form of the password)
     */
    record Scheme(String name, int iterations, boolean pkcs12Kdf) {
    }

    private Pbe() {
    }

    /**
     * @param algorithm an encryption algorithm identifier
     * @return its description
     * @throws ImportException UNSUPPORTED or CORRUPT when it is not a scheme this class decrypts
     */
    static Scheme describe(AlgorithmIdentifier algorithm) throws ImportException {
        String oid = algorithm.getAlgorithm().getId();
        try {
            if (oid.startsWith(PKCS12_PBE)) {
                PKCS12PBEParams p = PKCS12PBEParams.getInstance(algorithm.getParameters());
                return new Scheme(pkcs12Name(oid), iterations(p.getIterations()), true);
            }
            if (oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.6")
                    || oid.equals("1.2.840.113549.1.5.10") || oid.equals("1.2.840.113549.1.5.11")) {
                PBEParameter p = PBEParameter.getInstance(algorithm.getParameters());
                return new Scheme(pbes1Name(oid), iterations(p.getIterationCount()), false);
            }
            if (oid.equals(PBES2)) {
                PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
                KeyDerivationFunc kdf = p.getKeyDerivationFunc();
                String cipher = cipherName(p.getEncryptionScheme().getAlgorithm().getId());
                String kdfOid = kdf.getAlgorithm().getId();
                if (kdfOid.equals(PBKDF2)) {
                    PBKDF2Params k = PBKDF2Params.getInstance(kdf.getParameters());
                    return new Scheme("PBES2 (PBKDF2 " + prfName(k) + ", " + cipher + ")", iterations(k.getIterationCount()), false);
                }
                if (kdfOid.equals(SCRYPT)) {
                    ASN1Sequence s = ASN1Sequence.getInstance(kdf.getParameters());
                    return new Scheme("PBES2 (scrypt N=" + ASN1Integer.getInstance(s.getObjectAt(1)).getValue() + " r="
                            + ASN1Integer.getInstance(s.getObjectAt(2)).getValue() + " p="
                            + ASN1Integer.getInstance(s.getObjectAt(3)).getValue() + ", " + cipher + ")", 0, false);
                }
                return new Scheme("PBES2 (" + Algorithms.name(kdfOid) + ", " + cipher + ")", 0, false);
            }
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | ClassCastException e) {
            throw new ImportException(Reason.CORRUPT, "The parameters of the encryption " + Algorithms.name(oid)
                    + " are damaged (" + e.getMessage() + "). The file cannot be read; export it again from its source.", e);
        }
        return new Scheme(Algorithms.name(oid), 0, false);
    }

    /**
     * Decrypts with one form of the password.
     *
     * @param algorithm the encryption algorithm identifier
     * @param data      the ciphertext
     * @param password  the password form
     * @return the plaintext
     * @throws ImportException UNSUPPORTED (names the algorithm) or CORRUPT (damaged parameters or ciphertext)
     * @throws WrongKey        when the padding is wrong: a wrong password, or a different one than expected
     */
    static byte[] decrypt(AlgorithmIdentifier algorithm, byte[] data, Passwords.Form password) throws ImportException, WrongKey {
        String oid = algorithm.getAlgorithm().getId();
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
                | DataLengthException e) {
            throw new ImportException(Reason.CORRUPT, "The data encrypted with " + describe(algorithm).name()
                    + " is damaged (" + e.getMessage() + "). The file cannot be read; export it again from its source.", e);
        }
        throw unsupported("encryption " + Algorithms.name(oid));
    }

    private static byte[] pkcs12(String oid, PKCS12PBEParams p, byte[] data, Passwords.Form password)
            throws ImportException, WrongKey {
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA1Digest());
        generator.init(password.pkcs12(), p.getIV(), iterations(p.getIterations()));
        return switch (oid.substring(PKCS12_PBE.length())) {
            case "1" -> rc4(generator.generateDerivedParameters(128), data);
            case "2" -> rc4(generator.generateDerivedParameters(40), data);
            case "3" -> cbc(new DESedeEngine(), generator.generateDerivedParameters(192, 64), data);
            case "4" -> cbc(new DESedeEngine(), generator.generateDerivedParameters(128, 64), data);
            case "5" -> cbc(new RC2Engine(), rc2(generator.generateDerivedParameters(128, 64), 128), data);
            case "6" -> cbc(new RC2Engine(), rc2(generator.generateDerivedParameters(40, 64), 40), data);
            default -> throw unsupported("encryption " + Algorithms.name(oid));
        };
    }

    private static byte[] pbes1(String oid, PBEParameter p, byte[] data, Passwords.Form password)
            throws ImportException, WrongKey {
        boolean md5 = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.6");
        boolean des = oid.equals("1.2.840.113549.1.5.3") || oid.equals("1.2.840.113549.1.5.10");
        if (!md5 && !des && !oid.equals("1.2.840.113549.1.5.11")) {
            throw unsupported("encryption " + Algorithms.name(oid));
        }
        PKCS5S1ParametersGenerator generator = new PKCS5S1ParametersGenerator(md5 ? new MD5Digest() : new SHA1Digest());
        generator.init(password.utf8(), p.getSalt(), iterations(p.getIterationCount()));
        CipherParameters params = generator.generateDerivedParameters(64, 64);
        return des ? cbc(new DESEngine(), params, data) : cbc(new RC2Engine(), rc2(params, 64), data);
    }

    private static byte[] pbes2(PBES2Parameters p, byte[] data, Passwords.Form password) throws ImportException, WrongKey {
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
            case "1.2.840.113549.3.2" -> {
                RC2CBCParameter rc2 = RC2CBCParameter.getInstance(cipherParams);
                rc2Bits = rc2Bits(rc2.getRC2ParameterVersion());
                keyLength = 16;
                engine = new RC2Engine();
                iv = rc2.getIV();
            }
            default -> throw unsupported("encryption " + Algorithms.name(cipherOid) + " in PBES2");
        }
        if (iv.length != engine.getBlockSize()) {
            throw new ImportException(Reason.CORRUPT, "The PBES2 parameters are damaged: the IV of " + cipherName(cipherOid)
                    + " has " + iv.length + " bytes instead of " + engine.getBlockSize() + ".");
        }
        KeyDerivationFunc kdf = p.getKeyDerivationFunc();
        String kdfOid = kdf.getAlgorithm().getId();
        byte[] key;
        if (kdfOid.equals(PBKDF2)) {
            PBKDF2Params k = PBKDF2Params.getInstance(kdf.getParameters());
            if (k.getKeyLength() != null) {
                int declared = k.getKeyLength().intValueExact();
                if (cipherOid.equals("1.2.840.113549.3.2")) {
                    keyLength = declared;
                } else if (declared != keyLength) {
                    throw new ImportException(Reason.CORRUPT, "The file is not conformant: its PBKDF2 parameters ask for a "
                            + declared + "-byte key, but " + cipherName(cipherOid) + " takes " + keyLength
                            + " bytes (a known bug of NSS 3.21). Export it again with current software.");
                }
            }
            Algorithms.DigestAlgorithm prf = prf(k);
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.factory().get());
            generator.init(password.utf8(), k.getSalt(), iterations(k.getIterationCount()));
            key = ((KeyParameter) generator.generateDerivedParameters(keyLength * 8)).getKey();
        } else if (kdfOid.equals(SCRYPT)) {
            ASN1Sequence s = ASN1Sequence.getInstance(kdf.getParameters());
            byte[] salt = ASN1OctetString.getInstance(s.getObjectAt(0)).getOctets();
            int n = ASN1Integer.getInstance(s.getObjectAt(1)).intValueExact();
            int r = ASN1Integer.getInstance(s.getObjectAt(2)).intValueExact();
            int parallel = ASN1Integer.getInstance(s.getObjectAt(3)).intValueExact();
            if (s.size() > 4 && ASN1Integer.getInstance(s.getObjectAt(4)).intValueExact() != keyLength) {
                throw new ImportException(Reason.CORRUPT, "The scrypt parameters ask for a key length that "
                        + cipherName(cipherOid) + " does not take.");
            }
            if ((long) n * r > 1L << 22 || parallel > 16) {
                throw new ImportException(Reason.UNSUPPORTED, "The file's scrypt parameters (N=" + n + ", r=" + r + ", p="
                        + parallel + ") need more memory than the import allows (about 512 MB).");
            }
            key = SCrypt.generate(password.utf8(), salt, n, r, parallel, keyLength);
        } else {
            throw unsupported("key derivation " + Algorithms.name(kdfOid) + " in PBES2");
        }
        CipherParameters keyParam = rc2Bits > 0 ? new RC2Parameters(key, rc2Bits) : new KeyParameter(key);
        try {
            return cbc(engine, new ParametersWithIV(keyParam, iv), data);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static Algorithms.DigestAlgorithm prf(PBKDF2Params k) throws ImportException {
        String prfOid = k.getPrf() == null ? HMAC_SHA1 : k.getPrf().getAlgorithm().getId();
        return Algorithms.hmac(prfOid).orElseThrow(() -> unsupported("PBKDF2 pseudo-random function " + Algorithms.name(prfOid)));
    }

    private static String prfName(PBKDF2Params k) {
        String prfOid = k.getPrf() == null ? HMAC_SHA1 : k.getPrf().getAlgorithm().getId();
        return Algorithms.hmac(prfOid).map(d -> "HMAC-" + d.name()).orElse(Algorithms.name(prfOid));
    }

    private static CipherParameters rc2(CipherParameters derived, int bits) {
        ParametersWithIV withIv = (ParametersWithIV) derived;
        return new ParametersWithIV(new RC2Parameters(((KeyParameter) withIv.getParameters()).getKey(), bits), withIv.getIV());
    }

    private static int rc2Bits(BigInteger version) {
        if (version == null) {
            return 32;
        }
        return switch (version.intValue()) {
            case 160 -> 40;
            case 120 -> 64;
            case 58 -> 128;
            default -> version.intValue();
        };
    }

    static byte[] cbc(BlockCipher engine, CipherParameters params, byte[] data) throws WrongKey {
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(engine), new PKCS7Padding());
        cipher.init(false, params);
        byte[] out = new byte[cipher.getOutputSize(data.length)];
        try {
            int n = cipher.processBytes(data, 0, data.length, out, 0);
            n += cipher.doFinal(out, n);
            return java.util.Arrays.copyOf(out, n);
        } catch (InvalidCipherTextException e) {
            throw new WrongKey(e);
        }
    }

    private static byte[] rc4(CipherParameters key, byte[] data) {
        RC4Engine engine = new RC4Engine();
        engine.init(false, key);
        byte[] out = new byte[data.length];
        engine.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    static int iterations(BigInteger count) throws ImportException {
        if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new ImportException(Reason.CORRUPT, "The file asks for " + count + " iterations of its key derivation; "
                    + "a valid file has between 1 and " + MAX_ITERATIONS + ". It is damaged or not made for importing.");
        }
        return count.intValue();
    }

    private static ImportException unsupported(String what) {
        return new ImportException(Reason.UNSUPPORTED, "The file uses the " + what + ", which Cairn does not support. "
                + "Export it again with AES-256 (or TripleDES) encryption, for example with openssl pkcs12 -export.");
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

    static String cipherName(String oid) {
        return switch (oid) {
            case "2.16.840.1.101.3.4.1.2" -> "AES-128-CBC";
            case "2.16.840.1.101.3.4.1.22" -> "AES-192-CBC";
            case "2.16.840.1.101.3.4.1.42" -> "AES-256-CBC";
            case "1.2.840.113549.3.7" -> "DES-EDE3-CBC";
            case "1.3.14.3.2.7" -> "DES-CBC";
            case "1.2.840.113549.3.2" -> "RC2-CBC";
            default -> Algorithms.name(oid);
        };
    }
}
