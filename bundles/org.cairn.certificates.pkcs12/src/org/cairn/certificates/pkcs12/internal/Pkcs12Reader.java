package org.cairn.certificates.pkcs12.internal;

import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.CertBag;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.SafeBag;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception.Reason;

/**
 * Reads a PKCS #12 (PFX) file: checks its integrity (HMAC with the PKCS #12 key derivation, or PBMAC1), decrypts
 * its safes and shrouded keys, and collects certificates, keys and bag attributes into {@link Pkcs12Facts}. A failure
 * is classified: the password (the MAC does not verify and nothing decrypts), damage (the MAC fails but the password
 * decrypts; truncation; bad parameters), a split password (the MAC verifies but the contents do not decrypt with the
 * same password), an unsupported algorithm (named), or a bound of {@link Limits} (named).
 *
 * <p>The structure is Bouncy Castle's ({@link PKCS12PfxPdu}, {@link PKCS12SafeBagFactory}, {@link PKCS12SafeBag});
 * each nested encoding is first checked by {@link Der#check} (depth, size). The MAC and the decryption are
 * hand-written over Bouncy Castle's lightweight primitives ({@link Pbe}), because {@code isMacValid} and the
 * decryptor builders take a {@code char[]} and cannot try the empty password's two forms, cannot tell a wrong password
 * from damage, and do not bound the key lengths of PBMAC1 and PBES2.</p>
 *
 * <p>Every key derivation is charged to the read's {@link WorkBudget} before it runs. With a single password form,
 * the MAC and the decryptions of the safes and keys that are known up front run side by side (virtual threads): an
 * export's read-back, at 100,000 iterations each, waits for the longest one rather than for all.</p>
 */
public final class Pkcs12Reader {

    private static final String DATA = "1.2.840.113549.1.7.1";
    private static final String ENCRYPTED_DATA = "1.2.840.113549.1.7.6";
    private static final String ENVELOPED_DATA = "1.2.840.113549.1.7.3";
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String PBMAC1 = "1.2.840.113549.1.5.14";
    private static final String PBKDF2 = "1.2.840.113549.1.5.12";
    private static final String BAG = "1.2.840.113549.1.12.10.1.";
    private static final String X509_CERTIFICATE = "1.2.840.113549.1.9.22.1";

    private final char[] password;
    private final List<Passwords.Form> forms;
    private final WorkBudget budget;
    private final Pkcs12Facts facts;
    /** Work started early (single password form only), by the object it is for. */
    private final Map<Object, FutureTask<?>> started = new IdentityHashMap<>();
    /** The password form known to be right (the MAC verified with it, or it decrypted something). */
    private Passwords.Form confirmed;
    private boolean macVerified;
    private boolean macFailed;
    private int bagCount;

    private Pkcs12Reader(char[] password, WorkBudget budget, Pkcs12Facts facts) {
        this.password = password;
        this.forms = Passwords.forms(password);
        this.budget = budget;
        this.facts = facts;
        facts.passwordGiven = password.length > 0;
        for (char c : password) {
            facts.nonAsciiPassword |= c > 127;
        }
    }

    /**
     * @param file     the file's content
     * @param password the password, empty for none (not changed)
     * @param budget   the read's work budget
     * @return what the file holds
     * @throws Pkcs12Exception when the file cannot be read completely
     */
    public static Pkcs12Facts read(byte[] file, char[] password, WorkBudget budget) throws Pkcs12Exception {
        Pkcs12Facts facts = new Pkcs12Facts();
        read(Der.parse(file, "the PKCS #12 structure"), password, budget, facts);
        return facts;
    }

