package org.cairn.certificates.core;

import java.util.Locale;

/**
 * Why a certificate is, or is not, OK: the closed set of verdicts that Windows' certificate dialog states under
 * "Certificate status". The words themselves are not here (this bundle carries no user-interface text): a user
 * interface maps each value to its own wording; {@link #code()} is the stable name for scripts and JSON.
 *
 * @since 1.2
 */
public enum CertificateStatus {
    /** The path validates (PKIX) up to a root in Trusted Root Certification Authorities: "This certificate is OK." */
    OK,
    /** The certificate, or an issuer in its path, is outside its validity period at the validation time. */
    NOT_TIME_VALID,
    /** The issuer of a certificate in the path is in none of the stores searched. */
    ISSUER_NOT_FOUND,
    /** The certificate is a self-signed root that is not in Trusted Root Certification Authorities. */
    UNTRUSTED_ROOT,
    /** The path ends in a self-signed root that is not trusted: it cannot be verified up to a trusted CA. */
    NOT_TRUSTED,
    /** A CA certificate of the path may not issue certificates: no basicConstraints cA, no keyCertSign, or its
     *  path length constraint is exceeded. */
    INVALID_CA,
    /** The certificate, or a certificate of its path, is in Untrusted Certificates (explicitly distrusted). */
    DISTRUSTED,
    /** A certificate of the path was revoked by its issuer (only when revocation checking was asked for). */
    REVOKED,
    /** A signature in the path does not verify with its issuer's public key. */
    BAD_SIGNATURE,
    /** The path breaks another rule of RFC 5280 (an unknown critical extension, name or policy constraints, a
     *  weak algorithm); {@link ChainValidation#detail()} says which. */
    NOT_VALID,
    /** The certificate or its path could not be read or checked at all; {@link ChainValidation#detail()} says why. */
    CANNOT_CHECK;

    /** @return whether this is {@link #OK} */
    public boolean ok() {
        return this == OK;
    }

    /** @return the stable name for scripts and JSON, for example {@code "issuer-not-found"} */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
