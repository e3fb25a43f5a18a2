package org.cairn.certificates.export.internal;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.export.Pkcs12Encryption;
import org.cairn.certificates.export.Pkcs12Protection;
import org.cairn.certificates.pkcs12.internal.Pbe;
import org.cairn.certificates.pkcs12.internal.Pkcs12Attributes;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.Pkcs12Reader;
import org.cairn.certificates.pkcs12.internal.WorkBudget;

/**
 * The PKCS #12 verification: the written file read by Cairn's one PKCS #12 reader (bundle
 * {@code org.cairn.certificates.pkcs12}, the same one the import uses), whose key derivations, ciphers and HMAC are
 * Bouncy Castle's lightweight ones, while the writer ({@link Pkcs12Encoder}, {@link JdkPbe}) uses the JDK's PBKDF2,
 * PKCS #12 KDF, ciphers and MAC: only the SHA compression function of the MAC's PKCS #12 KDF is shared (PBKDF2 runs
 * on Bouncy Castle's digests). It then compares the structure bag
 * by bag with what was meant: MAC and its parameters, the algorithms and iteration counts, every certificate in
 * order, the attributes, and the key against the leaf (decoded with the Java runtime's providers).
 */
final class Pkcs12ReadBack {

    static final String NAME = "Cairn PKCS #12 reader (Bouncy Castle lightweight)";

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
        Pkcs12Facts facts;
        try {
            // the file was just written with these counts (up to ExportSettings.MAX_ITERATIONS): the key, the
            // certificates and the MAC, two blocks each at most (the PKCS #12 KDF's key and IV)
            facts = Pkcs12Reader.read(content, password, new WorkBudget(Math.max(WorkBudget.standard().limit(),
                    6L * options.iterations())));
        } catch (Pkcs12Exception e) {
            problems.add(e.reason() == Pkcs12Exception.Reason.WRONG_PASSWORD
                    ? "the MAC does not verify with the password" : "cannot read it: " + e.getMessage());
            return protection(profile, "", 0, "", 0, "", 0);
        }
        Optional<Pkcs12Facts.Mac> mac = facts.mac();
        if (mac.isEmpty()) {
            problems.add("the file has no integrity MAC");
            return protection(profile, "", 0, "", 0, "", 0);
        }
        String macAlgorithm = "HMAC-" + mac.get().digest().replace("SHA-", "SHA");
        int macIterations = mac.get().iterations();
        String wantedDigest = profile == Pkcs12Encryption.AES256_SHA256 ? "SHA-256" : "SHA-1";
        boolean pkcs12Kdf = mac.get().kind() == Pkcs12Facts.MacKind.PKCS12_KDF;
        expect(problems, "MAC", pkcs12Kdf && mac.get().digest().equals(wantedDigest),
                pkcs12Kdf ? macAlgorithm : mac.get().name(), profile.macAlgorithm());
        expect(problems, "MAC iterations", macIterations == options.iterations(), macIterations, options.iterations());
        if (!mac.get().verified()) {
            problems.add("the MAC does not verify with the password");
        }

        String certAlgorithm = "";
        int certIterations = 0;
        for (Pkcs12Facts.Safe safe : facts.safes()) {
            if (safe.protection() == Pkcs12Facts.Protection.PASSWORD && safe.scheme().isPresent()) {
                certAlgorithm = algorithmName(safe.scheme().get());
                certIterations = safe.scheme().get().iterations();
                checkAlgorithm(problems, "certificate encryption", safe.scheme().get(), options);
            }
        }
        List<Pkcs12Facts.Bag> certBags = facts.bags().stream().filter(b -> b.type() == Pkcs12Facts.BagType.CERTIFICATE).toList();
        List<Pkcs12Facts.Bag> keyBags = facts.bags().stream().filter(b -> b.type() == Pkcs12Facts.BagType.SHROUDED_KEY).toList();
        for (Pkcs12Facts.Bag bag : facts.bags()) {
            if (bag.type() != Pkcs12Facts.BagType.CERTIFICATE && bag.type() != Pkcs12Facts.BagType.SHROUDED_KEY) {
                problems.add("unexpected bag " + bag.typeOid());
            }
        }
        for (Pkcs12Facts.Bag bag : certBags) {
            boolean encrypted = facts.safes().stream().anyMatch(s -> s.index() == bag.safe()
                    && s.protection() == Pkcs12Facts.Protection.PASSWORD);
            if (!encrypted) {
                problems.add("the certificates are not encrypted");
                break;
            }
        }
        try {
            checkCertificates(certBags, expected, options, problems);
        } catch (CertificateEncodingException e) {
            problems.add("the expected certificates cannot be encoded");
        }

