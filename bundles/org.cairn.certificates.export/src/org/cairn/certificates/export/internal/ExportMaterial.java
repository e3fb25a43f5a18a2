package org.cairn.certificates.export.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What goes into an export file, on plain JDK types: the certificates (leaf first), the private key if it is to
 * be written, and the attributes. The service fills it from the stores; the engine (encoders, verifier) knows
 * nothing about stores.
 *
 * @param certificates leaf first, then its issuers in path order
 * @param privateKey   the leaf's private key, when it is to be written
 * @param friendlyName the friendlyName attribute of the leaf and its key (an export's is never empty; empty writes
 *                     none, for {@link org.cairn.certificates.export.Pkcs12Transfer})
 * @param description  the description; written only with extended properties; empty for none
 * @param properties   further extended properties; written only with extended properties
 */
record ExportMaterial(List<X509Certificate> certificates, Optional<PrivateKey> privateKey, String friendlyName,
        String description, Map<String, String> properties) {

    ExportMaterial {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("an export holds at least the certificate");
        }
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(description, "description");
        properties = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(properties));
    }

    /** @return the certificate being exported */
    X509Certificate leaf() {
        return certificates.get(0);
    }

    /** @return the material without the private key */
    ExportMaterial withoutKey() {
        return new ExportMaterial(certificates, Optional.empty(), friendlyName, description, properties);
    }

    /** @return the certificate alone, without its path */
    ExportMaterial leafOnly() {
        return new ExportMaterial(List.of(leaf()), privateKey, friendlyName, description, properties);
    }
}
