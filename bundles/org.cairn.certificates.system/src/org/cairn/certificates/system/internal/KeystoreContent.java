package org.cairn.certificates.system.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.KeyPairCheck;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.pkcs12.internal.Pkcs12Exception;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.Pkcs12Reader;
import org.cairn.certificates.pkcs12.internal.WorkBudget;

/**
 * What a registered keystore file holds: Java's JKS and JCEKS (read with the JDK's own {@link KeyStore}, which owns
 * those formats) and PKCS #12 (read with Cairn's one PKCS #12 reader, {@link Pkcs12Reader}, which bounds every number
 * it reads). The type is told by the file's first bytes, not its name.
 *
 * @param type  "JKS", "JCEKS" or "PKCS12"
 * @param items the certificates, each with its key when the keystore holds one
 * @param notes what could not be read (a key under another password, for example)
 */
record KeystoreContent(String type, List<Item> items, List<String> notes) {

    /** A keystore larger than this is not read. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    KeystoreContent {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    /**
     * One certificate of the keystore.
     *
     * @param alias       its alias (JKS) or friendly name (PKCS #12), empty for none
     * @param certificate the certificate
     * @param key         its private key, when the keystore holds one and it could be read
     * @param keyEntry    whether the keystore holds a key for it (read or not)
     */
    record Item(String alias, X509Certificate certificate, Optional<PrivateKey> key, boolean keyEntry) {

        /** @return where the certificate belongs: with a key Personal; else a root, an intermediate or another's */
        LogicalStore place() {
            if (keyEntry) {
                return LogicalStore.PERSONAL;
            }
            if (certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return LogicalStore.TRUSTED_ROOT;
            }
            return certificate.getBasicConstraints() >= 0 ? LogicalStore.INTERMEDIATE : LogicalStore.OTHER_PEOPLE;
        }
    }

    /** Why a keystore could not be read. */
    static final class KeystoreException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean wrongPassword;

        KeystoreException(String message, boolean wrongPassword, Throwable cause) {
            super(message, cause);
            this.wrongPassword = wrongPassword;
        }

