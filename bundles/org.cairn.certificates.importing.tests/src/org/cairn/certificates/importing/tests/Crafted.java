package org.cairn.certificates.importing.tests;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.AuthenticatedSafe;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.RC2CBCParameter;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

/**
 * Hostile PKCS #12 files, built with Bouncy Castle's ASN.1 classes: every number a file controls set to what a
 * crafted file would put there. The contents never decrypt (random bytes): a bound must refuse the file before any
 * derivation runs.
 */
final class Crafted {

    static final ASN1ObjectIdentifier AES256_CBC = NISTObjectIdentifiers.id_aes256_CBC;
    static final ASN1ObjectIdentifier RC2_CBC = PKCSObjectIdentifiers.RC2_CBC;
    static final ASN1ObjectIdentifier SCRYPT = new ASN1ObjectIdentifier("1.3.6.1.4.1.11591.4.11");
    private static final AlgorithmIdentifier HMAC_SHA256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);

    private Crafted() {
    }

    static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    /** A PFX (version 3) with these safes and MAC (null for none). */
    static byte[] pfx(List<ContentInfo> safes, MacData mac) throws IOException {
        byte[] content = new AuthenticatedSafe(safes.toArray(ContentInfo[]::new)).getEncoded(ASN1Encoding.DER);
        return new Pfx(new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(content)), mac).getEncoded(ASN1Encoding.DER);
    }

    /** A password-encrypted safe with PBES2 (PBKDF2 HMAC-SHA-256) and AES-256-CBC. */
    static ContentInfo pbes2Safe(BigInteger iterations, BigInteger keyLength) {
        return encryptedSafe(pbes2(iterations, keyLength, AES256_CBC, new DEROctetString(new byte[16])));
    }

    /** A password-encrypted safe with PBES2 (PBKDF2) and RC2-CBC with that RC2 parameter version. */
    static ContentInfo rc2Safe(BigInteger keyLength, int rc2Version) {
        return encryptedSafe(pbes2(n(2048), keyLength, RC2_CBC, new RC2CBCParameter(rc2Version, new byte[8])));
    }

    /** A password-encrypted safe with PBES2 (scrypt) and AES-256-CBC. */
    static ContentInfo scryptSafe(BigInteger cost, BigInteger blockSize, BigInteger parallel) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DEROctetString(new byte[16]));
        v.add(new ASN1Integer(cost));
        v.add(new ASN1Integer(blockSize));
        v.add(new ASN1Integer(parallel));
        KeyDerivationFunc kdf = new KeyDerivationFunc(SCRYPT, new DERSequence(v));
        PBES2Parameters params = new PBES2Parameters(kdf, new EncryptionScheme(AES256_CBC, new DEROctetString(new byte[16])));
        return encryptedSafe(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params));
    }

    static AlgorithmIdentifier pbes2(BigInteger iterations, BigInteger keyLength, ASN1ObjectIdentifier cipher,
            ASN1Encodable cipherParams) {
        return pbes2(iterations, keyLength, cipher, cipherParams, new byte[16]);
    }

    static AlgorithmIdentifier pbes2(BigInteger iterations, BigInteger keyLength, ASN1ObjectIdentifier cipher,
            ASN1Encodable cipherParams, byte[] salt) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DEROctetString(salt));
        v.add(new ASN1Integer(iterations));
        if (keyLength != null) {
            v.add(new ASN1Integer(keyLength));
        }
        v.add(HMAC_SHA256);
        KeyDerivationFunc kdf = new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, PBKDF2Params.getInstance(new DERSequence(v)));
        PBES2Parameters params = new PBES2Parameters(kdf, new EncryptionScheme(cipher, cipherParams));
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params);
    }

    static ContentInfo encryptedSafe(AlgorithmIdentifier algorithm) {
        byte[] ciphertext = new byte[48];
        new java.util.Random(1).nextBytes(ciphertext);
        EncryptedData data = new EncryptedData(PKCSObjectIdentifiers.data, algorithm, new DEROctetString(ciphertext));
        return new ContentInfo(PKCSObjectIdentifiers.encryptedData, data);
    }

    /** A plain safe with these bags. */
    static ContentInfo plainSafe(List<SafeBag> bags) throws IOException {
        return new ContentInfo(PKCSObjectIdentifiers.data, new DEROctetString(
                new DERSequence(bags.toArray(SafeBag[]::new)).getEncoded(ASN1Encoding.DER)));
    }

    /** A secret bag (its content does not matter), with these attributes. */
    static SafeBag secretBag(List<Attribute> attributes) {
        ASN1EncodableVector secret = new ASN1EncodableVector();
        secret.add(PKCSObjectIdentifiers.data);
        secret.add(new DERTaggedObject(true, 0, new DEROctetString(new byte[4])));
        return new SafeBag(PKCSObjectIdentifiers.secretBag, new DERSequence(secret),
                attributes.isEmpty() ? null : new DERSet(attributes.toArray(Attribute[]::new)));
    }

    /** safeContents bags nested {@code depth} deep around a secret bag. */
    static SafeBag nestedBags(int depth) {
        SafeBag bag = secretBag(List.of());
        for (int i = 0; i < depth; i++) {
            bag = new SafeBag(PKCSObjectIdentifiers.safeContentsBag, new DERSequence(bag));
        }
        return bag;
    }

    /** A PBMAC1 integrity check (RFC 9579) with PBKDF2 HMAC-SHA-256 and HMAC-SHA-256. */
    static MacData pbmac1(BigInteger iterations, BigInteger keyLength) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new DEROctetString(new byte[16]));
        v.add(new ASN1Integer(iterations));
        v.add(new ASN1Integer(keyLength));
        v.add(HMAC_SHA256);
        AlgorithmIdentifier kdf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2, new DERSequence(v));
        PBMAC1Params params = new PBMAC1Params(kdf, HMAC_SHA256);
        AlgorithmIdentifier pbmac1 = new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.5.14"), params);
        return new MacData(new DigestInfo(pbmac1, new byte[32]), "NOT USED".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1);
    }

    /** A PKCS #12 KDF HMAC-SHA-256 integrity check (that does not verify). */
    static MacData mac(BigInteger iterations, int saltLength) {
        return MacData.getInstance(new DERSequence(new ASN1Encodable[] {
            new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), new byte[32]),
            new DEROctetString(new byte[saltLength]), new ASN1Integer(iterations)}));
    }

    /** {@code depth} nested indefinite-length SEQUENCEs: what overflows a recursive decoder's stack. */
    static byte[] deeplyNested(int depth) {
        byte[] bytes = new byte[depth * 4];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = 0x30;
            bytes[2 * i + 1] = (byte) 0x80;
        }
        return bytes; // the end-of-contents octets (00 00) fill the second half
    }
}
