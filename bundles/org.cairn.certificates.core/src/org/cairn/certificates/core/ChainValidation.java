package org.cairn.certificates.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The verdict on one certificate, from PKIX validation of the certification path built for it: what the certificate
 * dialog's General and Certification Path tabs, the certificate list and {@code cairn cert show} all show.
 *
 * @param path     the certification path as built (leaf first); it may hold a distrusted certificate or end in an
 *                 untrusted root or a missing issuer, which {@code status} then names
 * @param status   the verdict on the leaf
 * @param failedAt the position in {@code path} of the certificate the verdict is about (0 = the leaf); empty when
 *                 the status is {@link CertificateStatus#OK}
 * @param detail   what the validator said, in English, for logs and {@code --json}; empty when OK. Not the sentence
 *                 a user interface shows (that comes from {@code status}).
 * @param statuses the verdict on each certificate of {@code path}, each on its own part of the path (index 0 is
 *                 {@code status}); a CA certificate that may not issue is marked {@link CertificateStatus#INVALID_CA}
 * @since 1.2
 */
public record ChainValidation(CertificationPath path, CertificateStatus status, OptionalInt failedAt, String detail,
        List<CertificateStatus> statuses) {

    public ChainValidation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(detail, "detail");
        statuses = List.copyOf(statuses);
        if (statuses.size() != path.certificates().size()) {
            throw new IllegalArgumentException("one status per certificate of the path");
        }
        if (status.ok() == failedAt.isPresent()) {
            throw new IllegalArgumentException("failedAt is present exactly when the status is not OK");
        }
        if (!statuses.get(0).equals(status)) {
            throw new IllegalArgumentException("the first status is the leaf's");
        }
    }

    /** @return whether the certificate is OK */
    public boolean ok() {
        return status.ok();
    }

    /** @return the certificate validated */
    public CertificateEntry leaf() {
        return path.leaf();
    }

    /**
     * The purposes the path allows, as Windows' "Intended Purposes" column and the General tab show them (the valid
     * usages of a chain): the leaf's own purposes, narrowed by every certificate of the path that restricts its
     * extended key usage. A certificate without the extension restricts nothing, nor does a CA certificate that names
     * {@link Purpose#ANY_PURPOSE}. A leaf without the extension under a CA limited to Server Authentication may serve Server
     * Authentication only.
     *
     * @return the purposes, in the leaf's order (a restricting CA's order when the leaf has none); {@code [ALL]}
     *         when nothing in the path restricts them; empty when the restrictions leave nothing
     * @since 1.4
     */
    public List<Purpose> purposes() {
        List<Purpose> allowed = null; // null: not restricted yet
        for (CertificateEntry certificate : path.certificates()) {
            List<Purpose> own = certificate.purposes();
            boolean leaf = certificate == path.leaf();
            if (own.contains(Purpose.ALL) || (!leaf && own.contains(Purpose.ANY_PURPOSE))) {
                continue;
            }
            if (allowed == null || allowed.contains(Purpose.ANY_PURPOSE)) {
                allowed = new ArrayList<>(own); // "Any Purpose" below a restricting CA is what that CA allows
            } else {
                allowed.retainAll(own);
            }
        }
        return allowed == null ? List.of(Purpose.ALL) : List.copyOf(allowed);
    }
}
