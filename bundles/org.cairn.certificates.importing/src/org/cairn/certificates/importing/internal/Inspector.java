package org.cairn.certificates.importing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.cairn.certificates.importing.Pkcs12Report;
import org.cairn.certificates.importing.Pkcs12Report.ReaderSupport;

/**
 * Predicts which readers open a PKCS #12 file, from what the file uses. The rules are those observed with
 * OpenSSL 3.0, JDK 17 keytool, NSS 3.87 pk12util, GnuTLS 3.7 certtool and python-cryptography 48 on the corpus of
 * third-party files (its MANIFEST's observed_readers column, which a test compares with these predictions), and
 * the documented Windows limits.
 */
final class Inspector {

    private Inspector() {
    }

    static Pkcs12Report report(Pkcs12Reader.Seen seen, Optional<String> problem) {
        return new Pkcs12Report(seen.version, seen.mac, seen.password, seen.safes, seen.bags, problem, readers(seen, problem));
    }

    static List<ReaderSupport> readers(Pkcs12Reader.Seen seen, Optional<String> problem) {
        String all = String.join("; ", seen.algorithms) + seen.mac.map(m -> "; MAC " + m.algorithm()).orElse("");
        boolean gost = seen.unsupported.map(u -> u.contains("GOST")).orElse(false);
        boolean rc2 = all.contains("RC2");
        boolean rc4 = all.contains("RC4");
        boolean singleDes = all.contains(", DES-CBC)") || all.contains("AndDES-CBC");
        boolean md5 = all.contains("HMAC-MD5");
        boolean sha3 = all.contains("HMAC-SHA3");
        boolean scrypt = all.contains("scrypt");
        boolean pbmac1 = all.contains("PBMAC1");
        boolean aes = all.contains("AES");
        boolean aes192 = all.contains("AES-192");
        boolean keyWithoutCertificate = seen.keys > 0 && seen.certificates == 0;
        List<ReaderSupport> readers = new ArrayList<>();
        readers.add(new ReaderSupport("Cairn (this import)", problem.isEmpty(), problem.orElse("")));
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
                cond(seen.plainKeyBag, "ignores unencrypted key bags"),
                cond(keyWithoutCertificate, "a key entry needs its certificate"),
                cond(seen.nonAsciiPassword, "non-ASCII password"),
                cond(seen.noMac, "no MAC"),
                cond(md5, "MD5 MAC"), cond(sha3, "SHA-3 MAC"), cond(scrypt, "scrypt"), cond(aes192, "AES-192"),
                cond(pbmac1, "PBMAC1 (JDK 26+)"))));
        readers.add(why("NSS pk12util", Arrays.asList(
                cond(keyWithoutCertificate, "a key without its certificate"), cond(seen.crlBag, "CRL bags"),
                cond(seen.noMac, "no MAC"), cond(sha3, "SHA-3 MAC"), cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1"))));
        readers.add(why("GnuTLS certtool 3.7", Arrays.asList(
                cond(seen.noMac, "no MAC"), cond(rc4, "RC4"), cond(md5, "MD5 MAC"), cond(sha3, "SHA-3 MAC"),
                cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1 (3.8.5+)"))));
        readers.add(new ReaderSupport("python-cryptography 48", true, ""));
        readers.add(why("Windows 10 1709+ / Server 2019+", Arrays.asList(
                cond(scrypt, "scrypt"), cond(pbmac1, "PBMAC1"), cond(sha3, "SHA-3 MAC"), cond(md5, "MD5 MAC"))));
        readers.add(why("Windows before 10 1709 / Server 2016", Arrays.asList(
                cond(aes, "AES (PBES2) needs Windows 10 1709 or Server 2019"), cond(scrypt, "scrypt"),
                cond(pbmac1, "PBMAC1"), cond(sha3, "SHA-3 MAC"), cond(md5, "MD5 MAC"))));
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
