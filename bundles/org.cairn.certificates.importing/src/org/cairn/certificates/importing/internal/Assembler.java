package org.cairn.certificates.importing.internal;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.importing.FileEntry;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportException.Reason;
import org.cairn.certificates.pkcs12.internal.KeyFactories;

/**
 * Turns a decoded file into the entries to import: certificates without duplicates, each private key matched to
 * its certificate (by localKeyId, checked against the public key, else by the public key alone), and the store that
 * automatic placement chooses. A key that belongs to no certificate is refused rather than dropped.
 */
final class Assembler {

    /** One certificate to import, with its key. */
    record Item(FileEntry entry, Optional<PrivateKey> key) {
    }

    private Assembler() {
    }

    static List<Item> assemble(Parsed parsed) throws ImportException {
        Map<String, Parsed.CertItem> certs = new LinkedHashMap<>();
        for (Parsed.CertItem c : parsed.certs()) {
            String thumbprint = thumbprint(c.certificate());
            Parsed.CertItem earlier = certs.get(thumbprint);
            if (earlier == null || (earlier.friendlyName().isEmpty() && !c.friendlyName().isEmpty())) {
                certs.put(thumbprint, c);
            }
        }
        Map<String, Parsed.KeyItem> keyOf = new LinkedHashMap<>();
        for (Parsed.KeyItem key : parsed.keys()) {
            String owner = null;
            if (key.localKeyId().isPresent()) {
                for (Map.Entry<String, Parsed.CertItem> e : certs.entrySet()) {
                    if (e.getValue().localKeyId().isPresent()
                            && Arrays.equals(e.getValue().localKeyId().get(), key.localKeyId().get())
                            && KeyFactories.matches(key.key(), e.getValue().certificate())) {
                        owner = e.getKey();
                        break;
                    }
                }
            }
            if (owner == null) {
                for (Map.Entry<String, Parsed.CertItem> e : certs.entrySet()) {
                    if (!keyOf.containsKey(e.getKey()) && KeyFactories.matches(key.key(), e.getValue().certificate())) {
                        owner = e.getKey();
                        break;
                    }
                }
            }
            if (owner == null) {
                String type = KeyFactories.describe(key.key());
                throw new ImportException(Reason.NOTHING_TO_IMPORT, certs.isEmpty()
                        ? "The file holds a private key (" + type + ") but no certificate. A certificate store keeps a key "
                                + "only with its certificate: import a file that holds both (for example made with "
                                + "openssl pkcs12 -export -inkey KEY -in CERTIFICATE). Nothing was imported."
                        : "The file holds a private key (" + type + ") that belongs to none of its certificates. Nothing "
                                + "was imported; add the key's certificate to the file, or remove the key from it.");
            }
            keyOf.putIfAbsent(owner, key);
        }
        if (certs.isEmpty()) {
            throw new ImportException(Reason.NOTHING_TO_IMPORT, "The file holds no certificate: there is nothing to import.");
        }
        List<Item> items = new ArrayList<>();
        for (Map.Entry<String, Parsed.CertItem> e : certs.entrySet()) {
            Parsed.CertItem c = e.getValue();
            Parsed.KeyItem key = keyOf.get(e.getKey());
            // as Windows: the certificate bag's name; a key bag's friendlyName is often a key container name
            String friendlyName = c.friendlyName();
            Optional<PrivateKey> privateKey = Optional.ofNullable(key).map(Parsed.KeyItem::key);
            FileEntry entry = new FileEntry(c.certificate(), e.getKey(), privateKey.map(KeyFactories::describe),
                    friendlyName, c.description(), c.properties(), automaticStore(c.certificate(), privateKey.isPresent()));
            items.add(new Item(entry, privateKey));
        }
        return items;
    }

    /**
     * Windows' automatic placement: with its private key → Personal; a self-signed CA (or any self-signed
     * certificate) → Trusted Root Certification Authorities; another CA → Intermediate Certification Authorities;
     * any other certificate → Other People.
     */
    static LogicalStore automaticStore(X509Certificate certificate, boolean hasKey) {
        if (hasKey) {
            return LogicalStore.PERSONAL;
        }
        boolean ca = certificate.getBasicConstraints() >= 0;
        if (selfSigned(certificate)) {
            return LogicalStore.TRUSTED_ROOT;
        }
        return ca ? LogicalStore.INTERMEDIATE : LogicalStore.OTHER_PEOPLE;
    }

    private static boolean selfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false; // same name, other key: issued by a namesake, not self-signed
        }
    }

    static String thumbprint(X509Certificate certificate) throws ImportException {
        try {
            return CertificateEntry.sha1(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new ImportException(Reason.CORRUPT, "A certificate in the file is damaged: it cannot be encoded.", e);
        }
    }
}
