package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.FutureTask;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.MacCalculator;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.pkcs12.internal.Pkcs12Attributes;

/**
 * Writes a PKCS #12 (PFX) file as OpenSSL lays it out (with the JDK's key derivations, ciphers and MAC, {@link JdkPbe},
 * and the bag attributes of {@link Pkcs12Attributes}; the reader that checks it afterwards shares neither the
 * derivations nor the ciphers): an encrypted safe with the certificate bags (leaf first,
 * then the path), then a plain safe with the shrouded key bag, then a MAC over both. The key and the leaf carry
 * the same friendlyName and localKeyId; the certificates of the path carry no attributes. Without a key, the
 * file holds certificates only.
 */
final class Pkcs12Encoder {

    private final SecureRandom random;

    /** @param random randomness for salts and IVs */
    Pkcs12Encoder(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The protection parameters of one file.
     *
     * @param encryption         the profile
     * @param iterations         iteration count for key, certificates and MAC
     * @param extendedProperties whether to write the description and extended properties
     */
    record Options(Pkcs12Encryption encryption, int iterations, boolean extendedProperties) {
        Options {
            Objects.requireNonNull(encryption, "encryption");
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be positive: " + iterations);
            }
        }
    }

    /**
     * @param material what to write
     * @param options  how to protect it
     * @param password the password (not kept, not changed)
     * @return the file content
     * @throws GeneralSecurityException when an algorithm is missing or a key cannot be encoded
     * @throws IOException              when the structure cannot be encoded
     */
    byte[] encode(ExportMaterial material, Options options, char[] password)
            throws GeneralSecurityException, IOException {
        X509Certificate leaf = material.leaf();
        Optional<PrivateKey> key = material.privateKey();
        DERBMPString friendlyName = Pkcs12Attributes.friendlyName(material.friendlyName());
        DEROctetString localKeyId = new DEROctetString(Pkcs12Attributes.localKeyId(leaf));

        List<PKCS12SafeBag> certBags = new ArrayList<>();
        PKCS12SafeBagBuilder leafBag = new JcaPKCS12SafeBagBuilder(leaf);
        if (!material.friendlyName().isEmpty()) {
            leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
        }
        if (key.isPresent()) {
            leafBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
        }
        if (options.extendedProperties()) {
            if (!material.description().isEmpty()) {
                leafBag.addBagAttribute(Pkcs12Attributes.MS_DESCRIPTION_OID,
                        Pkcs12Attributes.windowsString(material.description()));
            }
            if (!material.properties().isEmpty()) {
                leafBag.addBagAttribute(Pkcs12Attributes.CAIRN_PROPERTIES_OID,
                        Pkcs12Attributes.properties(material.properties()));
            }
        }
        certBags.add(leafBag.build());
        for (X509Certificate issuer : material.certificates().subList(1, material.certificates().size())) {
            certBags.add(new JcaPKCS12SafeBagBuilder(issuer).build());
        }

        // a fresh salt (and IV) for the key: no two derivations share parameters; derived beside the other
        FutureTask<OutputEncryptor> keyEncryptor = key.isEmpty() ? null : Concurrently.fork(
                () -> JdkPbe.encryptor(options.encryption(), options.iterations(), password, random));
        // the MAC key depends only on the password and its own salt: derive it while the safes are encrypted
        PKCS12MacCalculatorBuilder macBuilder = JdkPbe.mac(options.encryption(), options.iterations(), random);
        FutureTask<MacCalculator> mac = Concurrently.fork(() -> macBuilder.build(password));
        try {
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            OutputEncryptor certEncryptor = JdkPbe.encryptor(options.encryption(), options.iterations(), password, random);
            pfx.addEncryptedData(certEncryptor, certBags.toArray(PKCS12SafeBag[]::new));
            if (key.isPresent()) {
                PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(privateKeyInfo(key.get(), leaf),
                        Concurrently.join(keyEncryptor));
                if (!material.friendlyName().isEmpty()) {
                    keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
                }
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                pfx.addData(keyBag.build());
            }
            return pfx.build(JdkPbe.prepared(macBuilder, Concurrently.join(mac)), password).getEncoded(ASN1Encoding.DER);
        } catch (PKCSException e) {
            throw new IOException("Cannot build the PKCS #12 structure: " + e.getMessage(), e);
        } finally {
            // the caller clears the password afterwards: the derivations must be over, also after a failure
            if (keyEncryptor != null) {
                Concurrently.awaitQuietly(keyEncryptor);
            }
            Concurrently.awaitQuietly(mac);
        }
    }

    /**
     * The key's PKCS #8 structure as OpenSSL and Windows write it. The JDK encodes EC keys without the optional
     * public key inside ECPrivateKey (RFC 5915), and GnuTLS 3.7 then fails to load the key ("Decryption has
     * failed"); so an EC key without it gets the public key of its certificate and the curve, as RFC 5915
     * recommends. Other keys are written as they are encoded.
     */
    static PrivateKeyInfo privateKeyInfo(PrivateKey key, X509Certificate leaf) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        if (!algorithm.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)
                || !(key instanceof java.security.interfaces.ECPrivateKey ecKey)) {
            return info;
        }
        ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
        if (ec.getPublicKey() != null) {
            return info;
        }
        DERBitString publicKey = new DERBitString(
                SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded()).getPublicKeyData().getOctets());
        int orderBits = ecKey.getParams().getOrder().bitLength();
        return new PrivateKeyInfo(algorithm, new ECPrivateKey(orderBits, ec.getKey(), publicKey, algorithm.getParameters()));
    }
}
