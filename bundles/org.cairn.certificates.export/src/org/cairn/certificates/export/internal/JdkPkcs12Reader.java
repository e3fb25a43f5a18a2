package org.cairn.certificates.export.internal;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchProviderException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.cairn.certificates.export.Pkcs12Encryption;

/**
 * Reader two of the PKCS #12 verification: the Java runtime's own PKCS12 key store (its own parser, key
 * derivation and ciphers). It checks the MAC (by loading with the password), decrypts the key, matches it
 * against the leaf, and checks the chain the runtime links to the key (leaf first, in path order) and the
 * friendlyName and localKeyId it reports.
 *
 * <p>The runtime ignores certificates without a key unless they carry its own trust attribute, which Cairn
 * does not write; for a certificates-only file this reader therefore checks the MAC and that no key is
 * present, and the certificates are left to {@link BcPkcs12Reader}.</p>
 */
final class JdkPkcs12Reader {

    static final String NAME = "JDK KeyStore PKCS12";

    private final SecureRandom random;

    /** @param random randomness for the key check */
    JdkPkcs12Reader(SecureRandom random) {
        this.random = random;
    }

    /** Why this reader could not take part (not a difference in the file). */
    static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param content    the file content
     * @param expected   what it must hold
     * @param encryption the profile the file was written with
     * @param password   the password
     * @param problems   collects every difference
     * @throws Unavailable when this runtime cannot use the password at all: Java before 25 refuses non-ASCII
     *                     passwords in its PKCS12 key store, and Java 25 derives the TripleDES key from a
     *                     non-ASCII password differently from every other implementation (its PBE keys now
     *                     carry the password as UTF-8, which its PKCS #12 cipher widens byte by byte)
     */
    void read(byte[] content, ExportMaterial expected, Pkcs12Encryption encryption, char[] password,
            List<String> problems) throws Unavailable {
        if (encryption == Pkcs12Encryption.TRIPLEDES_SHA1 && !ascii(password)) {
            throw new Unavailable("this Java runtime cannot decrypt TripleDES bags with a non-ASCII password", null);
        }
        KeyStore store;
        try {
            store = keyStore();
            store.load(new ByteArrayInputStream(content), password);
        } catch (Exception e) {
            if (refusesNonAscii(e, password)) {
                throw new Unavailable("this Java runtime's PKCS12 key store refuses non-ASCII passwords", e);
            }
            problems.add("cannot load it with the password (MAC or structure): " + e.getMessage());
            return;
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (expected.privateKey().isEmpty()) {
                if (!keyAliases.isEmpty()) {
                    problems.add("found a key entry " + keyAliases + ", expected none");
                }
                return;
            }
            if (keyAliases.size() != 1) {
                problems.add("found " + keyAliases.size() + " key entries, expected 1");
                return;
            }
            KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
            KeyStore.Entry entry;
            try {
                entry = store.getEntry(keyAliases.get(0), protection);
            } finally {
                destroy(protection);
            }
            if (!(entry instanceof KeyStore.PrivateKeyEntry keyEntry)) {
                problems.add("the key entry is a " + entry.getClass().getSimpleName());
                return;
            }
            Certificate[] chain = keyEntry.getCertificateChain();
            List<? extends Certificate> wanted = expected.certificates();
            if (chain.length != wanted.size()) {
                problems.add("the key's chain has " + chain.length + " certificates, expected " + wanted.size());
            } else {
                for (int i = 0; i < chain.length; i++) {
                    if (!chain[i].equals(wanted.get(i))) {
                        problems.add("chain certificate " + (i + 1) + " differs (path order, leaf first)");
                    }
                }
            }
            PrivateKey key = keyEntry.getPrivateKey();
            if (!KeyMatch.matches(key, expected.leaf().getPublicKey(), null, random)) {
                problems.add("the private key does not match the certificate");
            }
            String friendlyName = null;
            String localKeyId = null;
            for (KeyStore.Entry.Attribute a : keyEntry.getAttributes()) {
                if (a.getName().equals("1.2.840.113549.1.9.20")) {
                    friendlyName = a.getValue();
                } else if (a.getName().equals("1.2.840.113549.1.9.21")) {
                    localKeyId = a.getValue().replace(":", "").toLowerCase(Locale.ROOT);
                }
            }
            if (!expected.friendlyName().equals(friendlyName)) {
                problems.add("friendlyName: found " + friendlyName + ", expected " + expected.friendlyName());
            }
            String wantedId = HexFormat.of().formatHex(Pkcs12Attributes.localKeyId(expected.leaf()));
            if (!wantedId.equals(localKeyId)) {
                problems.add("localKeyId: found " + localKeyId + ", expected " + wantedId);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            problems.add("cannot read the key entry: " + e.getMessage());
        }
    }

    private static void destroy(KeyStore.PasswordProtection protection) {
        try {
            protection.destroy();
        } catch (javax.security.auth.DestroyFailedException e) {
            // PasswordProtection clears its copy and never throws this; nothing more can be done
        }
    }

    private static KeyStore keyStore() throws GeneralSecurityException {
        try {
            // the JDK's own implementation, even if another provider was installed first
            return KeyStore.getInstance("PKCS12", "SUN");
        } catch (NoSuchProviderException e) {
            return KeyStore.getInstance("PKCS12");
        }
    }

    private static boolean ascii(char[] password) {
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean refusesNonAscii(Throwable e, char[] password) {
        for (Throwable t = e; t != null && !ascii(password); t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("not ASCII")) {
                return true;
            }
        }
        return false;
    }
}
