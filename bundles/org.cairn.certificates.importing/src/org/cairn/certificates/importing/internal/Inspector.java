package org.cairn.certificates.importing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cairn.certificates.importing.Pkcs12Report;
import org.cairn.certificates.importing.Pkcs12Report.ReaderSupport;
import org.cairn.certificates.pkcs12.internal.Algorithms;
import org.cairn.certificates.pkcs12.internal.Pbe;
import org.cairn.certificates.pkcs12.internal.Pkcs12Attributes;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;

/**
 * Predicts which readers open a PKCS #12 file, from the algorithm data the reader actually decoded (the MAC's kind
 * and digests, each safe's and key's encryption scheme, the bags) and from whether the reader refused it: a file it
 * found damaged opens for no one. The rules are those observed with OpenSSL 3.0, JDK 17 keytool, NSS 3.87 pk12util,
 * GnuTLS 3.7 certtool and python-cryptography 48 on the corpus of third-party files (its MANIFEST's
 * observed_readers column, which a test compares with these predictions), and the documented Windows limits.
 */
final class Inspector {

    private static final String GOST_ARC = "1.2.643.";

    private Inspector() {
    }

    static Pkcs12Report report(Pkcs12Facts facts, Optional<String> problem) {
        List<Pkcs12Report.Safe> safes = facts.safes().stream().map(s -> new Pkcs12Report.Safe(s.index(),
                switch (s.protection()) {
                    case NONE -> "none";
                    case PASSWORD -> "password";
                    case PUBLIC_KEY -> "public key";
                }, s.scheme().map(Pbe.Scheme::name), s.scheme().map(Pbe.Scheme::iterations).orElse(0), s.opened())).toList();
        List<Pkcs12Report.Bag> bags = facts.bags().stream().map(b -> new Pkcs12Report.Bag(b.safe(),
                b.type() == Pkcs12Facts.BagType.OTHER ? b.typeOid() : b.type().displayName(), b.summary(),
                b.scheme().map(Pbe.Scheme::name), b.scheme().map(Pbe.Scheme::iterations).orElse(0),
                b.attributes().shown().stream().map(Inspector::attribute).toList())).toList();
        Optional<Pkcs12Report.Mac> mac = facts.mac().map(m -> new Pkcs12Report.Mac(m.name(), m.iterations(),
                m.saltLength(), m.verified()));
        return new Pkcs12Report(facts.version(), mac, facts.passwordForm(), safes, bags, problem, readers(facts, problem));
    }

    private static Pkcs12Report.Attribute attribute(Pkcs12Attributes.Shown a) {
        return new Pkcs12Report.Attribute(a.oid(), a.name(), a.value());
    }