        String keyAlgorithm = "";
        int keyIterations = 0;
        if (expected.privateKey().isEmpty()) {
            expect(problems, "key bags", keyBags.isEmpty(), keyBags.size(), 0);
        } else if (keyBags.size() != 1) {
            problems.add("found " + keyBags.size() + " key bags, expected 1");
        } else {
            Pkcs12Facts.Bag keyBag = keyBags.get(0);
            Pbe.Scheme scheme = keyBag.scheme().orElseThrow();
            keyAlgorithm = algorithmName(scheme);
            keyIterations = scheme.iterations();
            checkAlgorithm(problems, "key encryption", scheme, options);
            PrivateKey key = keyBag.key().orElseThrow();
            X509Certificate leaf = expected.leaf();
            KeyPairCheck.mismatch(key, leaf.getPublicKey()).ifPresent(
                    why -> problems.add(why + ": " + leaf.getSubjectX500Principal()));
            try {
                checkLinkAttributes("key bag", keyBag.attributes(), expected, true, problems);
            } catch (CertificateEncodingException e) {
                problems.add("the expected leaf cannot be encoded");
            }
            expect(problems, "key bag attributes", keyBag.attributes().shown().size() == 2,
                    keyBag.attributes().shown().stream().map(Pkcs12Attributes.Shown::oid).toList(), "friendlyName and localKeyId");
        }
        return protection(profile, keyAlgorithm, keyIterations, certAlgorithm, certIterations, macAlgorithm, macIterations);
    }

    private static Pkcs12Protection protection(Pkcs12Encryption profile, String keyAlgorithm, int keyIterations,
            String certAlgorithm, int certIterations, String macAlgorithm, int macIterations) {
        return new Pkcs12Protection(profile, keyAlgorithm, keyIterations, certAlgorithm, certIterations, macAlgorithm,
                macIterations);
    }

    private static void checkCertificates(List<Pkcs12Facts.Bag> bags, ExportMaterial expected,
            Pkcs12Encoder.Options options, List<String> problems) throws CertificateEncodingException {
        List<X509Certificate> wanted = expected.certificates();
        if (bags.size() != wanted.size()) {
            problems.add("found " + bags.size() + " certificates, expected " + wanted.size());
            return;
        }
        for (int i = 0; i < bags.size(); i++) {
            Optional<X509Certificate> found = bags.get(i).certificate();
            if (found.isEmpty() || !Arrays.equals(found.get().getEncoded(), wanted.get(i).getEncoded())) {
                problems.add("certificate " + (i + 1) + " is " + found.map(c -> c.getSubjectX500Principal().toString())
                        .orElse("not X.509") + ", expected " + wanted.get(i).getSubjectX500Principal()
                        + " (path order, leaf first)");
            }
            Pkcs12Attributes.Decoded attributes = bags.get(i).attributes();
            List<String> oids = attributes.shown().stream().map(Pkcs12Attributes.Shown::oid).toList();
            if (i > 0) {
                expect(problems, "attributes of certificate " + (i + 1), oids.isEmpty(), oids, "none");
                continue;
            }
            checkLinkAttributes("leaf certificate", attributes, expected, expected.privateKey().isPresent(), problems);
            int count = expected.privateKey().isPresent() ? 2 : 1;
            boolean description = options.extendedProperties() && !expected.description().isEmpty();
            boolean properties = options.extendedProperties() && !expected.properties().isEmpty();
            boolean hasDescription = attributes.has(Pkcs12Attributes.MS_DESCRIPTION);
            expect(problems, "description attribute", hasDescription == description, hasDescription, description);
            if (hasDescription && description) {
                expect(problems, "description", attributes.description().equals(expected.description()),
                        attributes.description(), expected.description());
            }
            boolean hasProperties = attributes.has(Pkcs12Attributes.CAIRN_PROPERTIES);
            expect(problems, "extended properties attribute", hasProperties == properties, hasProperties, properties);
            if (hasProperties && properties) {
                expect(problems, "extended properties", attributes.properties().equals(expected.properties()),
                        attributes.properties(), expected.properties());
            }
            count += (description ? 1 : 0) + (properties ? 1 : 0);
            expect(problems, "leaf attributes", oids.size() == count, oids, count + " attributes");
        }
    }

    private static void checkLinkAttributes(String where, Pkcs12Attributes.Decoded attributes, ExportMaterial expected,
            boolean withKeyId, List<String> problems) throws CertificateEncodingException {
        String foundName = attributes.rawFriendlyName().orElse(null);
        expect(problems, where + " friendlyName", expected.friendlyName().equals(foundName), foundName,
                expected.friendlyName());
        if (withKeyId) {
            byte[] wanted = Pkcs12Attributes.localKeyId(expected.leaf());
            byte[] found = attributes.localKeyId().orElse(null);
            expect(problems, where + " localKeyId", Arrays.equals(wanted, found),
                    found == null ? "none" : HexFormat.of().formatHex(found), HexFormat.of().formatHex(wanted));
        } else {
            expect(problems, where + " localKeyId", attributes.localKeyId().isEmpty(), "present", "none (no key in the file)");
        }
    }

    private static void checkAlgorithm(List<String> problems, String what, Pbe.Scheme scheme, Pkcs12Encoder.Options options) {
        boolean right;
        String wanted;
        if (options.encryption() == Pkcs12Encryption.AES256_SHA256) {
            wanted = "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)";
            right = scheme.family() == Pbe.Family.PBES2 && scheme.kdf() == Pbe.Kdf.PBKDF2
                    && scheme.prf().equals(Optional.of("SHA-256")) && scheme.cipher() == Pbe.Cipher.AES_256_CBC;
        } else {
            wanted = "pbeWithSHAAnd3-KeyTripleDES-CBC";
            right = scheme.family() == Pbe.Family.PKCS12_PBE && scheme.cipher() == Pbe.Cipher.DES_EDE3_CBC;
        }
        expect(problems, what, right, algorithmName(scheme), wanted);
        expect(problems, what + " iterations", scheme.iterations() == options.iterations(), scheme.iterations(),
                options.iterations());
    }

    /**
     * @param scheme an encryption scheme from the file
     * @return how the export's result names it: "PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC)",
     *         "pbeWithSHAAnd3-KeyTripleDES-CBC", or the reader's name for others
     */
    static String algorithmName(Pbe.Scheme scheme) {
        if (scheme.family() == Pbe.Family.PBES2 && scheme.kdf() == Pbe.Kdf.PBKDF2 && scheme.prf().isPresent()
                && scheme.cipher() == Pbe.Cipher.AES_256_CBC) {
            return "PBES2 (PBKDF2 with HMAC-" + scheme.prf().get().replace("SHA-", "SHA") + ", AES-256-CBC)";
        }
        return scheme.name();
    }

    private static void expect(List<String> problems, String what, boolean ok, Object found, Object wanted) {
        if (!ok) {
            problems.add(what + ": found " + found + ", expected " + wanted);
        }
    }
}
