package org.cairn.certificates.cli;

import org.cairn.certificates.core.CertificateStatus;

/**
 * The command line's words for a certificate's verdict: the certificate dialog's "Certificate status" sentences (the
 * snap-in keeps them as {@code trust.CODE} in its messages; a test checks that both say the same). The command line
 * is English only and has no SWT, so it does not read the snap-in's bundle.
 */
final class StatusWords {

    private StatusWords() {
    }

    static String message(CertificateStatus status) {
        return switch (status) {
            case OK -> "This certificate is OK.";
            case NOT_TIME_VALID -> "This certificate has expired or is not yet valid.";
            case ISSUER_NOT_FOUND -> "The issuer of this certificate could not be found.";
            case UNTRUSTED_ROOT -> "This CA Root certificate is not trusted because it is not in the Trusted Root "
                    + "Certification Authorities store.";
            case NOT_TRUSTED -> "This certificate cannot be verified up to a trusted certification authority.";
            case INVALID_CA -> "One of the CA certificates is not valid for issuing.";
            case DISTRUSTED -> "This certificate, or a certificate in its certification path, was explicitly marked as "
                    + "untrusted: it is in the Untrusted Certificates store.";
            case REVOKED -> "This certificate has been revoked by its certification authority.";
            case BAD_SIGNATURE -> "The signature of the certificate cannot be verified.";
            case NOT_VALID -> "This certificate or its certification path breaks the rules for certification paths "
                    + "(a critical extension, a name or policy constraint, or a weak algorithm).";
            case CANNOT_CHECK -> "Cairn could not check this certificate's certification path.";
        };
    }
}
