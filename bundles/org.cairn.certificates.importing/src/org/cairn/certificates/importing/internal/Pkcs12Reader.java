package org.cairn.certificates.importing.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
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
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.importing.Pkcs12Report;

/**
 * Reads a PKCS #12 (PFX) file: checks its integrity (HMAC with the PKCS #12 key derivation, or PBMAC1), decrypts
 * its safes and shrouded keys, and collects certificates, keys and bag attributes, while noting everything it sees
 * for {@code inspect}. A failure is classified: the password (the MAC does not verify and nothing decrypts), damage
 * (the MAC fails but the password decrypts; truncation; bad parameters), a split password (the MAC verifies but
 * the contents do not decrypt with the same password), or an unsupported algorithm, which is named.
 */
final class Pkcs12Reader {

    static final String FRIENDLY_NAME = "1.2.840.113549.1.9.20";
    static final String LOCAL_KEY_ID = "1.2.840.113549.1.9.21";
    static final String MS_CSP_NAME = "1.3.6.1.4.1.311.17.1";
    static final String MS_LOCAL_MACHINE = "1.3.6.1.4.1.311.17.2";
    /** Windows' extended attributes arc; Cairn's export writes {@code <arc>.<CERT_*_PROP_ID>} attributes. */
    static final String MS_EXTENDED = "1.3.6.1.4.1.311.17.3";
    static final String MS_DESCRIPTION = MS_EXTENDED + ".13";
    static final String MS_FRIENDLY_NAME = MS_EXTENDED + ".11";
    /** Cairn's name/value properties: Windows application-defined property id 0xCA1E (see the export bundle). */
    static final String CAIRN_PROPERTIES = MS_EXTENDED + "." + 0xCA1E;
    static final String JAVA_TRUSTED_USAGE = "2.16.840.1.113894.746875.1.1";

    private static final String DATA = "1.2.840.113549.1.7.1";
    private static final String ENCRYPTED_DATA = "1.2.840.113549.1.7.6";
    private static final String ENVELOPED_DATA = "1.2.840.113549.1.7.3";
    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
    private static final String PBMAC1 = "1.2.840.113549.1.5.14";
    private static final String BAG = "1.2.840.113549.1.12.10.1.";
    private static final String X509_CERTIFICATE = "1.2.840.113549.1.9.22.1";

    /** Everything seen, for the report; filled as far as reading gets. */
    static final class Seen {
        int version;
        Optional<Pkcs12Report.Mac> mac = Optional.empty();
        Optional<String> password = Optional.empty();
        final List<Pkcs12Report.Safe> safes = new ArrayList<>();
        final List<Pkcs12Report.Bag> bags = new ArrayList<>();
        final List<String> algorithms = new ArrayList<>();
        boolean plainKeyBag;
        boolean crlBag;
        boolean nonAsciiPassword;
        boolean noMac = true;
        int certificates;
        int keys;
        /** What stopped the reading because it is not supported, for the reader predictions. */
        Optional<String> unsupported = Optional.empty();
    }

    private final char[] password;
    private final List<Passwords.Form> forms;
    private final Seen seen;
    private final List<Parsed.CertItem> certs = new ArrayList<>();
    private final List<Parsed.KeyItem> keys = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The password form known to be right (the MAC verified with it, or it decrypted something). */
    private Passwords.Form confirmed;
    private boolean macVerified;
    private boolean macFailed;

    private Pkcs12Reader(char[] password, Seen seen) {
        this.password = password;
        this.forms = Passwords.forms(password);
        this.seen = seen;
        for (char c : password) {
            seen.nonAsciiPassword |= c > 127;
        }
    }

    /**
     * @param pfx      the file's top-level structure (already parsed)
     * @param password the password, empty for none
     * @param seen     filled with what was seen, also when reading fails
     * @return the certificates and keys
     * @throws ImportException when the file cannot be read completely
     */
    static Parsed read(ASN1Primitive pfx, char[] password, Seen seen) throws ImportException {
        Pkcs12Reader reader = new Pkcs12Reader(password, seen);
        try {
            reader.read(pfx);
            seen.certificates = reader.certs.size();
            seen.keys = reader.keys.size();
            return new Parsed(FileFormat.PKCS12, reader.certs, reader.keys, reader.notes);
        } catch (ImportException e) {
            if (e.reason() == Reason.UNSUPPORTED) {
                seen.unsupported = Optional.of(e.getMessage());
            }
            throw e;
        } finally {
            Passwords.clear(reader.forms);
        }
    }

