package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.export.Pkcs12Protection;

/**
 * The PKCS #12 verification: Bouncy Castle's PFX parser with Bouncy Castle's own key derivations and ciphers
 * ({@link LightweightPbe}), so nothing but the SHA compression function is shared with the writer, which builds
 * the file with the JDK's PBKDF2, PKCS #12 KDF, ciphers and MAC ({@link JdkPbe}). It checks the structure bag
 * by bag: MAC and its parameters, the algorithms and iteration counts, every certificate in order, the
 * attributes, and the key against the leaf (a signature made with the key verifies with the certificate; the key
 * is decoded and checked with the Java runtime's providers: Bouncy Castle's JCA provider is never loaded, as its
 * start-up alone costs most of a second in a command-line export).
 */
final class BcPkcs12Reader {

    static final String NAME = "Bouncy Castle PKCS12PfxPdu";


    /**
     * @param content  the file content
     * @param expected what it must hold
     * @param options  the protection it must have
     * @param password the password
     * @param problems collects every difference
     * @return the protection read from the file (meaningful only when no problem was found)
     */
    Pkcs12Protection read(byte[] content, ExportMaterial expected, Pkcs12Encoder.Options options, char[] password,
            List<String> problems) {
        Pkcs12Encryption profile = options.encryption();
        String keyAlgorithm = "";
        int keyIterations = 0;
        String certAlgorithm = "";
        int certIterations = 0;
        String macAlgorithm = "";
        int macIterations = 0;
        List<FutureTask<?>> forked = new ArrayList<>();
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(content);
            if (!pfx.hasMac()) {
                problems.add("the file has no integrity MAC");
                return protection(profile, "", 0, "", 0, "", 0);
            }
            ASN1ObjectIdentifier macDigest = pfx.getMacAlgorithmID().getAlgorithm();
            macAlgorithm = macName(macDigest);
            macIterations = pfx.toASN1Structure().getMacData().getIterationCount().intValueExact();
            ASN1ObjectIdentifier wantedDigest = profile == Pkcs12Encryption.AES256_SHA256
                    ? NISTObjectIdentifiers.id_sha256 : OIWObjectIdentifiers.idSHA1;
            expect(problems, "MAC", macDigest.equals(wantedDigest), macAlgorithm, profile.macAlgorithm());
            expect(problems, "MAC iterations", macIterations == options.iterations(), macIterations, options.iterations());
            // the MAC, the key and the certificates each need their own key derivation: run them side by side
            FutureTask<Boolean> macValid = fork(forked, () -> pfx.isMacValid(
                    new BcPKCS12MacCalculatorBuilderProvider(LightweightPbe.macDigests()), password));
            ContentInfo[] infos = pfx.getContentInfos();
            List<List<PKCS12SafeBag>> safes = new ArrayList<>();
            FutureTask<PrivateKeyInfo> decryptedKey = null;
            PKCS12SafeBag keyBag = null;
            int keyBags = 0;
            try {
                // plain safes first: they hold the shrouded key, whose decryption can start at once
                for (ContentInfo info : infos) {
                    List<PKCS12SafeBag> bags = new ArrayList<>();
                    safes.add(bags);
                    if (info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                        continue;
                    }
                    for (PKCS12SafeBag bag : new PKCS12SafeBagFactory(info).getSafeBags()) {
                        bags.add(bag);
                        if (bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag) && keyBags++ == 0) {
                            keyBag = bag;
                            PKCS8EncryptedPrivateKeyInfo encrypted = (PKCS8EncryptedPrivateKeyInfo) bag.getBagValue();
                            decryptedKey = fork(forked, () -> decrypt(encrypted, password));
                        }
                    }
                }
                // a decryptor per thread: Bouncy Castle's keeps cipher state
                InputDecryptorProvider decryptor = decryptor(password);
                for (int i = 0; i < infos.length; i++) {
                    if (infos[i].getContentType().equals(PKCSObjectIdentifiers.encryptedData)) {
                        AlgorithmIdentifier algorithm = EncryptedData.getInstance(infos[i].getContent())
                                .getEncryptionAlgorithm();
                        certAlgorithm = algorithmName(algorithm);
                        certIterations = iterations(algorithm);
                        checkAlgorithm(problems, "certificate encryption", algorithm, options);
                        safes.get(i).addAll(List.of(new PKCS12SafeBagFactory(infos[i], decryptor).getSafeBags()));
                    }
                }
            } catch (PKCSException | RuntimeException e) {
                // with a wrong password decryption fails too; say what is wrong, not what followed from it
                if (!Concurrently.join(macValid)) {
                    problems.add("the MAC does not verify with the password");
                    return protection(profile, "", 0, macAlgorithm, macIterations, "", 0);
                }
                throw e;
            }
            if (!Concurrently.join(macValid)) {
                problems.add("the MAC does not verify with the password");
                return protection(profile, "", 0, macAlgorithm, macIterations, "", 0);
            }

