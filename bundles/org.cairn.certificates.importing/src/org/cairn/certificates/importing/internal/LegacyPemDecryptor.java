package org.cairn.certificates.importing.internal;

import java.util.Arrays;
import java.util.Locale;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.operator.OperatorCreationException;
import org.cairn.certificates.pkcs12.internal.Pbe;

/**
 * OpenSSL's legacy PEM key encryption ({@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info}): the key comes from
 * EVP_BytesToKey with MD5 over the password's UTF-8 bytes (what openssl does with a typed password; Bouncy
 * Castle's own provider keeps only the low byte of each character, so non-ASCII passwords would fail).
 */
final class LegacyPemDecryptor implements PEMDecryptorProvider {

    private final char[] password;

    LegacyPemDecryptor(char[] password) {
        this.password = password;
    }

    @Override
    public PEMDecryptor get(String dekAlgName) throws OperatorCreationException {
        String name = dekAlgName.toUpperCase(Locale.ROOT);
        int keyLength;
        BlockCipher engine;
        switch (name) {
            case "AES-128-CBC" -> {
                keyLength = 16;
                engine = AESEngine.newInstance();
            }
            case "AES-192-CBC" -> {
                keyLength = 24;
                engine = AESEngine.newInstance();
            }
            case "AES-256-CBC" -> {
                keyLength = 32;
                engine = AESEngine.newInstance();
            }
            case "DES-EDE3-CBC" -> {
                keyLength = 24;
                engine = new DESedeEngine();
            }
            case "DES-CBC" -> {
                keyLength = 8;
                engine = new DESEngine();
            }
            default -> throw new OperatorCreationException("unsupported PEM encryption " + dekAlgName);
        }
        return new PEMDecryptor() {
            @Override
            public byte[] decrypt(byte[] data, byte[] iv) throws PEMException {
                byte[] passwordBytes = PBEParametersGenerator.PKCS5PasswordToUTF8Bytes(password);
                byte[] key = bytesToKey(passwordBytes, Arrays.copyOf(iv, 8), keyLength);
                try {
                    return Pbe.cbc(engine, new ParametersWithIV(new KeyParameter(key), iv), data);
                } catch (Pbe.WrongKey e) {
                    throw new PEMException("bad padding: wrong password", e);
                } finally {
                    Arrays.fill(passwordBytes, (byte) 0);
                    Arrays.fill(key, (byte) 0);
                }
            }
        };
    }

    /** OpenSSL's EVP_BytesToKey with MD5 and one iteration. */
    private static byte[] bytesToKey(byte[] password, byte[] salt, int length) {
        MD5Digest md5 = new MD5Digest();
        byte[] key = new byte[length];
        byte[] block = new byte[0];
        int filled = 0;
        while (filled < length) {
            md5.update(block, 0, block.length);
            md5.update(password, 0, password.length);
            md5.update(salt, 0, salt.length);
            block = new byte[md5.getDigestSize()];
            md5.doFinal(block, 0);
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, key, filled, n);
            filled += n;
        }
        return key;
    }
}