    private void read(ASN1Primitive top) throws ImportException {
        Pfx pfx;
        List<ContentInfo> authSafe = new ArrayList<>();
        byte[] authSafeBytes;
        try {
            pfx = Pfx.getInstance(top);
            ASN1Sequence s = ASN1Sequence.getInstance(top);
            seen.version = org.bouncycastle.asn1.ASN1Integer.getInstance(s.getObjectAt(0)).intValueExact();
            ContentInfo info = pfx.getAuthSafe();
            String type = info.getContentType().getId();
            if (type.equals(SIGNED_DATA)) {
                throw new ImportException(Reason.UNSUPPORTED, "The file uses PKCS #12's public-key integrity mode "
                        + "(signedData), which Cairn does not support. Export it again with a password.");
            }
            if (!type.equals(DATA)) {
                throw new ImportException(Reason.CORRUPT, "The file's authenticated safe has content type "
                        + Algorithms.name(type) + " instead of data: it is damaged or not a PKCS #12 file.");
            }
            authSafeBytes = ASN1OctetString.getInstance(info.getContent()).getOctets();
            for (ASN1Encodable e : ASN1Sequence.getInstance(parse(authSafeBytes, "authenticated safe"))) {
                authSafe.add(ContentInfo.getInstance(e));
            }
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | ArithmeticException
                | NullPointerException e) {
            throw corrupt("its outer structure", e);
        }
        if (seen.version != 3) {
            throw new ImportException(Reason.UNSUPPORTED, "The file is PKCS #12 version " + seen.version
                    + "; only version 3 (the standard since 1999) is supported.");
        }
        if (pfx.getMacData() != null) {
            seen.noMac = false;
            verifyMac(pfx.getMacData(), authSafeBytes);
        }
        int index = 0;
        boolean anyEncrypted = false;
        boolean anyOpened = false;
        for (ContentInfo info : authSafe) {
            index++;
            String type = info.getContentType().getId();
            if (type.equals(DATA)) {
                seen.safes.add(new Pkcs12Report.Safe(index, "none", Optional.empty(), 0, true));
                bags(index, safeContents(ASN1OctetString.getInstance(info.getContent()).getOctets(), "a plain safe"));
            } else if (type.equals(ENCRYPTED_DATA)) {
                anyEncrypted = true;
                EncryptedData data = encryptedData(info);
                Pbe.Scheme scheme = Pbe.describe(data.getEncryptionAlgorithm());
                seen.algorithms.add(scheme.name());
                Optional<ASN1Sequence> contents = decryptSafe(data);
                seen.safes.add(new Pkcs12Report.Safe(index, "password", Optional.of(scheme.name()), scheme.iterations(),
                        contents.isPresent()));
                if (contents.isPresent()) {
                    anyOpened = true;
                    bags(index, contents.get());
                } else if (macVerified) {
                    throw splitPassword();
                } else if (!macFailed) {
                    throw wrongPassword();
                }
            } else if (type.equals(ENVELOPED_DATA)) {
                seen.safes.add(new Pkcs12Report.Safe(index, "public key", Optional.empty(), 0, false));
                throw new ImportException(Reason.UNSUPPORTED, "The file uses PKCS #12's public-key privacy mode "
                        + "(envelopedData), which Cairn does not support. Export it again with a password.");
            } else {
                throw new ImportException(Reason.CORRUPT, "The file holds a safe of content type " + Algorithms.name(type)
                        + ", which PKCS #12 does not define: it is damaged.");
            }
        }
        if (macFailed) {
            if (anyOpened || confirmed != null) {
                throw new ImportException(Reason.CORRUPT, "The file is damaged or was altered: its integrity check (MAC) "
                        + "fails, although the password decrypts its contents. Get a new copy of the file.");
            }
            if (!anyEncrypted) {
                throw new ImportException(Reason.WRONG_PASSWORD, "The password is incorrect (or the file was changed "
                        + "after it was written: its integrity check fails and nothing in it is encrypted to tell).");
            }
            throw wrongPassword();
        }
    }