    /**
     * @param pfx      the file's top-level structure (already parsed with {@link Der#parse})
     * @param password the password, empty for none (not changed)
     * @param budget   the read's work budget
     * @param facts    filled with what was seen, also when reading fails ({@link Pkcs12Facts#failure()} then set)
     * @throws Pkcs12Exception when the file cannot be read completely
     */
    public static void read(ASN1Primitive pfx, char[] password, WorkBudget budget, Pkcs12Facts facts)
            throws Pkcs12Exception {
        Pkcs12Reader reader = new Pkcs12Reader(password, budget, facts);
        try {
            reader.read(pfx);
        } catch (Pkcs12Exception e) {
            facts.failure = Optional.of(e);
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // a structure Bouncy Castle or the runtime could not take, in a place no check above foresaw
            Pkcs12Exception damaged = new Pkcs12Exception(Reason.CORRUPT, "The file is damaged or not a valid PKCS #12 "
                    + "file: part of it cannot be decoded. Get a new copy or export it again.", e);
            facts.failure = Optional.of(damaged);
            throw damaged;
        } finally {
            // derivations still running read the password forms: wait for them before the forms are cleared
            reader.started.values().forEach(Pkcs12Reader::awaitQuietly);
            Passwords.clear(reader.forms);
        }
    }

    private void read(ASN1Primitive top) throws Pkcs12Exception {
        PKCS12PfxPdu pfx;
        byte[] authSafeBytes;
        ContentInfo[] authSafe;
        try {
            Pfx structure = Pfx.getInstance(top);
            pfx = new PKCS12PfxPdu(structure);
            facts.version = ASN1Sequence.getInstance(top).getObjectAt(0) instanceof org.bouncycastle.asn1.ASN1Integer v
                    && v.getValue().bitLength() < 31 ? v.intValueExact() : -1;
            String type = structure.getAuthSafe().getContentType().getId();
            if (type.equals(SIGNED_DATA)) {
                throw new Pkcs12Exception(Reason.UNSUPPORTED, "The file uses PKCS #12's public-key integrity mode "
                        + "(signedData), which Cairn does not support. Export it again with a password.");
            }
            if (!type.equals(DATA)) {
                throw new Pkcs12Exception(Reason.CORRUPT, "The file's authenticated safe has content type "
                        + Algorithms.name(type) + " instead of data: it is damaged or not a PKCS #12 file.");
            }
            authSafeBytes = ASN1OctetString.getInstance(structure.getAuthSafe().getContent()).getOctets();
            Der.check(authSafeBytes, "the authenticated safe");
            authSafe = pfx.getContentInfos();
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | ArithmeticException
                | NullPointerException e) {
            throw corrupt("its outer structure", e);
        }
        if (facts.version != 3) {
            throw new Pkcs12Exception(Reason.UNSUPPORTED, "The file is PKCS #12 version " + facts.version
                    + "; only version 3 (the standard since 1999) is supported.");
        }
        if (authSafe.length > Limits.MAX_SAFES) {
            throw Limits.refused(authSafe.length + " safes", "at most " + Limits.MAX_SAFES);
        }
        // what the walk below will need: the plain safes' bags (cheap), and every derivation known now, charged
        List<List<PKCS12SafeBag>> plain = new ArrayList<>();
        Map<Object, Callable<?>> early = new IdentityHashMap<>();
        MacData macData = pfx.toASN1Structure().getMacData();
        facts.hasMac = macData != null;
        Mac mac = macData == null ? null : mac(macData);
        if (mac != null) {
            budget.charge(mac.iterations, mac.blocks, forms.size(), "the integrity check (" + mac.name + ")");
        }
        for (ContentInfo info : authSafe) {
            String type = info.getContentType().getId();
            List<PKCS12SafeBag> bags = List.of();
            if (type.equals(DATA)) {
                bags = plainSafe(info);
                for (PKCS12SafeBag bag : bags) {
                    if (bag.getType().getId().equals(BAG + "2")) {
                        EncryptedPrivateKeyInfo key = shroudedKey(bag);
                        Pbe.charge(key.getEncryptionAlgorithm(), forms.size(), budget);
                        // keyed by the bag: getBagValue() makes a new structure on every call
                        early.put(bag, () -> Pbe.decrypt(key.getEncryptionAlgorithm(), key.getEncryptedData(), forms.get(0)));
                    }
                }
            } else if (type.equals(ENCRYPTED_DATA)) {
                EncryptedData data = encryptedData(info);
                Pbe.charge(data.getEncryptionAlgorithm(), forms.size(), budget);
                // keyed by the safe's ContentInfo: EncryptedData.getInstance makes a new structure on every call
                early.put(info, () -> Pbe.decrypt(data.getEncryptionAlgorithm(), data.getContent().getOctets(), forms.get(0)));
            }
            plain.add(bags);
        }
        // everything is charged: only now does any derivation start (a refusal above costs nothing)
        if (mac != null) {
            startEarly(mac, () -> mac.matches(forms.get(0), authSafeBytes));
        }
        early.forEach(this::startEarly);
        if (mac != null) {
            verifyMac(mac, authSafeBytes);
        }
        int index = 0;
        boolean anyEncrypted = false;
        boolean anyOpened = false;
        for (ContentInfo info : authSafe) {
            index++;
            String type = info.getContentType().getId();
            if (type.equals(DATA)) {
                facts.safes.add(new Pkcs12Facts.Safe(index, Pkcs12Facts.Protection.NONE, Optional.empty(), true));
                bags(index, plain.get(index - 1), 0);
            } else if (type.equals(ENCRYPTED_DATA)) {
                anyEncrypted = true;
                EncryptedData data = encryptedData(info);
                Pbe.Scheme scheme = Pbe.describe(data.getEncryptionAlgorithm());
                facts.schemes.add(scheme);
                Optional<List<PKCS12SafeBag>> contents = decryptSafe(data, info);
                facts.safes.add(new Pkcs12Facts.Safe(index, Pkcs12Facts.Protection.PASSWORD, Optional.of(scheme),
                        contents.isPresent()));
                if (contents.isPresent()) {
                    anyOpened = true;
                    bags(index, contents.get(), 0);
                } else if (macVerified) {
                    throw splitPassword();
                } else if (!macFailed) {
                    throw wrongPassword();
                }
            } else if (type.equals(ENVELOPED_DATA)) {
                facts.safes.add(new Pkcs12Facts.Safe(index, Pkcs12Facts.Protection.PUBLIC_KEY, Optional.empty(), false));
                throw new Pkcs12Exception(Reason.UNSUPPORTED, "The file uses PKCS #12's public-key privacy mode "
                        + "(envelopedData), which Cairn does not support. Export it again with a password.");
            } else {
                throw new Pkcs12Exception(Reason.CORRUPT, "The file holds a safe of content type " + Algorithms.name(type)
                        + ", which PKCS #12 does not define: it is damaged.");
            }
        }
        if (macFailed) {
            if (anyOpened || confirmed != null) {
                throw new Pkcs12Exception(Reason.CORRUPT, "The file is damaged or was altered: its integrity check (MAC) "
                        + "fails, although the password decrypts its contents. Get a new copy of the file.");
            }
            if (!anyEncrypted) {
                throw new Pkcs12Exception(Reason.WRONG_PASSWORD, "The password is incorrect (or the file was changed "
                        + "after it was written: its integrity check fails and nothing in it is encrypted to tell).");
            }
            throw wrongPassword();
        }
    }