        boolean wrongPassword() {
            return wrongPassword;
        }
    }

    /** @return the type the file's first bytes say, or empty when it is no keystore Cairn reads */
    static Optional<String> typeOf(byte[] head) {
        if (head.length >= 4 && (head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xed && (head[2] & 0xff) == 0xfe
                && (head[3] & 0xff) == 0xed) {
            return Optional.of("JKS");
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xce && (head[1] & 0xff) == 0xce && (head[2] & 0xff) == 0xce
                && (head[3] & 0xff) == 0xce) {
            return Optional.of("JCEKS");
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x30) {
            return Optional.of("PKCS12");
        }
        return Optional.empty();
    }

    /** @return the file's bytes, at most {@link #MAX_BYTES} */
    static byte[] load(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IOException("the keystore " + file + " is larger than " + MAX_BYTES / (1024 * 1024)
                    + " MiB; Cairn does not read a keystore that large.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("the keystore " + file + " grew beyond " + MAX_BYTES / (1024 * 1024) + " MiB.");
            }
            return bytes;
        }
    }

    /**
     * @param file     the keystore
     * @param bytes    its content
     * @param password its password; empty when not known (then a JKS shows its certificates, a PKCS #12 what is not
     *                 encrypted, and no key is read)
     * @return what it holds
     * @throws KeystoreException when it is no keystore, is damaged, or the password is wrong
     */
    static KeystoreContent read(Path file, byte[] bytes, Optional<char[]> password) throws KeystoreException {
        String type = typeOf(bytes).orElseThrow(() -> new KeystoreException(file + " is neither a Java keystore (JKS,"
                + " JCEKS) nor a PKCS #12 file.", false, null));
        return type.equals("PKCS12") ? pkcs12(file, bytes, password) : java(file, type, bytes, password);
    }

    private static KeystoreContent java(Path file, String type, byte[] bytes, Optional<char[]> password)
            throws KeystoreException {
        List<Item> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            KeyStore store = KeyStore.getInstance(type);
            store.load(new ByteArrayInputStream(bytes), password.orElse(null));
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
                        notes.add("The entry " + alias + " of " + file + " holds a secret key or no certificate; it is"
                                + " not shown.");
                        continue;
                    }
                    Optional<PrivateKey> key = Optional.empty();
                    if (password.isPresent()) {
                        try {
                            Key k = store.getKey(alias, password.get());
                            if (k instanceof PrivateKey pk && KeyPairCheck.mismatch(pk, leaf.getPublicKey()).isEmpty()) {
                                key = Optional.of(pk);
                            }
                        } catch (UnrecoverableKeyException e) {
                            notes.add("The key of " + alias + " in " + file + " has a password other than the"
                                    + " keystore's; Cairn reads keys under the keystore's password only.");
                        }
                    }
                    items.add(new Item(alias, leaf, key, true));
                    for (int i = 1; i < chain.length; i++) {
                        if (chain[i] instanceof X509Certificate ca) {
                            items.add(new Item(alias + " (chain " + i + ")", ca, Optional.empty(), false));
                        }
                    }
                } else if (store.getCertificate(alias) instanceof X509Certificate cert) {
                    items.add(new Item(alias, cert, Optional.empty(), false));
                }
            }
        } catch (IOException e) {
            boolean wrong = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password was incorrect");
            throw new KeystoreException(wrong ? "The password of the keystore " + file + " is wrong."
                    : "The keystore " + file + " cannot be read: " + e.getMessage(), wrong, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeystoreException("The keystore " + file + " cannot be read: " + e.getMessage(), false, e);
        }
        return new KeystoreContent(type, items, notes);
    }

    private static KeystoreContent pkcs12(Path file, byte[] bytes, Optional<char[]> password) throws KeystoreException {
        char[] pw = password.orElse(new char[0]);
        Pkcs12Facts facts;
        try {
            facts = Pkcs12Reader.read(bytes, pw, WorkBudget.standard());
        } catch (Pkcs12Exception e) {
            boolean wrong = e.reason() == Pkcs12Exception.Reason.WRONG_PASSWORD;
            if (wrong && password.isEmpty()) {
                // without its password a PKCS #12 file shows nothing: said by the locked store, not as damage
                return new KeystoreContent("PKCS12", List.of(), List.of());
            }
            throw new KeystoreException(wrong ? "The password of the keystore " + file + " is wrong."
                    : "The keystore " + file + " cannot be read: " + e.getMessage(), wrong, e);
        }
        List<Pkcs12Facts.Bag> certs = facts.bags().stream().filter(b -> b.certificate().isPresent()).toList();
        List<Pkcs12Facts.Bag> keys = facts.bags().stream().filter(b -> b.key().isPresent()).toList();
        List<Item> items = new ArrayList<>();
        for (Pkcs12Facts.Bag bag : certs) {
            X509Certificate cert = bag.certificate().get();
            Optional<PrivateKey> key = keys.stream().filter(k -> sameId(k, bag)
                    || KeyPairCheck.mismatch(k.key().get(), cert.getPublicKey()).isEmpty())
                    .map(k -> k.key().get()).filter(k -> KeyPairCheck.mismatch(k, cert.getPublicKey()).isEmpty())
                    .findFirst();
            items.add(new Item(bag.attributes().friendlyName(), cert, key, key.isPresent()));
        }
        return new KeystoreContent("PKCS12", items, facts.notes());
    }

    private static boolean sameId(Pkcs12Facts.Bag a, Pkcs12Facts.Bag b) {
        Optional<byte[]> x = a.attributes().localKeyId();
        Optional<byte[]> y = b.attributes().localKeyId();
        return x.isPresent() && y.isPresent() && Arrays.equals(x.get(), y.get());
    }
}
