package org.cairn.certificates.importing.internal;

import java.util.Arrays;
import java.util.Locale;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.generators.OpenSSLPBEParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.bouncycastle.openssl.PEMDecryptor;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.operator.OperatorCreationException;
import org.cairn.certificates.pkcs12.internal.Pbe;

/**
 * OpenSSL's legacy PEM key encryption ({@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info}): the key comes from
 * EVP_BytesToKey with MD5 over the password's UTF-8 bytes (what openssl does with a typed password). Bouncy
 * Castle's {@code JcePEMDecryptorProviderBuilder} is not used because its provider keeps only the low byte of each
 * character, so non-ASCII passwords would fail; its lightweight {@link OpenSSLPBEParametersGenerator} derives the
 * key from the bytes we give it.
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
                // EVP_BytesToKey (MD5, one round, the IV's first 8 bytes as salt): Bouncy Castle's generator.
                OpenSSLPBEParametersGenerator generator = new OpenSSLPBEParametersGenerator();
                generator.init(passwordBytes, Arrays.copyOf(iv, 8));
                byte[] key = ((KeyParameter) generator.generateDerivedParameters(keyLength * 8)).getKey();
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
}