    // ---- work started early

    /** Starts work at once when only one password form will be tried (otherwise the walk decides which form). */
    private void startEarly(Object key, Callable<?> work) {
        if (forms.size() == 1 && !started.containsKey(key)) {
            FutureTask<?> task = new FutureTask<>(work);
            Thread.ofVirtual().name("cairn-pkcs12-derivation").start(task);
            started.put(key, task);
        }
    }

    /** The result of work for {@code key} with the first password form: started early, or run now. */
    private <T> T result(Object key, Passwords.Form form, Callable<T> work) throws Pkcs12Exception, Pbe.WrongKey {
        FutureTask<?> task = form == forms.get(0) ? started.get(key) : null;
        try {
            if (task == null) {
                return work.call();
            }
            @SuppressWarnings("unchecked")
            T done = (T) task.get();
            return done;
        } catch (ExecutionException e) {
            return rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Pkcs12Exception(Reason.CORRUPT, "Reading the file was interrupted.", e);
        } catch (Pkcs12Exception | Pbe.WrongKey | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            return rethrow(e);
        }
    }

    private static <T> T rethrow(Throwable cause) throws Pkcs12Exception, Pbe.WrongKey {
        if (cause instanceof Pkcs12Exception p) {
            throw p;
        }
        if (cause instanceof Pbe.WrongKey w) {
            throw w;
        }
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(cause);
    }

