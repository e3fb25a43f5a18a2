package org.cairn.certificates.importing.internal;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.cairn.certificates.importing.FileFormat;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.pkcs12.internal.Der;
import org.cairn.certificates.pkcs12.internal.KeyFactories;
import org.cairn.certificates.pkcs12.internal.Limits;
import org.cairn.certificates.pkcs12.internal.Passwords;
import org.cairn.certificates.pkcs12.internal.Pbe;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.Pkcs12Reader;
import org.cairn.certificates.pkcs12.internal.WorkBudget;

/**
 * Recognises a file by its content (the extension only words the messages) and decodes it: PKCS #12, a DER or
 * Base-64 X.509 certificate, PKCS #7 certificates (DER or Base-64), or a PEM bundle of certificates and keys.
 */
final class FileDecoder {

    /** Files above this size are not certificate files; refusing them early keeps a mistake cheap. */
    static final long MAX_SIZE = 16L * 1024 * 1024;

    private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";

    private FileDecoder() {
    }

    /** @return the file's bytes */
    static byte[] load(Path file) throws ImportException {
        try {
            if (Files.isDirectory(file)) {
                throw new ImportException(Reason.UNREADABLE, file + " is a folder; give the certificate file in it.");
            }
            if (Files.size(file) > MAX_SIZE) {
                throw new ImportException(Reason.WRONG_FORMAT, file + " is " + Files.size(file) / (1024 * 1024)
                        + " MB: too large for a certificate file. Check the file name.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(Reason.UNREADABLE, "The file " + file + " does not exist. Check the name and folder.", e);
        } catch (AccessDeniedException e) {
            throw new ImportException(Reason.UNREADABLE, "The file " + file + " cannot be read: permission denied.", e);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? ": " + f.getReason() : "";
            throw new ImportException(Reason.UNREADABLE, "The file " + file + " cannot be read" + why + ".", e);
        }
    }

    /**
     * What a file is, before any password is needed.
     *
     * @param format the kind of file
     * @param der    the DER (or BER) structure, for binary and Base-64 files
     * @param pem    the text, for PEM bundles
     */
    record Sniffed(FileFormat format, Optional<ASN1Primitive> der, Optional<String> pem) {
    }

    /**
     * @param name  the file name, for messages
     * @param bytes its content
     * @return what it is
     * @throws ImportException WRONG_FORMAT or CORRUPT
     */
    static Sniffed sniff(String name, byte[] bytes) throws ImportException {
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String text = asciiText(bytes);
        if (text != null && text.contains("-----BEGIN ")) {
            return new Sniffed(FileFormat.PEM_BUNDLE, Optional.empty(), Optional.of(text));
        }
        boolean base64 = false;
        byte[] der = bytes;
        if (text != null) {
            String compact = text.replaceAll("\\s", "");
            try {
                der = Base64.getDecoder().decode(compact);
                base64 = true;
            } catch (IllegalArgumentException e) {
                throw wrongFormat(name, extension, "it is text, but neither PEM nor Base-64");
            }
        }
        if (der.length == 0 || (der[0] & 0xff) != 0x30) {
            throw wrongFormat(name, extension, "it does not start with an ASN.1 structure");
        }
        ASN1Primitive top;
        try {
            top = Der.parse(der, "its content");
        } catch (Pkcs12Exception e) {
            if (e.reason() == Pkcs12Exception.Reason.LIMIT) {
                throw Failures.of(e);
            }
            throw new ImportException(Reason.CORRUPT, "The file " + name + " is damaged or truncated: " + kindOf(extension)
                    + " cannot be decoded. Get a new copy of the file.", e);
        }
        FileFormat format = classify(top);
        if (format == null) {
            throw wrongFormat(name, extension, "its structure is not one of these");
        }
        if (format == FileFormat.DER_CERTIFICATE && base64) {
            format = FileFormat.BASE64_CERTIFICATE;
        }
        return new Sniffed(format, Optional.of(top), Optional.empty());
    }

    private static FileFormat classify(ASN1Primitive top) {
        try {
            return classifyParsed(top);
        } catch (RuntimeException e) {
            return null; // a shape none of the formats has
        }
    }

    private static FileFormat classifyParsed(ASN1Primitive top) {
        if (!(top instanceof ASN1Sequence s) || s.size() < 2) {
            return null;
        }
        ASN1Encodable first = s.getObjectAt(0);
        ASN1Encodable second = s.getObjectAt(1);
        if (first instanceof ASN1Integer && second instanceof ASN1Sequence ci && ci.size() >= 1
                && ci.getObjectAt(0) instanceof ASN1ObjectIdentifier) {
            return FileFormat.PKCS12;
        }
        if (first instanceof ASN1ObjectIdentifier oid && oid.getId().equals(SIGNED_DATA)) {
            return FileFormat.PKCS7;
        }
        if (first instanceof ASN1Sequence tbs && tbs.size() >= 6 && second instanceof ASN1Sequence && s.size() == 3) {
            return FileFormat.DER_CERTIFICATE;
        }
        return null;
    }

    /**
     * @param sniffed  what the file is
     * @param password the password, empty for none
     * @param budget   the read's work budget
     * @param facts    filled with what a PKCS #12 file holds (for inspect)
     * @return its certificates and keys
     */
    static Parsed decode(Sniffed sniffed, char[] password, WorkBudget budget, Pkcs12Facts facts) throws ImportException {
        try {
            return switch (sniffed.format()) {
                case PKCS12 -> pkcs12(sniffed.der().orElseThrow(), password, budget, facts);
                case DER_CERTIFICATE, BASE64_CERTIFICATE -> new Parsed(sniffed.format(), List.of(certItem(
                        Der.certificate(encoded(sniffed.der().orElseThrow())))), List.of(), List.of());
                case PKCS7 -> new Parsed(FileFormat.PKCS7, pkcs7(sniffed.der().orElseThrow()), List.of(), List.of());
                case PEM_BUNDLE -> pem(sniffed.pem().orElseThrow(), password, budget);
            };
        } catch (Pkcs12Exception e) {
            throw Failures.of(e);
        }
    }

    private static Parsed pkcs12(ASN1Primitive top, char[] password, WorkBudget budget, Pkcs12Facts facts)
            throws Pkcs12Exception {
        Pkcs12Reader.read(top, password, budget, facts);
        List<Parsed.CertItem> certs = new ArrayList<>();
        List<Parsed.KeyItem> keys = new ArrayList<>();
        for (Pkcs12Facts.Bag bag : facts.bags()) {
            bag.certificate().ifPresent(c -> certs.add(new Parsed.CertItem(c, bag.attributes().friendlyName(),
                    bag.attributes().localKeyId(), bag.attributes().description(), bag.attributes().properties())));
            bag.key().ifPresent(k -> keys.add(new Parsed.KeyItem(k, bag.attributes().friendlyName(),
                    bag.attributes().localKeyId())));
        }
        return new Parsed(FileFormat.PKCS12, certs, keys, facts.notes());
    }

    private static Parsed.CertItem certItem(java.security.cert.X509Certificate certificate) {
        return new Parsed.CertItem(certificate, "", Optional.empty(), "", Map.of());
    }

    private static byte[] encoded(ASN1Encodable object) throws ImportException {
        try {
            return object.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new ImportException(Reason.CORRUPT, "A certificate in the file is damaged: it cannot be encoded.", e);
        }
    }

    private static List<Parsed.CertItem> pkcs7(ASN1Primitive top) throws ImportException, Pkcs12Exception {
        List<Parsed.CertItem> certs = new ArrayList<>();
        try {
            // Bouncy Castle's CMS parser; its store holds the X.509 certificates (attribute certificates apart)
            CMSSignedData signed = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(top));
            for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
                if (certs.size() == Limits.MAX_CERTIFICATES) {
                    throw Failures.of(Limits.refused("more than " + Limits.MAX_CERTIFICATES + " certificates",
                            "at most " + Limits.MAX_CERTIFICATES));
                }
                certs.add(certItem(Der.certificate(holder.getEncoded())));
            }
        } catch (CMSException | IOException | RuntimeException e) {
            throw new ImportException(Reason.CORRUPT, "The PKCS #7 file is damaged: its SignedData cannot be decoded. "
                    + "Get a new copy of the file.", e);
        }
        if (certs.isEmpty()) {
            throw new ImportException(Reason.NOTHING_TO_IMPORT, "The PKCS #7 file holds no certificates: there is nothing to import.");
        }
        return certs;
    }