    static List<ReaderSupport> readers(Pkcs12Facts facts, Optional<String> problem) {
        List<ReaderSupport> readers = new ArrayList<>();
        readers.add(new ReaderSupport("Cairn (this import)", problem.isEmpty(), problem.orElse("")));
        List<String> others = List.of("OpenSSL 3.0", "JDK 17 keytool", "NSS pk12util", "GnuTLS certtool 3.7",
                "python-cryptography 48", "Windows 10 1709+ / Server 2019+", "Windows before 10 1709 / Server 2016");
        Optional<Pkcs12Exception> failure = facts.failure();
        if (failure.isPresent() && failure.get().reason() == Pkcs12Exception.Reason.CORRUPT) {
            // a damaged file (a structure that does not decode, a MAC that fails although the password decrypts,
            // contents that do not decrypt with the MAC's password): every reader checks what this one checked
            for (String reader : others) {
                readers.add(new ReaderSupport(reader, false, "the file is damaged"));
            }
            return readers;
        }
        Optional<String> unknown = failure.filter(f -> f.reason() == Pkcs12Exception.Reason.UNSUPPORTED)
                .flatMap(Pkcs12Exception::algorithm).filter(oid -> !Algorithms.known(oid) && !oid.startsWith(GOST_ARC));
        if (unknown.isPresent()) {
            // an algorithm identifier no reader here knows: most often one damaged in the file
            for (String reader : others) {
                readers.add(new ReaderSupport(reader, false, "unknown algorithm OID " + unknown.get()
                        + " (the file is damaged or uses an algorithm no common reader supports)"));
            }
            return readers;
        }
        boolean locked = failure.isPresent() && failure.get().reason() == Pkcs12Exception.Reason.WRONG_PASSWORD;
        if (locked && facts.passwordGiven()) {
            // the MAC fails with the password given and nothing decrypts: a wrong password or a damaged file, and
            // either way no reader opens it with this password
            for (String reader : others) {
                readers.add(new ReaderSupport(reader, false, "not with the password given (wrong, or the file is damaged)"));
            }
            return readers;
        }
        List<Pbe.Scheme> schemes = facts.schemes();
        Optional<Pkcs12Facts.Mac> mac = facts.mac();
        boolean gost = failure.flatMap(Pkcs12Exception::algorithm).map(oid -> oid.startsWith(GOST_ARC)).orElse(false);
        boolean rc2 = schemes.stream().anyMatch(s -> s.cipher() == Pbe.Cipher.RC2_CBC);
        boolean rc4 = schemes.stream().anyMatch(s -> s.cipher() == Pbe.Cipher.RC4);
        boolean singleDes = schemes.stream().anyMatch(s -> s.cipher() == Pbe.Cipher.DES_CBC);
        boolean md5 = mac.map(m -> m.digest().equals("MD5") || m.prf().map("MD5"::equals).orElse(false)).orElse(false)
                || schemes.stream().anyMatch(s -> s.kdf() == Pbe.Kdf.PBKDF2 && s.prf().map("MD5"::equals).orElse(false));
        boolean sha3 = mac.map(m -> m.digest().startsWith("SHA3-") || m.prf().map(p -> p.startsWith("SHA3-")).orElse(false))
                .orElse(false)
                || schemes.stream().anyMatch(s -> s.kdf() == Pbe.Kdf.PBKDF2 && s.prf().map(p -> p.startsWith("SHA3-")).orElse(false));
        boolean scrypt = schemes.stream().anyMatch(s -> s.kdf() == Pbe.Kdf.SCRYPT);
        boolean pbmac1 = mac.map(m -> m.kind() == Pkcs12Facts.MacKind.PBMAC1).orElse(false);
        boolean aes = schemes.stream().anyMatch(s -> s.cipher() == Pbe.Cipher.AES_128_CBC
                || s.cipher() == Pbe.Cipher.AES_192_CBC || s.cipher() == Pbe.Cipher.AES_256_CBC);
        boolean aes192 = schemes.stream().anyMatch(s -> s.cipher() == Pbe.Cipher.AES_192_CBC);
        boolean keyWithoutCertificate = facts.keys() > 0 && facts.certificates() == 0;
        boolean noMac = facts.noMac();
        if (gost) {
            readers.add(new ReaderSupport("GnuTLS certtool 3.7", true, ""));
            String why = "GOST algorithms: only GnuTLS (or OpenSSL with a GOST engine) reads them";
            for (String reader : List.of("OpenSSL 3.0", "JDK 17 keytool", "NSS pk12util", "python-cryptography 48",
                    "Windows 10 1709+ / Server 2019+")) {
                readers.add(new ReaderSupport(reader, false, why));
            }
            return readers;
        }
        List<String> legacy = new ArrayList<>();
        if (rc2) {
            legacy.add("RC2");
        }
        if (rc4) {
            legacy.add("RC4");
        }
        if (singleDes) {
            legacy.add("DES");
        }
        if (md5) {
            legacy.add("MD5 MAC");
        }
        readers.add(pbmac1 ? new ReaderSupport("OpenSSL 3.0", false, "PBMAC1 needs OpenSSL 3.4 or later")
                : new ReaderSupport("OpenSSL 3.0", true, legacy.isEmpty() ? "" : "needs -legacy (" + String.join(", ", legacy) + ")"));
        readers.add(why("JDK 17 keytool", Arrays.asList(
                cond(facts.plainKeyBag(), "ignores unencrypted key bags"),
                cond(keyWithoutCertificate, "a key entry needs its certificate"),
                cond(facts.nonAsciiPassword(), "non-ASCII password"),
                cond(noMac, "no MAC"),
                cond(md5, "MD5 MAC"), cond(sha3, "SHA-3 MAC"), cond(scrypt, "scrypt"), cond(aes192, "AES-192"),
                cond(pbmac1, "PBMAC1 (JDK 26+)"))));
        readers.add(why("NSS pk12util", Arrays.asList(
                cond(keyWithoutCertificate, "a key without its certificate"), cond(facts.crlBag(), "CRL bags"),
                cond(noMac, "no MAC"), cond(sha3, "SHA-3 MAC"), cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1"))));
        readers.add(why("GnuTLS certtool 3.7", Arrays.asList(
                cond(noMac, "no MAC"), cond(rc4, "RC4"), cond(md5, "MD5 MAC"), cond(sha3, "SHA-3 MAC"),
                cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1 (3.8.5+)"))));
        readers.add(new ReaderSupport("python-cryptography 48", true, ""));
        readers.add(why("Windows 10 1709+ / Server 2019+", Arrays.asList(
                cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1"), cond(sha3, "SHA-3 MAC"), cond(md5, "MD5 MAC"))));
        readers.add(why("Windows before 10 1709 / Server 2016", Arrays.asList(
                cond(aes, "AES (PBES2) needs Windows 10 1709 or Server 2019"), cond(scrypt, "scrypt"),
                cond(pbmac1, "PBMAC1"), cond(sha3, "SHA-3 MAC"), cond(md5, "MD5 MAC"))));
        if (locked) {
            List<ReaderSupport> qualified = new ArrayList<>(readers.subList(0, 1));
            for (ReaderSupport r : readers.subList(1, readers.size())) {
                qualified.add(new ReaderSupport(r.reader(), r.opens(), r.opens()
                        ? "with its password" + (r.why().isEmpty() ? "" : "; " + r.why()) : r.why()));
            }
            return qualified;
        }
        return readers;
    }

    private static String cond(boolean applies, String why) {
        return applies ? why : null;
    }

    private static ReaderSupport why(String reader, List<String> reasons) {
        String joined = reasons.stream().filter(r -> r != null).collect(Collectors.joining(", "));
        return new ReaderSupport(reader, joined.isEmpty(), joined);
    }
}
