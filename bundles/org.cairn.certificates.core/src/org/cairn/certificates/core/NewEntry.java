package org.cairn.certificates.core;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate to add with {@link CertificateStore#addAll(java.util.List)}.
 *
 * @param store       the logical store it goes to
 * @param certificate the certificate
 * @param privateKey  its private key, if any (it must belong to the certificate)
 * @param attributes  its attributes
 * @since 1.2
 */
public record NewEntry(LogicalStore store, X509Certificate certificate, Optional<PrivateKey> privateKey,
        EntryAttributes attributes) {

    public NewEntry {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(attributes, "attributes");
    }
}