    /**
     * Checks each PEM block's size, nesting and the number of blocks before Bouncy Castle's PEMParser decodes them
     * (it parses each block with no depth limit).
     */
    private static void checkPem(String text) throws ImportException, Pkcs12Exception {
        int blocks = 0;
        try (org.bouncycastle.util.io.pem.PemReader reader = new org.bouncycastle.util.io.pem.PemReader(new StringReader(text))) {
            for (org.bouncycastle.util.io.pem.PemObject o = reader.readPemObject(); o != null; o = reader.readPemObject()) {
                if (++blocks > Limits.MAX_CERTIFICATES) {
                    throw Limits.refused("more than " + Limits.MAX_CERTIFICATES + " PEM blocks", "at most "
                            + Limits.MAX_CERTIFICATES);
                }
                // OpenSSL's legacy key encryption (Proc-Type, DEK-Info headers) makes the content ciphertext
                if (o.getHeaders().isEmpty()) {
                    Der.check(o.getContent(), "PEM block " + blocks);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportException(Reason.CORRUPT, "The PEM file is damaged: block " + (blocks + 1)
                    + " cannot be decoded (its Base-64 text or its header is broken). Get a new copy of the file.", e);
        }
    }

    private static Parsed pem(String text, char[] password, WorkBudget budget) throws ImportException, Pkcs12Exception {
        checkPem(text);
        List<Parsed.CertItem> certs = new ArrayList<>();
        List<Parsed.KeyItem> keys = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int index = 0;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while (true) {
                try {
                    object = parser.readObject();
                } catch (IOException | RuntimeException e) {
                    throw new ImportException(Reason.CORRUPT, "The PEM file is damaged: block " + (index + 1)
                            + " cannot be decoded. Get a new copy of the file.", e);
                }
                if (object == null) {
                    break;
                }
                index++;
                if (object instanceof X509CertificateHolder holder) {
                    certs.add(certItem(Der.certificate(holder.getEncoded())));
                } else if (object instanceof ContentInfo || object instanceof org.bouncycastle.asn1.cms.ContentInfo) {
                    certs.addAll(pkcs7(((ASN1Encodable) object).toASN1Primitive()));
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(new Parsed.KeyItem(KeyFactories.toJava(info), "", Optional.empty()));
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(new Parsed.KeyItem(KeyFactories.toJava(pair.getPrivateKeyInfo()), "", Optional.empty()));
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(new Parsed.KeyItem(encryptedPkcs8(encrypted.toASN1Structure(), password, budget), "", Optional.empty()));
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    keys.add(new Parsed.KeyItem(legacyEncrypted(encrypted, password), "", Optional.empty()));
                } else if (object instanceof X509CRLHolder) {
                    notes.add("A certificate revocation list (CRL) in the file was left out: certificate stores hold certificates only.");
                } else if (object instanceof SubjectPublicKeyInfo) {
                    notes.add("A public key in the file was left out: certificate stores hold certificates and private keys.");
                } else if (object instanceof PKCS10CertificationRequest) {
                    notes.add("A certificate request in the file was left out: it is not a certificate yet.");
                } else if (object instanceof ASN1ObjectIdentifier) {
                    continue; // EC PARAMETERS written by openssl ecparam before the key: nothing to keep
                } else {
                    notes.add("PEM block " + index + " was left out: it holds nothing a certificate store keeps.");
                }
            }
        } catch (IOException e) {
            throw new ImportException(Reason.UNREADABLE, "The PEM file cannot be read.", e);
        }
        if (index == 0) {
            throw new ImportException(Reason.WRONG_FORMAT, "The file has a PEM header but no complete PEM block "
                    + "(-----BEGIN ...----- to -----END ...-----): it is truncated or not a certificate file.");
        }
        return new Parsed(FileFormat.PEM_BUNDLE, certs, keys, notes);
    }

    /** Decrypts an encrypted PKCS #8 key (BEGIN ENCRYPTED PRIVATE KEY). */
    static PrivateKey encryptedPkcs8(EncryptedPrivateKeyInfo encrypted, char[] password, WorkBudget budget)
            throws ImportException, Pkcs12Exception {
        List<Passwords.Form> forms = Passwords.forms(password);
        Pbe.charge(encrypted.getEncryptionAlgorithm(), forms.size(), budget);
        try {
            for (Passwords.Form form : forms) {
                byte[] plain;
                try {
                    plain = Pbe.decrypt(encrypted.getEncryptionAlgorithm(), encrypted.getEncryptedData(), form);
                } catch (Pbe.WrongKey e) {
                    continue;
                }
                ASN1Primitive info;
                try {
                    info = Der.parse(plain, "a decrypted private key");
                } catch (Pkcs12Exception e) {
                    if (e.reason() == Pkcs12Exception.Reason.LIMIT) {
                        throw e;
                    }
                    continue; // garbage from a wrong key whose padding happened to fit
                } finally {
                    java.util.Arrays.fill(plain, (byte) 0);
                }
                try {
                    return KeyFactories.toJava(PrivateKeyInfo.getInstance(info));
                } catch (IllegalArgumentException | IllegalStateException e) {
                    continue;
                }
            }
        } finally {
            Passwords.clear(forms);
        }
        throw new ImportException(Reason.WRONG_PASSWORD, password.length == 0
                ? "The password is incorrect: the private key in the file is encrypted; give its password."
                : "The password is incorrect: it does not decrypt the private key in the file.");
    }

    private static PrivateKey legacyEncrypted(PEMEncryptedKeyPair encrypted, char[] password)
            throws ImportException, Pkcs12Exception {
        if (password.length == 0) {
            throw new ImportException(Reason.WRONG_PASSWORD, "The password is incorrect: the private key in the file is "
                    + "encrypted (" + encrypted.getDekAlgName() + "); give its password.");
        }
        try {
            return KeyFactories.toJava(encrypted.decryptKeyPair(new LegacyPemDecryptor(password)).getPrivateKeyInfo());
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("unsupported PEM encryption")) {
                throw new ImportException(Reason.UNSUPPORTED, "The private key is encrypted with " + encrypted.getDekAlgName()
                        + ", which Cairn does not support. Convert it with openssl pkcs8 -topk8.", e);
            }
            throw new ImportException(Reason.WRONG_PASSWORD, "The password is incorrect: it does not decrypt the private key "
                    + "in the file (" + encrypted.getDekAlgName() + ").", e);
        }
    }

    private static String asciiText(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x80 || (b < 0x20 && b != '\n' && b != '\r' && b != '\t')) {
                return null;
            }
        }
        return new String(bytes, start, bytes.length - start, StandardCharsets.US_ASCII);
    }

    private static String kindOf(String extension) {
        return switch (extension) {
            case "pfx", "p12" -> "this PKCS #12 file";
            case "p7b", "p7c" -> "this PKCS #7 file";
            case "cer", "crt", "der" -> "this certificate";
            default -> "its content";
        };
    }

    private static ImportException wrongFormat(String name, String extension, String why) {
        return new ImportException(Reason.WRONG_FORMAT, "The file " + name + " is not a certificate file Cairn can import ("
                + why + "). Cairn imports PKCS #12 (.pfx, .p12), X.509 certificates (.cer, .crt; DER or Base-64), "
                + "PKCS #7 (.p7b, .p7c) and PEM files." + (extension.isEmpty() ? "" : " Check that the ." + extension
                + " file is what its name says."));
    }
}
