package org.cairn.certificates.importing;

import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;

/**
 * One certificate of a file, as read and checked before anything is imported (the wizard's summary).
 *
 * @param certificate    the certificate
 * @param thumbprint     its SHA-1 thumbprint, 40 upper-case hex digits
 * @param keyType        the type of its private key when the file holds it ("RSA-2048", "EC-P-256", "Ed25519")
 * @param friendlyName   the friendly name the file gives it, empty for none
 * @param description    the description from the file's extended properties, empty for none
 * @param properties     the extended properties from the file, empty when none
 * @param automaticStore where automatic placement puts it
 */
public record FileEntry(X509Certificate certificate, String thumbprint, Optional<String> keyType, String friendlyName,
        String description, Map<String, String> properties, LogicalStore automaticStore) {

    public FileEntry {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(thumbprint, "thumbprint");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(description, "description");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(automaticStore, "automaticStore");
    }

    /** @return whether the file holds this certificate's private key */
    public boolean hasPrivateKey() {
        return keyType.isPresent();
    }

    /** @return the subject, RFC 2253 */
    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }
}
