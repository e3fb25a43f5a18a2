package org.cairn.certificates.core;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The certification path of a certificate as the certificate dialog's "Certification Path" tab shows it:
 * leaf first, then each issuer found in the stores of the scope and of the computer, up to a root when found.
 *
 * @param certificates  leaf first; each next one issued the previous one (name match and signature check)
 * @param status        how far the path goes
 * @param missingIssuer the issuer name (RFC 2253) that was not found in any store, when {@code status} is
 *                      {@link Status#ISSUER_NOT_FOUND}
 */
public record CertificationPath(List<CertificateEntry> certificates, Status status, Optional<String> missingIssuer) {

    /** How complete and trusted a path is. */
    public enum Status {
        /** The path ends in a self-signed root held in Trusted Root or Third-Party Root Certification Authorities. */
        TRUSTED_ROOT,
        /** The path ends in a self-signed root that is not in a trusted root store. */
        UNTRUSTED_ROOT,
        /** An issuer was not found in any store; {@link CertificationPath#missingIssuer()} names it. */
        ISSUER_NOT_FOUND
    }

    public CertificationPath {
        certificates = List.copyOf(certificates);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(missingIssuer, "missingIssuer");
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a certification path holds at least the leaf");
        }
        if ((status == Status.ISSUER_NOT_FOUND) != missingIssuer.isPresent()) {
            throw new IllegalArgumentException("missingIssuer is present exactly when status is ISSUER_NOT_FOUND");
        }
    }

    /** @return the certificate the path was built for */
    public CertificateEntry leaf() {
        return certificates.get(0);
    }

    /** @return whether the path reaches a self-signed root (trusted or not) */
    public boolean complete() {
        return status != Status.ISSUER_NOT_FOUND;
    }

    /**
     * @return the certificates, leaf first (as PKCS#7 and PKCS#12 chains want them)
     * @throws CertificateStoreException when one can no longer be read
     */
    public List<X509Certificate> x509Certificates() throws CertificateStoreException {
        List<X509Certificate> list = new ArrayList<>(certificates.size());
        for (CertificateEntry entry : certificates) {
            list.add(entry.certificate());
        }
        return List.copyOf(list);
    }
}
