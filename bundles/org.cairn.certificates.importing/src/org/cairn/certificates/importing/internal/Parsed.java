package org.cairn.certificates.importing.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.importing.FileFormat;

/**
 * A file as decoded, before keys are matched to certificates.
 *
 * @param format the kind of file
 * @param certs  its certificates in file order (duplicates possible)
 * @param keys   its private keys
 * @param notes  what was left out and why
 */
record Parsed(FileFormat format, List<CertItem> certs, List<KeyItem> keys, List<String> notes) {

    /**
     * @param certificate  the certificate
     * @param friendlyName its friendlyName attribute (a trailing NUL, as Windows writes, removed), empty for none
     * @param localKeyId   its localKeyId attribute
     * @param description  the description from the extended properties, empty for none
     * @param properties   the extended name/value properties
     */
    record CertItem(X509Certificate certificate, String friendlyName, Optional<byte[]> localKeyId, String description,
            Map<String, String> properties) {
    }

    /**
     * @param key          the private key
     * @param friendlyName its friendlyName attribute, empty for none
     * @param localKeyId   its localKeyId attribute
     */
    record KeyItem(PrivateKey key, String friendlyName, Optional<byte[]> localKeyId) {
    }
}