    private static void awaitQuietly(FutureTask<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the integrity check

    /** A MAC's parameters, checked against the bounds. */
    private static final class Mac {
        final String name;
        final Pkcs12Facts.MacKind kind;
        final Algorithms.DigestAlgorithm hmac;
        final Optional<Algorithms.DigestAlgorithm> prf;
        final byte[] expected;
        final byte[] salt;
        final int iterations;
        final int keyBytes;
        final long blocks;

        Mac(String name, Pkcs12Facts.MacKind kind, Algorithms.DigestAlgorithm hmac, Optional<Algorithms.DigestAlgorithm> prf,
                byte[] expected, byte[] salt, int iterations, int keyBytes) {
            this.name = name;
            this.kind = kind;
            this.hmac = hmac;
            this.prf = prf;
            this.expected = expected;
            this.salt = salt;
            this.iterations = iterations;
            this.keyBytes = keyBytes;
            int hashBytes = prf.orElse(hmac).factory().get().getDigestSize();
            this.blocks = (keyBytes + hashBytes - 1) / hashBytes;
        }

        boolean matches(Passwords.Form form, byte[] content) {
            KeyParameter key;
            if (kind == Pkcs12Facts.MacKind.PBMAC1) {
                PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(prf.orElseThrow().factory().get());
                generator.init(form.utf8(), salt, iterations);
                key = (KeyParameter) generator.generateDerivedParameters(keyBytes * 8);
            } else {
                PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(hmac.factory().get());
                generator.init(form.pkcs12(), salt, iterations);
                key = (KeyParameter) generator.generateDerivedMacParameters(keyBytes * 8);
            }
            HMac mac = new HMac(hmac.factory().get());
            mac.init(key);
            mac.update(content, 0, content.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return MessageDigest.isEqual(out, expected);
        }
    }

    private Mac mac(MacData macData) throws Pkcs12Exception {
        try {
            AlgorithmIdentifier algorithm = macData.getMac().getAlgorithmId();
            String oid = algorithm.getAlgorithm().getId();
            byte[] expected = macData.getMac().getDigest();
            if (oid.equals(PBMAC1)) {
                PBMAC1Params params = PBMAC1Params.getInstance(algorithm.getParameters());
                if (!params.getKeyDerivationFunc().getAlgorithm().getId().equals(PBKDF2)) {
                    String kdfOid = params.getKeyDerivationFunc().getAlgorithm().getId();
                    throw unsupportedMac("PBMAC1 key derivation " + Algorithms.name(kdfOid), kdfOid);
                }
                PBKDF2Params kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
                String macOid = params.getMessageAuthScheme().getAlgorithm().getId();
                Algorithms.DigestAlgorithm hmac = Algorithms.hmac(macOid).orElseThrow(() -> unsupportedMac("PBMAC1 " + Algorithms.name(macOid), macOid));
                String prfOid = kdf.getPrf() == null ? "1.2.840.113549.2.7" : kdf.getPrf().getAlgorithm().getId();
                Algorithms.DigestAlgorithm prf = Algorithms.hmac(prfOid).orElseThrow(() -> unsupportedMac("PBKDF2 " + Algorithms.name(prfOid), prfOid));
                if (kdf.getKeyLength() == null) {
                    throw new Pkcs12Exception(Reason.CORRUPT, "The file's PBMAC1 parameters lack the key length RFC 9579 "
                            + "requires: it is damaged or not conformant.");
                }
                int keyBytes = Pbe.keyLength(kdf.getKeyLength(), "PBMAC1");
                checkMacLength(expected, hmac);
                return new Mac("PBMAC1 HMAC-" + hmac.name() + " (PBKDF2 HMAC-" + prf.name() + ")", Pkcs12Facts.MacKind.PBMAC1,
                        hmac, Optional.of(prf), expected, Pbe.salt(kdf.getSalt()), Pbe.iterations(kdf.getIterationCount()), keyBytes);
            }
            Algorithms.DigestAlgorithm d = Algorithms.digest(oid).orElseThrow(() -> unsupportedMac(Algorithms.name(oid), oid));
            checkMacLength(expected, d);
            int size = d.factory().get().getDigestSize();
            return new Mac("HMAC-" + d.name() + " (PKCS #12 KDF)", Pkcs12Facts.MacKind.PKCS12_KDF, d, Optional.empty(),
                    expected, Pbe.salt(macData.getSalt()), Pbe.iterations(macData.getIterationCount()), size);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw corrupt("its integrity check (MAC) parameters", e);
        }
    }

    private static void checkMacLength(byte[] expected, Algorithms.DigestAlgorithm hmac) throws Pkcs12Exception {
        int size = hmac.factory().get().getDigestSize();
        if (expected.length != size) {
            throw new Pkcs12Exception(Reason.CORRUPT, "The file's integrity check (MAC) is damaged: it has " + expected.length
                    + " bytes where HMAC-" + hmac.name() + " gives " + size + ".");
        }
    }

    private void verifyMac(Mac mac, byte[] content) throws Pkcs12Exception {
        for (Passwords.Form form : forms) {
            boolean matches;
            try {
                matches = result(mac, form, () -> mac.matches(form, content));
            } catch (Pbe.WrongKey e) {
                matches = false;
            }
            if (matches) {
                confirmed = form;
                macVerified = true;
                facts.passwordForm = Optional.of(form.label());
                facts.mac = Optional.of(macFacts(mac, true));
                return;
            }
        }
        macFailed = true;
        facts.mac = Optional.of(macFacts(mac, false));
    }

    private static Pkcs12Facts.Mac macFacts(Mac mac, boolean verified) {
        return new Pkcs12Facts.Mac(mac.kind, mac.hmac.name(), mac.prf.map(Algorithms.DigestAlgorithm::name), mac.name,
                mac.iterations, mac.salt.length, verified);
    }

    // ---- safes and bags

    private List<PKCS12SafeBag> plainSafe(ContentInfo info) throws Pkcs12Exception {
        try {
            Der.check(ASN1OctetString.getInstance(info.getContent()).getOctets(), "a plain safe");
            PKCS12SafeBag[] bags = new PKCS12SafeBagFactory(info).getSafeBags();
            countBags(bags.length);
            return List.of(bags);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw corrupt("a plain safe", e);
        }
    }

    private void countBags(int more) throws Pkcs12Exception {
        bagCount += more;
        if (bagCount > Limits.MAX_BAGS) {
            throw Limits.refused("more than " + Limits.MAX_BAGS + " bags", "at most " + Limits.MAX_BAGS);
        }
    }

    private EncryptedData encryptedData(ContentInfo info) throws Pkcs12Exception {
        try {
            return EncryptedData.getInstance(info.getContent());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw corrupt("an encrypted safe", e);
        }
    }

    private static EncryptedPrivateKeyInfo shroudedKey(PKCS12SafeBag bag) throws Pkcs12Exception {
        try {
            return ((PKCS8EncryptedPrivateKeyInfo) bag.getBagValue()).toASN1Structure();
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
            throw corrupt("a pkcs8ShroudedKeyBag", e);
        }
    }

    /** @return the safe's bags, or empty when no password form decrypts it */
    private Optional<List<PKCS12SafeBag>> decryptSafe(EncryptedData data, ContentInfo safe) throws Pkcs12Exception {
        byte[] ciphertext;
        try {
            ciphertext = data.getContent().getOctets();
        } catch (RuntimeException e) {
            throw corrupt("an encrypted safe", e);
        }
        for (Passwords.Form form : candidates()) {
            try {
                byte[] plain = result(safe, form, () -> Pbe.decrypt(data.getEncryptionAlgorithm(), ciphertext, form));
                Optional<ASN1Primitive> parsed = decrypted(plain, "a decrypted safe");
                if (parsed.isEmpty()) {
                    continue;
                }
                List<PKCS12SafeBag> bags = new ArrayList<>();
                for (ASN1Encodable bag : ASN1Sequence.getInstance(parsed.get())) {
                    bags.add(new PKCS12SafeBag(SafeBag.getInstance(bag)));
                }
                countBags(bags.size());
                confirm(form);
                return Optional.of(bags);
            } catch (Pbe.WrongKey | IllegalArgumentException | IllegalStateException | ClassCastException e) {
                // a wrong key gives bad padding or, rarely, garbage that does not parse: try the next form
            }
        }
        return Optional.empty();
    }

    private List<Passwords.Form> candidates() {
        return confirmed != null ? List.of(confirmed) : forms;
    }

    private void confirm(Passwords.Form form) {
        if (confirmed == null) {
            confirmed = form;
            if (facts.passwordForm.isEmpty()) {
                facts.passwordForm = Optional.of(form.label());
            }
        }
    }

    private void bags(int safe, List<PKCS12SafeBag> contents, int depth) throws Pkcs12Exception {
        for (PKCS12SafeBag bag : contents) {
            String id = bag.getType().getId();
            Pkcs12Facts.BagType type = id.startsWith(BAG) ? switch (id.substring(BAG.length())) {
                case "1" -> Pkcs12Facts.BagType.KEY;
                case "2" -> Pkcs12Facts.BagType.SHROUDED_KEY;
                case "3" -> Pkcs12Facts.BagType.CERTIFICATE;
                case "4" -> Pkcs12Facts.BagType.CRL;
                case "5" -> Pkcs12Facts.BagType.SECRET;
                case "6" -> Pkcs12Facts.BagType.SAFE_CONTENTS;
                default -> Pkcs12Facts.BagType.OTHER;
            } : Pkcs12Facts.BagType.OTHER;
            Pkcs12Attributes.Decoded attributes = Pkcs12Attributes.decode(bag.getAttributes());
            try {
                switch (type) {
                    case KEY -> {
                        PrivateKey key = KeyFactories.toJava((PrivateKeyInfo) bag.getBagValue());
                        add(safe, type, id, KeyFactories.describe(key), Optional.empty(), attributes, null, key);
                    }
                    case SHROUDED_KEY -> {
                        EncryptedPrivateKeyInfo encrypted = shroudedKey(bag);
                        Pbe.Scheme scheme = Pbe.describe(encrypted.getEncryptionAlgorithm());
                        facts.schemes.add(scheme);
                        if (!started.containsKey(bag)) {
                            Pbe.charge(encrypted.getEncryptionAlgorithm(), candidates().size(), budget);
                        }
                        PrivateKey key = KeyFactories.toJava(decryptKey(encrypted, bag));
                        add(safe, type, id, KeyFactories.describe(key), Optional.of(scheme), attributes, null, key);
                    }
                    case CERTIFICATE -> {
                        CertBag certBag = CertBag.getInstance(bag.toASN1Structure().getBagValue());
                        String certType = certBag.getCertId().getId();
                        if (!certType.equals(X509_CERTIFICATE)) {
                            add(safe, type, id, Algorithms.name(certType), Optional.empty(), attributes, null, null);
                            facts.notes.add("A certificate of type " + Algorithms.name(certType)
                                    + " was left out: only X.509 certificates can be stored.");
                            continue;
                        }
                        X509Certificate certificate = Der.certificate(ASN1OctetString.getInstance(certBag.getCertValue()).getOctets());
                        add(safe, type, id, certificate.getSubjectX500Principal().getName(), Optional.empty(), attributes,
                                certificate, null);
                    }
                    case CRL -> {
                        add(safe, type, id, "certificate revocation list", Optional.empty(), attributes, null, null);
                        facts.notes.add("A certificate revocation list (CRL) in the file was left out: certificate stores "
                                + "hold certificates only.");
                    }
                    case SECRET -> {
                        add(safe, type, id, "secret", Optional.empty(), attributes, null, null);
                        facts.notes.add("A secret bag in the file was left out: certificate stores hold certificates and "
                                + "their keys only.");
                    }
                    case SAFE_CONTENTS -> {
                        if (depth >= Limits.MAX_BAG_NESTING) {
                            throw Limits.refused("safeContents bags nested more than " + Limits.MAX_BAG_NESTING + " deep",
                                    "at most " + Limits.MAX_BAG_NESTING);
                        }
                        add(safe, type, id, "nested safe", Optional.empty(), attributes, null, null);
                        List<PKCS12SafeBag> nested = new ArrayList<>();
                        for (ASN1Encodable e : ASN1Sequence.getInstance(bag.toASN1Structure().getBagValue())) {
                            nested.add(new PKCS12SafeBag(SafeBag.getInstance(e)));
                        }
                        countBags(nested.size());
                        bags(safe, nested, depth + 1);
                    }
                    case OTHER -> {
                        add(safe, type, id, "unknown bag", Optional.empty(), attributes, null, null);
                        facts.notes.add("A bag of unknown type " + Algorithms.name(id) + " was left out.");
                    }
                }
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
                throw corrupt("a " + type.displayName(), e);
            }
        }
    }

    private void add(int safe, Pkcs12Facts.BagType type, String oid, String summary, Optional<Pbe.Scheme> scheme,
            Pkcs12Attributes.Decoded attributes, X509Certificate certificate, PrivateKey key) {
        facts.bags.add(new Pkcs12Facts.Bag(safe, type, oid, summary, scheme, attributes, Optional.ofNullable(certificate),
                Optional.ofNullable(key)));
    }

    private PrivateKeyInfo decryptKey(EncryptedPrivateKeyInfo encrypted, PKCS12SafeBag bag) throws Pkcs12Exception {
        for (Passwords.Form form : candidates()) {
            try {
                byte[] plain = result(bag, form,
                        () -> Pbe.decrypt(encrypted.getEncryptionAlgorithm(), encrypted.getEncryptedData(), form));
                Optional<ASN1Primitive> parsed = decrypted(plain, "a decrypted private key");
                java.util.Arrays.fill(plain, (byte) 0);
                if (parsed.isEmpty()) {
                    continue;
                }
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(parsed.get());
                confirm(form);
                return info;
            } catch (Pbe.WrongKey | IllegalArgumentException | IllegalStateException e) {
                // next form
            }
        }
        if (macVerified || confirmed != null) {
            throw splitPassword();
        }
        throw wrongPassword();
    }

    /**
     * @return the decrypted structure, or empty when it does not decode: what a wrong key gives (once the padding
     *         happened to fit), so the next password form is tried; a bound still refuses the file
     */
    private static Optional<ASN1Primitive> decrypted(byte[] plain, String what) throws Pkcs12Exception {
        try {
            return Optional.of(Der.parse(plain, what));
        } catch (Pkcs12Exception e) {
            if (e.reason() == Reason.LIMIT) {
                throw e;
            }
            return Optional.empty();
        }
    }

    private static Pkcs12Exception corrupt(String what, Exception e) {
        return new Pkcs12Exception(Reason.CORRUPT, "The file is damaged or not a valid PKCS #12 file: " + what
                + " cannot be decoded. Get a new copy or export it again.", e);
    }

    private Pkcs12Exception wrongPassword() {
        String hint = facts.nonAsciiPassword ? " If the file was made by OpenSSL before 1.1.0 with a non-ASCII password, "
                + "that version encoded the password wrongly: export it again with current software." : "";
        return new Pkcs12Exception(Reason.WRONG_PASSWORD, password.length == 0
                ? "The password is incorrect: the file needs a password (it does not open with an empty or absent one)."
                : "The password is incorrect." + hint);
    }

    private static Pkcs12Exception splitPassword() {
        return new Pkcs12Exception(Reason.CORRUPT, "The file's contents do not decrypt with the password that verifies "
                + "its integrity check (MAC): they were encrypted with another password, or are damaged. Cairn, like "
                + "Windows, opens files protected by one password; export it again with a single password.");
    }

    private static Pkcs12Exception unsupportedMac(String what, String oid) {
        return new Pkcs12Exception(Reason.UNSUPPORTED, "The file's integrity check (MAC) uses " + what
                + ", which Cairn does not support. Export it again with a SHA-256 or SHA-1 MAC (for example with openssl "
                + "pkcs12 -export).", null, oid);
    }
}
