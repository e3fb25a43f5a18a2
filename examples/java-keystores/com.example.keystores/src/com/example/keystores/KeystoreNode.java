package com.example.keystores;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.Column;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.ListView;
import org.cairn.console.api.ResultView;

/**
 * A keystore file: a leaf whose details pane lists its entries, read in the background (a keystore may be large
 * or on a slow disk; nothing slow runs on the Display thread). Entries are read without the keystore's password,
 * as {@code keytool -list} does when none is given: the integrity of the file is not checked, and a PKCS #12 file
 * whose certificates are encrypted (the default of keytool and OpenSSL) shows the aliases and types of its entries
 * only.
 */
final class KeystoreNode implements ConsoleNode {

    static final String TYPE = "com.example.keystores.node.keystore";
    /** Larger files are refused: a keystore is kilobytes; this bounds what is read into memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** At most this many entries are listed. */
    static final int MAX_ENTRIES = 10_000;

    static final List<Column> COLUMNS = List.of(Column.of(EntryItem.ALIAS, "Alias", 180),
            Column.of(EntryItem.TYPE_COLUMN, "Entry Type", 180), Column.of(EntryItem.SUBJECT, "Subject", 220),
            Column.of(EntryItem.EXPIRES, "Expiration Date", 120), Column.of(EntryItem.CREATED, "Created", 120));

    private final Path file;

    KeystoreNode(Path file) {
        this.file = file;
    }

    @Override
    public String label() {
        return file.getFileName().toString();
    }

    @Override
    public String nodeTypeId() {
        return TYPE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.STORE));
    }

    @Override
    public Optional<ResultView> resultView() {
        return Optional.of(BackgroundView.of(monitor -> {
            monitor.progress("Reading " + file.getFileName());
            KeyStore store = load(file);
            List<EntryItem> entries = new ArrayList<>();
            try {
                for (String alias : Collections.list(store.aliases())) {
                    if (monitor.isCanceled()) {
                        break;
                    }
                    if (entries.size() == MAX_ENTRIES) {
                        throw new ConsoleException(file + " has more than " + MAX_ENTRIES
                                + " entries; list it with keytool -list instead.");
                    }
                    entries.add(entry(store, alias));
                }
            } catch (KeyStoreException e) {
                throw new ConsoleException("Cannot list the entries of " + file + ": " + e.getMessage());
            }
            entries.sort((a, b) -> a.alias().compareToIgnoreCase(b.alias()));
            return ListView.of(COLUMNS, entries);
        }));
    }

    private static KeyStore load(Path file) throws ConsoleException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new ConsoleException(file + " is " + size / (1024 * 1024)
                        + " MB, too large for a keystore (at most 16 MB are read). Check that it is one.");
            }
            // The JDK finds the type (JKS, JCEKS, PKCS #12) from the content; no password: entries are listed only
            return KeyStore.getInstance(new File(file.toString()), (char[]) null);
        } catch (IOException | GeneralSecurityException e) {
            throw new ConsoleException("Cannot read " + file + " as a Java keystore (JKS, JCEKS or PKCS #12): "
                    + e.getMessage());
        }
    }

    private static EntryItem entry(KeyStore store, String alias) throws KeyStoreException {
        String type;
        if (store.entryInstanceOf(alias, KeyStore.PrivateKeyEntry.class)) {
            type = "Private key and certificate";
        } else if (store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
            type = "Secret key";
        } else if (store.entryInstanceOf(alias, KeyStore.TrustedCertificateEntry.class)) {
            type = "Trusted certificate";
        } else {
            type = "Other";
        }
        Certificate certificate = store.getCertificate(alias);
        Optional<X509Certificate> x509 = certificate instanceof X509Certificate c ? Optional.of(c) : Optional.empty();
        Date created = store.getCreationDate(alias);
        return new EntryItem(alias, type, x509.map(c -> c.getSubjectX500Principal().getName()),
                x509.map(c -> c.getNotAfter().toInstant()), Optional.ofNullable(created).map(Date::toInstant));
    }
}
