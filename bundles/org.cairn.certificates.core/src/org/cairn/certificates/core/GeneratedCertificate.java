package org.cairn.certificates.core;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * A freshly created certificate with its private key, not yet in a store.
 *
 * @param certificate the certificate
 * @param privateKey  its private key
 * @param attributes  the attributes the request asked for, to use when adding it to a store
 */
public record GeneratedCertificate(X509Certificate certificate, PrivateKey privateKey, EntryAttributes attributes) {

    public GeneratedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(attributes, "attributes");
    }

    @Override
    public String toString() {
        // never print the key
        return "GeneratedCertificate[" + certificate.getSubjectX500Principal() + "]";
    }
}