    private void verifyMac(MacData macData, byte[] content) throws ImportException {
        AlgorithmIdentifier algorithm = macData.getMac().getAlgorithmId();
        String oid = algorithm.getAlgorithm().getId();
        byte[] expected = macData.getMac().getDigest();
        byte[] salt = macData.getSalt();
        int iterations = Pbe.iterations(macData.getIterationCount());
        String name;
        int saltLength = salt.length;
        Digest digest;
        PBKDF2Params kdf = null;
        Algorithms.DigestAlgorithm pbmac1Hmac = null;
        Algorithms.DigestAlgorithm pbmac1Prf = null;
        if (oid.equals(PBMAC1)) {
            PBMAC1Params params;
            try {
                params = PBMAC1Params.getInstance(algorithm.getParameters());
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw corrupt("its PBMAC1 parameters", e);
            }
            if (!params.getKeyDerivationFunc().getAlgorithm().getId().equals("1.2.840.113549.1.5.12")) {
                throw unsupportedMac("PBMAC1 key derivation " + Algorithms.name(params.getKeyDerivationFunc().getAlgorithm().getId()));
            }
            kdf = PBKDF2Params.getInstance(params.getKeyDerivationFunc().getParameters());
            String macOid = params.getMessageAuthScheme().getAlgorithm().getId();
            Algorithms.DigestAlgorithm hmac = Algorithms.hmac(macOid).orElseThrow(() -> unsupportedMac("PBMAC1 " + Algorithms.name(macOid)));
            String prfOid = kdf.getPrf() == null ? "1.2.840.113549.2.7" : kdf.getPrf().getAlgorithm().getId();
            Algorithms.DigestAlgorithm prf = Algorithms.hmac(prfOid).orElseThrow(() -> unsupportedMac("PBKDF2 " + Algorithms.name(prfOid)));
            if (kdf.getKeyLength() == null) {
                throw new ImportException(Reason.CORRUPT, "The file's PBMAC1 parameters lack the key length RFC 9579 requires: it is damaged or not conformant.");
            }
            iterations = Pbe.iterations(kdf.getIterationCount());
            saltLength = kdf.getSalt().length;
            pbmac1Hmac = hmac;
            pbmac1Prf = prf;
            name = "PBMAC1 HMAC-" + hmac.name() + " (PBKDF2 HMAC-" + prf.name() + ")";
            digest = hmac.factory().get();
            if (expected.length != digest.getDigestSize()) {
                throw new ImportException(Reason.CORRUPT, "The file's integrity check (MAC) is damaged: it has " + expected.length
                        + " bytes where HMAC-" + hmac.name() + " gives " + digest.getDigestSize() + ".");
            }
        } else {
            Algorithms.DigestAlgorithm d = Algorithms.digest(oid).orElseThrow(() -> unsupportedMac(Algorithms.name(oid)));
            name = "HMAC-" + d.name() + " (PKCS #12 KDF)";
            digest = d.factory().get();
            if (expected.length != digest.getDigestSize()) {
                throw new ImportException(Reason.CORRUPT, "The file's integrity check (MAC) is damaged: it has " + expected.length
                        + " bytes where HMAC-" + d.name() + " gives " + digest.getDigestSize() + ".");
            }
        }
        seen.algorithms.add(name);
        for (Passwords.Form form : forms) {
            byte[] actual;
            if (kdf != null) {
                Digest mac = pbmac1Hmac.factory().get();
                PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(pbmac1Prf.factory().get());
                generator.init(form.utf8(), kdf.getSalt(), iterations);
                KeyParameter key = (KeyParameter) generator.generateDerivedParameters(kdf.getKeyLength().intValueExact() * 8);
                actual = hmac(mac, key, content);
            } else {
                PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(digest);
                generator.init(form.pkcs12(), salt, iterations);
                KeyParameter key = (KeyParameter) generator.generateDerivedMacParameters(digest.getDigestSize() * 8);
                actual = hmac(Algorithms.digest(oid).orElseThrow().factory().get(), key, content);
            }
            if (MessageDigest.isEqual(actual, expected)) {
                confirmed = form;
                macVerified = true;
                seen.password = Optional.of(form.label());
                seen.mac = Optional.of(new Pkcs12Report.Mac(name, iterations, saltLength, true));
                return;
            }
        }
        macFailed = true;
        seen.mac = Optional.of(new Pkcs12Report.Mac(name, iterations, saltLength, false));
    }

