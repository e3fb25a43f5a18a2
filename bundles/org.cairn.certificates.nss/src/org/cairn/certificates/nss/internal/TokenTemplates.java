package org.cairn.certificates.nss.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cairn.certificates.core.CertificateStoreException;

/**
 * The PKCS #11 templates of the objects Cairn puts on a token: an X.509 certificate, and a private key as a smart card
 * keeps it (on the token, private, sensitive, never extractable, whatever the import asked), both with the same
 * {@code CKA_ID}: the SHA-1 of the public key (an RSA modulus, an EC point), as NSS and most token tools make it.
 */
final class TokenTemplates {

    private TokenTemplates() {
    }

    /** @return the CKA_ID of the certificate's key pair */
    static byte[] id(X509Certificate certificate) throws CertificateStoreException {
        byte[] value;
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa) {
            value = unsigned(rsa.getModulus());
        } else {
            value = Der.publicKeyBits(certificate.getPublicKey().getEncoded());
        }
        try {
            return MessageDigest.getInstance("SHA-1").digest(value);
        } catch (NoSuchAlgorithmException e) {
            throw new CertificateStoreException("The Java runtime has no SHA-1: " + e.getMessage(), e);
        }
    }

    static List<Pkcs11.Attribute> certificate(X509Certificate certificate, String label, byte[] id)
            throws CertificateStoreException {
        try {
            return List.of(Pkcs11.Attribute.of(Pkcs11.CKA_CLASS, Pkcs11.CKO_CERTIFICATE),
                    Pkcs11.Attribute.of(Pkcs11.CKA_CERTIFICATE_TYPE, Pkcs11.CKC_X_509),
                    Pkcs11.Attribute.of(Pkcs11.CKA_TOKEN, true), Pkcs11.Attribute.of(Pkcs11.CKA_PRIVATE, false),
                    new Pkcs11.Attribute(Pkcs11.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8)),
                    new Pkcs11.Attribute(Pkcs11.CKA_ID, id),
                    new Pkcs11.Attribute(Pkcs11.CKA_SUBJECT, certificate.getSubjectX500Principal().getEncoded()),
                    new Pkcs11.Attribute(Pkcs11.CKA_ISSUER, certificate.getIssuerX500Principal().getEncoded()),
                    new Pkcs11.Attribute(Pkcs11.CKA_SERIAL_NUMBER, Der.integer(certificate.getSerialNumber())),
                    new Pkcs11.Attribute(Pkcs11.CKA_VALUE, certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * @return the private key's template; the caller clears the values ({@link #clear}) after C_CreateObject
     * @throws CertificateStoreException for a key that is neither RSA (with its CRT components) nor EC
     */
    static List<Pkcs11.Attribute> privateKey(PrivateKey key, X509Certificate certificate, String label, byte[] id)
            throws CertificateStoreException {
        List<Pkcs11.Attribute> template = new ArrayList<>(List.of(Pkcs11.Attribute.of(Pkcs11.CKA_CLASS, Pkcs11.CKO_PRIVATE_KEY),
                Pkcs11.Attribute.of(Pkcs11.CKA_TOKEN, true), Pkcs11.Attribute.of(Pkcs11.CKA_PRIVATE, true),
                Pkcs11.Attribute.of(Pkcs11.CKA_SENSITIVE, true), Pkcs11.Attribute.of(Pkcs11.CKA_EXTRACTABLE, false),
                Pkcs11.Attribute.of(Pkcs11.CKA_SIGN, true),
                new Pkcs11.Attribute(Pkcs11.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8)),
                new Pkcs11.Attribute(Pkcs11.CKA_ID, id),
                new Pkcs11.Attribute(Pkcs11.CKA_SUBJECT, certificate.getSubjectX500Principal().getEncoded())));
        if (key instanceof RSAPrivateCrtKey rsa) {
            template.addAll(List.of(Pkcs11.Attribute.of(Pkcs11.CKA_KEY_TYPE, Pkcs11.CKK_RSA),
                    Pkcs11.Attribute.of(Pkcs11.CKA_DECRYPT, true),
                    new Pkcs11.Attribute(Pkcs11.CKA_MODULUS, unsigned(rsa.getModulus())),
                    new Pkcs11.Attribute(Pkcs11.CKA_PUBLIC_EXPONENT, unsigned(rsa.getPublicExponent())),
                    new Pkcs11.Attribute(Pkcs11.CKA_PRIVATE_EXPONENT, unsigned(rsa.getPrivateExponent())),
                    new Pkcs11.Attribute(Pkcs11.CKA_PRIME_1, unsigned(rsa.getPrimeP())),
                    new Pkcs11.Attribute(Pkcs11.CKA_PRIME_2, unsigned(rsa.getPrimeQ())),
                    new Pkcs11.Attribute(Pkcs11.CKA_EXPONENT_1, unsigned(rsa.getPrimeExponentP())),
                    new Pkcs11.Attribute(Pkcs11.CKA_EXPONENT_2, unsigned(rsa.getPrimeExponentQ())),
                    new Pkcs11.Attribute(Pkcs11.CKA_COEFFICIENT, unsigned(rsa.getCrtCoefficient()))));
        } else if (key instanceof ECPrivateKey ec) {
            int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            byte[] s = unsigned(ec.getS());
            byte[] value = new byte[Math.max(size, s.length)];
            System.arraycopy(s, 0, value, value.length - s.length, s.length);
            Arrays.fill(s, (byte) 0);
            template.addAll(List.of(Pkcs11.Attribute.of(Pkcs11.CKA_KEY_TYPE, Pkcs11.CKK_EC),
                    new Pkcs11.Attribute(Pkcs11.CKA_EC_PARAMS, Der.algorithmParameters(certificate.getPublicKey().getEncoded())),
                    new Pkcs11.Attribute(Pkcs11.CKA_VALUE, value)));
        } else {
            throw new CertificateStoreException("Cairn puts RSA and EC private keys on tokens; this one is "
                    + key.getAlgorithm() + ".");
        }
        return template;
    }

    /** Zeroes the values of a template that held a private key. */
    static void clear(List<Pkcs11.Attribute> template) {
        template.forEach(a -> Arrays.fill(a.value(), (byte) 0));
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b.length > 1 && b[0] == 0 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }

    /** The few DER pieces a SubjectPublicKeyInfo gives a token template. */
    static final class Der {
        private Der() {
        }

        /** @return the DER INTEGER (as CKA_SERIAL_NUMBER holds it) */
        static byte[] integer(BigInteger n) {
            byte[] v = n.toByteArray();
            return concat(new byte[] {0x02}, length(v.length), v);
        }

        /** @return the encoded parameters of SubjectPublicKeyInfo.algorithm (an EC key's named curve: CKA_EC_PARAMS) */
        static byte[] algorithmParameters(byte[] spki) throws CertificateStoreException {
            int[] outer = header(spki, 0);
            int[] algorithm = header(spki, outer[1]);
            int[] oid = header(spki, algorithm[1]);
            int start = oid[1] + oid[2];
            if (start >= algorithm[1] + algorithm[2]) {
                throw new CertificateStoreException("The certificate's public key has no algorithm parameters.");
            }
            int[] params = header(spki, start);
            return Arrays.copyOfRange(spki, start, params[1] + params[2]);
        }

        /** @return the subjectPublicKey BIT STRING's bits (an EC point), without the unused-bits byte */
        static byte[] publicKeyBits(byte[] spki) throws CertificateStoreException {
            int[] outer = header(spki, 0);
            int[] algorithm = header(spki, outer[1]);
            int[] bits = header(spki, algorithm[1] + algorithm[2]);
            return Arrays.copyOfRange(spki, bits[1] + 1, bits[1] + bits[2]);
        }

        /** @return {tag, offset of the contents, length of the contents} of the element at {@code at} */
        private static int[] header(byte[] der, int at) throws CertificateStoreException {
            if (at + 2 > der.length) {
                throw new CertificateStoreException("The certificate's public key is not valid DER.");
            }
            int tag = der[at] & 0xFF;
            int first = der[at + 1] & 0xFF;
            int offset = at + 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int n = first & 0x7F;
                if (n == 0 || n > 3 || offset + n > der.length) {
                    throw new CertificateStoreException("The certificate's public key is not valid DER.");
                }
                length = 0;
                for (int i = 0; i < n; i++) {
                    length = (length << 8) | (der[offset + i] & 0xFF);
                }
                offset += n;
            }
            if (offset + length > der.length) {
                throw new CertificateStoreException("The certificate's public key is not valid DER.");
            }
            return new int[] {tag, offset, length};
        }

        private static byte[] length(int n) {
            if (n < 0x80) {
                return new byte[] {(byte) n};
            }
            return n < 0x100 ? new byte[] {(byte) 0x81, (byte) n} : new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }

        private static byte[] concat(byte[]... parts) {
            int size = 0;
            for (byte[] p : parts) {
                size += p.length;
            }
            byte[] out = new byte[size];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }
    }
}