            List<PKCS12SafeBag> certBags = new ArrayList<>();
            for (PKCS12SafeBag bag : safes.stream().flatMap(List::stream).toList()) {
                if (bag.getType().equals(PKCSObjectIdentifiers.certBag)) {
                    certBags.add(bag);
                } else if (!bag.getType().equals(PKCSObjectIdentifiers.pkcs8ShroudedKeyBag)) {
                    problems.add("unexpected bag " + bag.getType());
                }
            }
            if (certAlgorithm.isEmpty()) {
                problems.add("the certificates are not encrypted");
            }
            checkCertificates(certBags, expected, options, problems);

            if (expected.privateKey().isEmpty()) {
                expect(problems, "key bags", keyBags == 0, keyBags, 0);
            } else if (keyBags != 1) {
                problems.add("found " + keyBags + " key bags, expected 1");
            } else {
                AlgorithmIdentifier algorithm = ((PKCS8EncryptedPrivateKeyInfo) keyBag.getBagValue()).getEncryptionAlgorithm();
                keyAlgorithm = algorithmName(algorithm);
                keyIterations = iterations(algorithm);
                checkAlgorithm(problems, "key encryption", algorithm, options);
                PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(Concurrently.join(decryptedKey));
                X509Certificate leaf = expected.leaf();
                KeyPairCheck.mismatch(key, leaf.getPublicKey()).ifPresent(
                        why -> problems.add(why + ": " + leaf.getSubjectX500Principal()));
                checkLinkAttributes("key bag", attributes(keyBag), expected, true, problems);
                expect(problems, "key bag attributes", attributes(keyBag).size() == 2, attributes(keyBag).keySet(),
                        "friendlyName and localKeyId");
            }
        } catch (IOException | PKCSException | GeneralSecurityException | RuntimeException e) {
            problems.add("cannot read it: " + e.getMessage());
        } finally {
            // the caller clears the password and the content afterwards: no derivation may still be using them
            forked.forEach(Concurrently::awaitQuietly);
        }
        return protection(profile, keyAlgorithm, keyIterations, certAlgorithm, certIterations, macAlgorithm, macIterations);
    }

    private static <T> FutureTask<T> fork(List<FutureTask<?>> forked, java.util.concurrent.Callable<T> task) {
        FutureTask<T> future = Concurrently.fork(task);
        forked.add(future);
        return future;
    }

    private static InputDecryptorProvider decryptor(char[] password) {
        return LightweightPbe.decryptors(password);
    }

    private static PrivateKeyInfo decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, char[] password) throws IOException {
        try {
            return encrypted.decryptPrivateKeyInfo(decryptor(password));
        } catch (PKCSException e) {
            throw new IOException("the key does not decrypt: " + e.getMessage(), e);
        }
    }

    private static Pkcs12Protection protection(Pkcs12Encryption profile, String keyAlgorithm, int keyIterations,
            String certAlgorithm, int certIterations, String macAlgorithm, int macIterations) {
        return new Pkcs12Protection(profile, keyAlgorithm, keyIterations, certAlgorithm, certIterations, macAlgorithm,
                macIterations);
    }

    private static void checkCertificates(List<PKCS12SafeBag> bags, ExportMaterial expected,
            Pkcs12Encoder.Options options, List<String> problems) throws CertificateEncodingException, IOException {
        List<X509Certificate> wanted = expected.certificates();
        if (bags.size() != wanted.size()) {
            problems.add("found " + bags.size() + " certificates, expected " + wanted.size());
            return;
        }
        for (int i = 0; i < bags.size(); i++) {
            X509CertificateHolder holder = (X509CertificateHolder) bags.get(i).getBagValue();
            byte[] found;
            try {
                found = holder.getEncoded();
            } catch (IOException e) {
                problems.add("certificate " + (i + 1) + " cannot be encoded: " + e.getMessage());
                continue;
            }
            if (!Arrays.equals(found, wanted.get(i).getEncoded())) {
                problems.add("certificate " + (i + 1) + " is " + holder.getSubject() + ", expected "
                        + wanted.get(i).getSubjectX500Principal() + " (path order, leaf first)");
            }
            Map<String, Attribute> attributes = attributes(bags.get(i));
            if (i > 0) {
                expect(problems, "attributes of certificate " + (i + 1), attributes.isEmpty(), attributes.keySet(), "none");
                continue;
            }
            checkLinkAttributes("leaf certificate", attributes, expected, expected.privateKey().isPresent(), problems);
            int count = expected.privateKey().isPresent() ? 2 : 1;
            boolean description = options.extendedProperties() && !expected.description().isEmpty();
            boolean properties = options.extendedProperties() && !expected.properties().isEmpty();
            Attribute d = attributes.get(Pkcs12Attributes.MS_DESCRIPTION);
            expect(problems, "description attribute", (d != null) == description, d != null, description);
            if (d != null && description) {
                String text = Pkcs12Attributes.fromWindowsString(octets(d));
                expect(problems, "description", text.equals(expected.description()), text, expected.description());
            }
            Attribute p = attributes.get(Pkcs12Attributes.CAIRN_PROPERTIES);
            expect(problems, "extended properties attribute", (p != null) == properties, p != null, properties);
            if (p != null && properties) {
                Map<String, String> read = Pkcs12Attributes.fromProperties(octets(p));
                expect(problems, "extended properties", read.equals(expected.properties()), read, expected.properties());
            }
            count += (description ? 1 : 0) + (properties ? 1 : 0);
            expect(problems, "leaf attributes", attributes.size() == count, attributes.keySet(), count + " attributes");
        }
    }

    private static void checkLinkAttributes(String where, Map<String, Attribute> attributes, ExportMaterial expected,
            boolean withKeyId, List<String> problems) throws CertificateEncodingException {
        Attribute name = attributes.get(PKCSObjectIdentifiers.pkcs_9_at_friendlyName.getId());
        String foundName = name == null ? null : DERBMPString.getInstance(name.getAttrValues().getObjectAt(0)).getString();
        expect(problems, where + " friendlyName", expected.friendlyName().equals(foundName), foundName,
                expected.friendlyName());
        Attribute keyId = attributes.get(PKCSObjectIdentifiers.pkcs_9_at_localKeyId.getId());
        if (withKeyId) {
            byte[] wanted = Pkcs12Attributes.localKeyId(expected.leaf());
            byte[] found = keyId == null ? null : octets(keyId);
            expect(problems, where + " localKeyId", Arrays.equals(wanted, found),
                    found == null ? "none" : HexFormat.of().formatHex(found), HexFormat.of().formatHex(wanted));
        } else {
            expect(problems, where + " localKeyId", keyId == null, "present", "none (no key in the file)");
        }
    }

    private static byte[] octets(Attribute attribute) {
        return ASN1OctetString.getInstance(attribute.getAttrValues().getObjectAt(0)).getOctets();
    }

    private static Map<String, Attribute> attributes(PKCS12SafeBag bag) {
        Map<String, Attribute> map = new TreeMap<>();
        Attribute[] attributes = bag.getAttributes();
        if (attributes != null) {
            for (Attribute a : attributes) {
                map.put(a.getAttrType().getId(), a);
            }
        }
        return map;
    }

    private static void checkAlgorithm(List<String> problems, String what, AlgorithmIdentifier algorithm,
            Pkcs12Encoder.Options options) {
        boolean right;
        String wanted;
        if (options.encryption() == Pkcs12Encryption.AES256_SHA256) {
            wanted = "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)";
            right = algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_PBES2) && algorithmName(algorithm).equals(wanted);
        } else {
            wanted = "pbeWithSHAAnd3-KeyTripleDES-CBC";
            right = algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC);
        }
        expect(problems, what, right, algorithmName(algorithm), wanted);
        expect(problems, what + " iterations", iterations(algorithm) == options.iterations(), iterations(algorithm),
                options.iterations());
    }

    /**
     * @param algorithm an encryption algorithm identifier from the file
     * @return how people call it, for the result and messages
     */
    static String algorithmName(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)) {
            return "pbeWithSHAAnd3-KeyTripleDES-CBC";
        }
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
            String kdf = p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2) ? "PBKDF2"
                    : p.getKeyDerivationFunc().getAlgorithm().getId();
            String prf = "";
            if (kdf.equals("PBKDF2")) {
                PBKDF2Params k = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
                ASN1ObjectIdentifier prfOid = k.getPrf().getAlgorithm();
                prf = prfOid.equals(PKCSObjectIdentifiers.id_hmacWithSHA256) ? " with HMAC-SHA256"
                        : prfOid.equals(PKCSObjectIdentifiers.id_hmacWithSHA1) ? " with HMAC-SHA1" : " with " + prfOid;
            }
            ASN1ObjectIdentifier cipher = p.getEncryptionScheme().getAlgorithm();
            String cipherName = cipher.equals(NISTObjectIdentifiers.id_aes256_CBC) ? "AES-256-CBC" : cipher.getId();
            return "PBES2 (" + kdf + prf + ", " + cipherName + ")";
        }
        return oid.getId();
    }

    private static int iterations(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.id_PBES2)) {
            PBES2Parameters p = PBES2Parameters.getInstance(algorithm.getParameters());
            if (p.getKeyDerivationFunc().getAlgorithm().equals(PKCSObjectIdentifiers.id_PBKDF2)) {
                return PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters()).getIterationCount().intValueExact();
            }
            return 0;
        }
        return PKCS12PBEParams.getInstance(algorithm.getParameters()).getIterations().intValueExact();
    }

    private static String macName(ASN1ObjectIdentifier digest) {
        if (digest.equals(NISTObjectIdentifiers.id_sha256)) {
            return "HMAC-SHA256";
        }
        if (digest.equals(OIWObjectIdentifiers.idSHA1)) {
            return "HMAC-SHA1";
        }
        return "HMAC with " + digest.getId();
    }

    private static void expect(List<String> problems, String what, boolean ok, Object found, Object wanted) {
        if (!ok) {
            problems.add(what + ": found " + found + ", expected " + wanted);
        }
    }
}