    private static byte[] hmac(Digest digest, KeyParameter key, byte[] content) {
        HMac mac = new HMac(digest);
        mac.init(key);
        mac.update(content, 0, content.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private EncryptedData encryptedData(ContentInfo info) throws ImportException {
        try {
            return EncryptedData.getInstance(info.getContent());
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw corrupt("an encrypted safe", e);
        }
    }

    /** @return the safe's bags, or empty when no password form decrypts it */
    private Optional<ASN1Sequence> decryptSafe(EncryptedData data) throws ImportException {
        byte[] ciphertext = data.getContent().getOctets();
        for (Passwords.Form form : candidates()) {
            try {
                byte[] plain = Pbe.decrypt(data.getEncryptionAlgorithm(), ciphertext, form);
                ASN1Sequence bags = ASN1Sequence.getInstance(parse(plain, "a decrypted safe"));
                for (ASN1Encodable bag : bags) {
                    SafeBag.getInstance(bag);
                }
                confirm(form);
                return Optional.of(bags);
            } catch (Pbe.WrongKey | IllegalArgumentException | IllegalStateException | ClassCastException e) {
                // a wrong key gives bad padding or, rarely, garbage that does not parse: try the next form
            } catch (ImportException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e; // an unsupported algorithm or damaged parameters: no password helps
                }
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
            if (seen.password.isEmpty()) {
                seen.password = Optional.of(form.label());
            }
        }
    }

    private ASN1Sequence safeContents(byte[] bytes, String what) throws ImportException {
        try {
            return ASN1Sequence.getInstance(parse(bytes, what));
        } catch (IllegalArgumentException e) {
            throw corrupt(what, e);
        }
    }

    private void bags(int safe, ASN1Sequence contents) throws ImportException {
        for (ASN1Encodable encodable : contents) {
            SafeBag bag;
            try {
                bag = SafeBag.getInstance(encodable);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw corrupt("a bag", e);
            }
            String id = bag.getBagId().getId();
            Attributes attributes = attributes(bag.getBagAttributes());
            String type = id.startsWith(BAG) ? switch (id.substring(BAG.length())) {
                case "1" -> "keyBag";
                case "2" -> "pkcs8ShroudedKeyBag";
                case "3" -> "certBag";
                case "4" -> "crlBag";
                case "5" -> "secretBag";
                case "6" -> "safeContentsBag";
                default -> id;
            } : id;
            try {
                switch (type) {
                    case "keyBag" -> {
                        seen.plainKeyBag = true;
                        PrivateKey key = KeyFactories.toJava(PrivateKeyInfo.getInstance(bag.getBagValue()));
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, KeyFactories.describe(key), Optional.empty(), 0, attributes.report));
                        keys.add(new Parsed.KeyItem(key, attributes.friendlyName, attributes.localKeyId));
                    }
                    case "pkcs8ShroudedKeyBag" -> {
                        EncryptedPrivateKeyInfo encrypted = EncryptedPrivateKeyInfo.getInstance(bag.getBagValue());
                        Pbe.Scheme scheme = Pbe.describe(encrypted.getEncryptionAlgorithm());
                        seen.algorithms.add(scheme.name());
                        PrivateKey key = KeyFactories.toJava(decryptKey(encrypted));
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, KeyFactories.describe(key), Optional.of(scheme.name()),
                                scheme.iterations(), attributes.report));
                        keys.add(new Parsed.KeyItem(key, attributes.friendlyName, attributes.localKeyId));
                    }
                    case "certBag" -> {
                        CertBag certBag = CertBag.getInstance(bag.getBagValue());
                        String certType = certBag.getCertId().getId();
                        if (!certType.equals(X509_CERTIFICATE)) {
                            seen.bags.add(new Pkcs12Report.Bag(safe, type, Algorithms.name(certType), Optional.empty(), 0, attributes.report));
                            notes.add("A certificate of type " + Algorithms.name(certType) + " was left out: only X.509 certificates can be stored.");
                            continue;
                        }
                        X509Certificate certificate = certificate(ASN1OctetString.getInstance(certBag.getCertValue()).getOctets());
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, certificate.getSubjectX500Principal().getName(),
                                Optional.empty(), 0, attributes.report));
                        certs.add(new Parsed.CertItem(certificate, attributes.friendlyName, attributes.localKeyId,
                                attributes.description, attributes.properties));
                    }
                    case "crlBag" -> {
                        seen.crlBag = true;
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, "certificate revocation list", Optional.empty(), 0, attributes.report));
                        notes.add("A certificate revocation list (CRL) in the file was left out: certificate stores hold certificates only.");
                    }
                    case "secretBag" -> {
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, "secret", Optional.empty(), 0, attributes.report));
                        notes.add("A secret bag in the file was left out: certificate stores hold certificates and their keys only.");
                    }
                    case "safeContentsBag" -> {
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, "nested safe", Optional.empty(), 0, attributes.report));
                        bags(safe, ASN1Sequence.getInstance(bag.getBagValue()));
                    }
                    default -> {
                        seen.bags.add(new Pkcs12Report.Bag(safe, type, "unknown bag", Optional.empty(), 0, attributes.report));
                        notes.add("A bag of unknown type " + Algorithms.name(id) + " was left out.");
                    }
                }
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
                throw corrupt("a " + type, e);
            }
        }
    }

    private PrivateKeyInfo decryptKey(EncryptedPrivateKeyInfo encrypted) throws ImportException {
        for (Passwords.Form form : candidates()) {
            try {
                byte[] plain = Pbe.decrypt(encrypted.getEncryptionAlgorithm(), encrypted.getEncryptedData(), form);
                PrivateKeyInfo info = PrivateKeyInfo.getInstance(parse(plain, "a decrypted private key"));
                confirm(form);
                return info;
            } catch (Pbe.WrongKey | IllegalArgumentException | IllegalStateException e) {
                // next form
            } catch (ImportException e) {
                if (e.reason() != Reason.CORRUPT || !(e.getCause() instanceof IOException)) {
                    throw e;
                }
            }
        }
        if (macVerified || confirmed != null) {
            throw splitPassword();
        }
        throw wrongPassword();
    }

    /** The parsed bag attributes. */
    private record Attributes(String friendlyName, Optional<byte[]> localKeyId, String description,
            Map<String, String> properties, List<Pkcs12Report.Attribute> report) {
    }

    private Attributes attributes(ASN1Set set) throws ImportException {
        String friendlyName = "";
        Optional<byte[]> localKeyId = Optional.empty();
        String description = "";
        Map<String, String> properties = new TreeMap<>();
        List<Pkcs12Report.Attribute> report = new ArrayList<>();
        if (set == null) {
            return new Attributes(friendlyName, localKeyId, description, properties, report);
        }
        for (ASN1Encodable encodable : set) {
            try {
                Attribute attribute = Attribute.getInstance(encodable);
                String oid = attribute.getAttrType().getId();
                if (attribute.getAttrValues().size() == 0) {
                    report.add(new Pkcs12Report.Attribute(oid, oid.equals(MS_LOCAL_MACHINE) ? "Microsoft local machine keyset"
                            : oid, "(no value)"));
                    continue;
                }
                ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
                switch (oid) {
                    case FRIENDLY_NAME -> {
                        friendlyName = withoutTrailingNul(((ASN1String) value).getString());
                        report.add(new Pkcs12Report.Attribute(oid, "friendlyName", ((ASN1String) value).getString()));
                    }
                    case LOCAL_KEY_ID -> {
                        byte[] id = ASN1OctetString.getInstance(value).getOctets();
                        localKeyId = Optional.of(id);
                        report.add(new Pkcs12Report.Attribute(oid, "localKeyId", HexFormat.of().withUpperCase().formatHex(id)));
                    }
                    case MS_CSP_NAME -> report.add(new Pkcs12Report.Attribute(oid, "Microsoft CSP name", ((ASN1String) value).getString()));
                    case MS_LOCAL_MACHINE -> report.add(new Pkcs12Report.Attribute(oid, "Microsoft local machine keyset", hex(value)));
                    case MS_DESCRIPTION -> {
                        description = windowsString(ASN1OctetString.getInstance(value).getOctets());
                        report.add(new Pkcs12Report.Attribute(oid, "extended property: description", description));
                    }
                    case MS_FRIENDLY_NAME -> report.add(new Pkcs12Report.Attribute(oid, "extended property: friendly name",
                            windowsString(ASN1OctetString.getInstance(value).getOctets())));
                    case CAIRN_PROPERTIES -> {
                        for (ASN1Encodable pair : ASN1Sequence.getInstance(parse(ASN1OctetString.getInstance(value).getOctets(), "extended properties"))) {
                            ASN1Sequence s = ASN1Sequence.getInstance(pair);
                            properties.put(DERUTF8String.getInstance(s.getObjectAt(0)).getString(),
                                    DERUTF8String.getInstance(s.getObjectAt(1)).getString());
                        }
                        report.add(new Pkcs12Report.Attribute(oid, "extended property: Cairn properties", properties.toString()));
                    }
                    case JAVA_TRUSTED_USAGE -> report.add(new Pkcs12Report.Attribute(oid, "Java trusted key usage", hex(value)));
                    default -> report.add(new Pkcs12Report.Attribute(oid, oid.startsWith(MS_EXTENDED + ".")
                            ? "extended property " + oid.substring(MS_EXTENDED.length() + 1) : oid, hex(value)));
                }
            } catch (IllegalArgumentException | IllegalStateException | ClassCastException | NullPointerException e) {
                throw corrupt("a bag attribute", e);
            }
        }
        return new Attributes(friendlyName, localKeyId, description, properties, report);
    }

    static String withoutTrailingNul(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String windowsString(byte[] value) {
        return withoutTrailingNul(new String(value, StandardCharsets.UTF_16LE));
    }

    private static String hex(ASN1Encodable value) {
        try {
            return HexFormat.of().withUpperCase().formatHex(value.toASN1Primitive().getEncoded());
        } catch (IOException e) {
            return "?";
        }
    }

    static X509Certificate certificate(byte[] der) throws ImportException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw new ImportException(Reason.CORRUPT, "A certificate in the file is damaged: " + e.getMessage(), e);
        }
    }

    /** Parses one complete DER/BER object; trailing bytes or truncation are damage. */
    static ASN1Primitive parse(byte[] bytes, String what) throws ImportException {
        try (ASN1InputStream in = new ASN1InputStream(bytes, true)) {
            ASN1Primitive object = in.readObject();
            if (object == null || in.available() > 0) {
                throw new IOException(object == null ? "no data" : "extra bytes after the structure");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw new ImportException(Reason.CORRUPT, "The file is damaged or truncated: " + what + " cannot be decoded ("
                    + e.getMessage() + ").", e instanceof IOException ? e : new IOException(e));
        }
    }

    private static ImportException corrupt(String what, Exception e) {
        return new ImportException(Reason.CORRUPT, "The file is damaged or not a valid PKCS #12 file: " + what
                + " cannot be decoded (" + e.getMessage() + "). Get a new copy or export it again.", e);
    }

    private ImportException wrongPassword() {
        String hint = seen.nonAsciiPassword ? " If the file was made by OpenSSL before 1.1.0 with a non-ASCII password, that "
                + "version encoded the password wrongly: export it again with current software." : "";
        return new ImportException(Reason.WRONG_PASSWORD, password.length == 0
                ? "The password is incorrect: the file needs a password (it does not open with an empty or absent one)."
                : "The password is incorrect." + hint);
    }

    private static ImportException splitPassword() {
        return new ImportException(Reason.CORRUPT, "The file's contents do not decrypt with the password that verifies its "
                + "integrity check (MAC): they were encrypted with another password, or are damaged. Cairn, like Windows, "
                + "opens files protected by one password; export it again with a single password.");
    }

    private static ImportException unsupportedMac(String what) {
        return new ImportException(Reason.UNSUPPORTED, "The file's integrity check (MAC) uses " + what
                + ", which Cairn does not support. Export it again with a SHA-256 or SHA-1 MAC (for example with openssl pkcs12 -export).");
    }
}
