package org.cairn.certificates.export.internal;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.interfaces.PBEKey;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jcajce.io.CipherOutputStream;
import org.bouncycastle.jcajce.io.MacOutputStream;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.cairn.certificates.export.Pkcs12Encryption;

/**
 * The password-based encryption and MAC of the PKCS #12 writer, on the Java runtime's own primitives and
 * plugged into Bouncy Castle's PFX builder. Why not Bouncy Castle's JCE builders: with the default providers
 * they resolve AES by OID to a cipher without padding, and with the Bouncy Castle provider they run PBKDF2
 * on its pure-Java SHA-256, about 2.5 times slower at 100,000 iterations than the JDK's intrinsic one. The
 * verifier reads files back with Bouncy Castle's own primitives, so the two sides stay independent.
 */
final class JdkPbe {

    /** PBES2 salt length: 16 bytes, as OpenSSL 3.2 and later write. */
    static final int PBES2_SALT_LENGTH = 16;
    /** PKCS #12 PBE salt length: 20 bytes, as Windows writes. */
    static final int PKCS12_SALT_LENGTH = 20;

    private static final AlgorithmIdentifier HMAC_SHA256 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private JdkPbe() {
    }

    /**
     * @param encryption the profile
     * @param iterations iteration count
     * @param password   the password; copied where the JDK needs it, never kept beyond the call
     * @param random     randomness for salt and IV
     * @return an encryptor for key bags and the certificate safe
     * @throws GeneralSecurityException when the runtime lacks an algorithm
     */
    static OutputEncryptor encryptor(Pkcs12Encryption encryption, int iterations, char[] password,
            SecureRandom random) throws GeneralSecurityException {
        return switch (encryption) {
            case AES256_SHA256 -> pbes2Aes256(iterations, password, random);
            case TRIPLEDES_SHA1 -> pkcs12TripleDes(iterations, password, random);
        };
    }

