package org.cairn.certificates.export.internal;

import java.io.InputStream;
import java.util.Arrays;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.io.CipherInputStream;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.operator.InputDecryptor;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.operator.bc.BcDigestProvider;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEInputDecryptorProviderBuilder;

/**
 * The reader's password-based decryption and MAC digests: Bouncy Castle's lightweight key derivations (PBKDF2,
 * the PKCS #12 KDF), Bouncy Castle's AES and TripleDES engines, over {@link JdkDigest} so that the 100,000
 * iterations run on the runtime's SHA instructions. None of this is the code the writer uses (the JDK's
 * SecretKeyFactory, Cipher and Mac), so a fault in either derivation shows as a verification failure.
 */
final class LightweightPbe {

    private LightweightPbe() {
    }

    /** @return the digests for the PKCS #12 MAC (SHA-256 and SHA-1 on the JDK's SHA, others Bouncy Castle's) */
    static BcDigestProvider macDigests() {
        return algorithm -> {
            ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
            if (oid.equals(NISTObjectIdentifiers.id_sha256)) {
                return JdkDigest.sha256();
            }
            if (oid.equals(OIWObjectIdentifiers.idSHA1)) {
                return JdkDigest.sha1();
            }
            return BcDefaultDigestProvider.INSTANCE.get(algorithm);
        };
    }

    /**
     * A decryptor provider for the key bag or the certificate safe. Not thread-safe: one per thread.
     *
     * @param password the password; read when a decryptor is made, not copied or kept beyond the caller's use
     * @return decryptors for PBES2 (PBKDF2 with HMAC-SHA256 or HMAC-SHA1, AES-CBC) and the PKCS #12 PBE schemes
     */
    static InputDecryptorProvider decryptors(char[] password) {
        return algorithm -> {
            if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2)) {
                return pbes2(algorithm, password);
            }
            // pbeWithSHAAnd3-KeyTripleDES-CBC and the other PKCS #12 PBE schemes (Bouncy Castle's KDF and engines)
            return new BcPKCS12PBEInputDecryptorProviderBuilder(JdkDigest.sha1()).build(password).get(algorithm);
        };
    }

    private static InputDecryptor pbes2(AlgorithmIdentifier algorithm, char[] password) throws OperatorCreationException {
        PBES2Parameters parameters = PBES2Parameters.getInstance(algorithm.getParameters());
        if (!parameters.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
            throw new OperatorCreationException("unsupported key derivation "
                    + parameters.getKeyDerivationFunc().getAlgorithm().getId());
        }
        PBKDF2Params kdf = PBKDF2Params.getInstance(parameters.getKeyDerivationFunc().getParameters());
        ExtendedDigest prf = prf(kdf.getPrf().getAlgorithm());
        ASN1ObjectIdentifier cipher = parameters.getEncryptionScheme().getAlgorithm();
        int keyBytes = aesKeyBytes(cipher);
        if (kdf.getKeyLength() != null && kdf.getKeyLength().intValueExact() != keyBytes) {
            throw new OperatorCreationException("PBKDF2 key length " + kdf.getKeyLength() + " does not fit " + cipher.getId());
        }
        byte[] iv = ASN1OctetString.getInstance(parameters.getEncryptionScheme().getParameters()).getOctets();
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf);
        // PBES2 takes the password as UTF-8, as OpenSSL, NSS, GnuTLS and the JDK's PBKDF2 do
        byte[] secret = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
        KeyParameter key;
        try {
            generator.init(secret, kdf.getSalt(), kdf.getIterationCount().intValueExact());
            key = (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        PaddedBufferedBlockCipher aes = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(AESEngine.newInstance()),
                new PKCS7Padding());
        aes.init(false, new ParametersWithIV(key, iv));
        return new InputDecryptor() {
            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public InputStream getInputStream(InputStream encrypted) {
                return new CipherInputStream(encrypted, aes);
            }
        };
    }

    private static ExtendedDigest prf(ASN1ObjectIdentifier prf) throws OperatorCreationException {
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA256)) {
            return JdkDigest.sha256();
        }
        if (prf.equals(PKCSObjectIdentifiers.id_hmacWithSHA1)) {
            return JdkDigest.sha1();
        }
        throw new OperatorCreationException("unsupported PBKDF2 pseudo-random function " + prf.getId());
    }

    private static int aesKeyBytes(ASN1ObjectIdentifier cipher) throws OperatorCreationException {
        if (cipher.equals(NISTObjectIdentifiers.id_aes256_CBC)) {
            return 32;
        }
        if (cipher.equals(NISTObjectIdentifiers.id_aes192_CBC)) {
            return 24;
        }
        if (cipher.equals(NISTObjectIdentifiers.id_aes128_CBC)) {
            return 16;
        }
        throw new OperatorCreationException("unsupported PBES2 cipher " + cipher.getId());
    }
}
