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
     * The key derivations of one file, started at once on their own threads: they need only the password, the
     * profile and the iteration count, so an export starts them before it opens the store, reads the key and
     * builds the chain, and they run while that happens. Each derivation has its own copy of the password, which
     * it clears when done. {@link #close()} cancels what has not started yet (an export that failed before it
     * encoded anything).
     */
    final class Derivations implements AutoCloseable {
        private final Options options;
        private final boolean withKey;
        private final FutureTask<OutputEncryptor> certificates;
        private final FutureTask<OutputEncryptor> key;
        private final PKCS12MacCalculatorBuilder macBuilder;
        private final FutureTask<MacCalculator> mac;

        private Derivations(Options options, boolean withKey, char[] password) {
            this.options = options;
            this.withKey = withKey;
            // a fresh salt (and IV) for each: no two derivations share parameters
            this.key = withKey ? Concurrently.fork(password, p -> JdkPbe.encryptor(options.encryption(),
                    options.iterations(), p, random)) : null;
            this.certificates = Concurrently.fork(password, p -> JdkPbe.encryptor(options.encryption(),
                    options.iterations(), p, random));
            this.macBuilder = JdkPbe.mac(options.encryption(), options.iterations(), random);
            this.mac = Concurrently.fork(password, macBuilder::build);
        }

        /**
         * @param material what to write; holds a private key exactly when the derivations were started for one
         * @return the file content
         * @throws GeneralSecurityException when an algorithm is missing, a derivation failed or a key cannot be encoded
         * @throws IOException              when the structure cannot be encoded
         */
        byte[] encode(ExportMaterial material) throws GeneralSecurityException, IOException {
            return Pkcs12Encoder.this.encode(material, this);
        }

        /** @return the protection they were started for */
        Options options() {
            return options;
        }

        @Override
        public void close() {
            for (FutureTask<?> task : new FutureTask<?>[] {key, certificates, mac}) {
                if (task != null) {
                    task.cancel(false);
                }
            }
        }
    }

    /**
     * Starts the key derivations of one file.
     *
     * @param options  how to protect it
     * @param withKey  whether the file will hold a private key (a key bag to encrypt)
     * @param password the password (copied for each derivation, not kept, not changed)
     * @return the running derivations, which then encode the file
     */
    Derivations start(Options options, boolean withKey, char[] password) {
        return new Derivations(Objects.requireNonNull(options, "options"), withKey, password);
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
        try (Derivations derivations = start(options, material.privateKey().isPresent(), password)) {
            return derivations.encode(material);
        }
    }

    /**
     * @param material    what to write; holds a private key exactly when the derivations were started for one
     * @param derivations the file's key derivations, from {@link #start}
     * @return the file content
     * @throws GeneralSecurityException when an algorithm is missing, a derivation failed or a key cannot be encoded
     * @throws IOException              when the structure cannot be encoded
     */
    private byte[] encode(ExportMaterial material, Derivations derivations) throws GeneralSecurityException, IOException {
        Options options = derivations.options;
        X509Certificate leaf = material.leaf();
        Optional<PrivateKey> key = material.privateKey();
        if (key.isPresent() != derivations.withKey) {
            throw new IllegalArgumentException("the derivations were started " + (derivations.withKey ? "with" : "without")
                    + " a key bag");
        }
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

        try {
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addEncryptedData(Concurrently.join(derivations.certificates), certBags.toArray(PKCS12SafeBag[]::new));
            if (key.isPresent()) {
                PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(privateKeyInfo(key.get(), leaf),
                        Concurrently.join(derivations.key));
                if (!material.friendlyName().isEmpty()) {
                    keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, friendlyName);
                }
                keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId);
                pfx.addData(keyBag.build());
            }
            // the password argument is unused: the prepared builder hands out the calculator derived beforehand
            return pfx.build(JdkPbe.prepared(derivations.macBuilder, Concurrently.join(derivations.mac)), new char[0])
                    .getEncoded(ASN1Encoding.DER);
        } catch (PKCSException e) {
            throw new IOException("Cannot build the PKCS #12 structure: " + e.getMessage(), e);
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