    private static OutputEncryptor pbes2Aes256(int iterations, char[] password, SecureRandom random)
            throws GeneralSecurityException {
        byte[] salt = new byte[PBES2_SALT_LENGTH];
        random.nextBytes(salt);
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        // PBKDF2WithHmacSHA256 encodes the password as UTF-8, as OpenSSL, NSS and GnuTLS do for PBES2
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        byte[] keyBytes = null;
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        try {
            keyBytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keyBytes, "AES"), new IvParameterSpec(iv));
        } finally {
            spec.clearPassword();
            if (keyBytes != null) {
                Arrays.fill(keyBytes, (byte) 0);
            }
        }
        PBES2Parameters params = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, iterations, HMAC_SHA256)),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
        return new JdkEncryptor(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params), cipher);
    }

    private static OutputEncryptor pkcs12TripleDes(int iterations, char[] password, SecureRandom random)
            throws GeneralSecurityException {
        byte[] salt = new byte[PKCS12_SALT_LENGTH];
        random.nextBytes(salt);
        Cipher cipher = Cipher.getInstance("PBEWithSHA1AndDESede");
        try (PasswordKey key = new PasswordKey(password)) {
            cipher.init(Cipher.ENCRYPT_MODE, key, new PBEParameterSpec(salt, iterations));
        }
        return new JdkEncryptor(new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                new PKCS12PBEParams(salt, iterations)), cipher);
    }

    /**
     * @param encryption the profile: SHA-256 or SHA-1 MAC
     * @param iterations iteration count
     * @param random     randomness for the salt
     * @return the MAC builder for {@link org.bouncycastle.pkcs.PKCS12PfxPduBuilder#build}
     */
    static PKCS12MacCalculatorBuilder mac(Pkcs12Encryption encryption, int iterations, SecureRandom random) {
        return switch (encryption) {
            case AES256_SHA256 -> new JdkMacBuilder(NISTObjectIdentifiers.id_sha256, "HmacPBESHA256", 32, iterations, random);
            case TRIPLEDES_SHA1 -> new JdkMacBuilder(OIWObjectIdentifiers.idSHA1, "HmacPBESHA1", 20, iterations, random);
        };
    }

    /**
     * @param builder    the builder the calculator came from (for its digest identifier)
     * @param calculator a MAC calculator already keyed with the password
     * @return a builder that hands out that calculator, so the derivation can run ahead of the PFX builder
     */
    static PKCS12MacCalculatorBuilder prepared(PKCS12MacCalculatorBuilder builder, MacCalculator calculator) {
        AlgorithmIdentifier digest = builder.getDigestAlgorithmIdentifier();
        return new PKCS12MacCalculatorBuilder() {
            @Override
            public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
                return digest;
            }

            @Override
            public MacCalculator build(char[] password) {
                return calculator;
            }
        };
    }

    private record JdkEncryptor(AlgorithmIdentifier algorithm, Cipher cipher) implements OutputEncryptor {
        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            return new CipherOutputStream(out, cipher);
        }

        @Override
        public GenericKey getKey() {
            // only used by recipient-based CMS generators, never by the PFX builder; no key material leaves here
            return new GenericKey(algorithm, new byte[0]);
        }
    }

    /** The PKCS #12 key derivation (RFC 7292 B.2) with the JDK's HmacPBESHA* MACs. */
    private record JdkMacBuilder(ASN1ObjectIdentifier digest, String jdkName, int saltLength, int iterations,
            SecureRandom random) implements PKCS12MacCalculatorBuilder {

        @Override
        public AlgorithmIdentifier getDigestAlgorithmIdentifier() {
            return new AlgorithmIdentifier(digest, DERNull.INSTANCE);
        }

        @Override
        public MacCalculator build(char[] password) {
            byte[] salt = new byte[saltLength];
            random.nextBytes(salt);
            Mac mac;
            try (PasswordKey key = new PasswordKey(password)) {
                mac = Mac.getInstance(jdkName);
                mac.init(key, new PBEParameterSpec(salt, iterations));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The Java runtime cannot compute a PKCS #12 " + jdkName + " MAC: "
                        + e.getMessage(), e);
            }
            AlgorithmIdentifier id = new AlgorithmIdentifier(digest, new PKCS12PBEParams(salt, iterations));
            return new MacCalculator() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return id;
                }

                @Override
                public OutputStream getOutputStream() {
                    return new MacOutputStream(mac);
                }

                @Override
                public byte[] getMac() {
                    return mac.doFinal();
                }

                @Override
                public GenericKey getKey() {
                    return new GenericKey(id, new byte[0]);
                }
            };
        }
    }

    /**
     * A password handed to the JDK's PKCS #12 PBE cipher and MAC as a {@link PBEKey}. Built directly rather than
     * through {@code SecretKeyFactory("PBE")} because that factory refuses non-ASCII passwords before Java 25,
     * while the cipher and MAC encode any password correctly as a BMPString.
     */
    private static final class PasswordKey implements PBEKey, AutoCloseable {
        private static final long serialVersionUID = 1L;
        private final char[] password;
        private boolean destroyed;

        PasswordKey(char[] password) {
            this.password = password.clone();
        }

        @Override
        public char[] getPassword() {
            if (destroyed) {
                throw new IllegalStateException("password cleared");
            }
            return password.clone();
        }

        @Override
        public byte[] getSalt() {
            return null;
        }

        @Override
        public int getIterationCount() {
            return 0;
        }

        @Override
        public String getAlgorithm() {
            return "PBE";
        }

        @Override
        public String getFormat() {
            return "RAW";
        }

        @Override
        public byte[] getEncoded() {
            // the JDK's PKCS #12 PBE takes the password from getPassword(); raw bytes would lose non-ASCII characters
            return new byte[0];
        }

        @Override
        public void destroy() {
            Arrays.fill(password, '\0');
            destroyed = true;
        }

        @Override
        public boolean isDestroyed() {
            return destroyed;
        }

        @Override
        public void close() {
            destroy();
        }
    }
}
