package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.ChainValidation;

/**
 * The words for a {@link ChainValidation}, in Windows' wording, from the {@code trust.*} keys of the snap-in's
 * messages: one verdict, three places (the General tab, the Certification Path tab's "Certificate status", the list's
 * Status column). The validator's own detail is English from the Java runtime and is not shown here.
 */
final class StatusTexts {

    private StatusTexts() {
    }

    /** @return the "Certificate status" of the {@code index}th certificate of the path (0 = the leaf) */
    static String path(ChainValidation validation, int index) {
        CertificateStatus status = validation.statuses().get(index);
        String text = Messages.get(key(status));
        if (status == CertificateStatus.ISSUER_NOT_FOUND && validation.path().missingIssuer().isPresent()) {
            text += "\n" + Messages.format("trust.issuer-not-found.name", validation.path().missingIssuer().get());
        }
        return text;
    }

    /** @return what the General tab says instead of the purposes; empty when the certificate is OK */
    static Optional<String> general(ChainValidation validation) {
        if (validation.ok()) {
            return Optional.empty();
        }
        String general = key(validation.status()) + ".general";
        return Optional.of(Messages.has(general) ? Messages.get(general) : Messages.get(key(validation.status())));
    }

    /**
     * @return the Status column: empty when OK; "Expired" or "Not yet valid" when the certificate's own dates are
     *         the reason; else a short form of the verdict
     */
    static String column(ChainValidation validation, CertificateEntry entry, java.time.Instant now) {
        CertificateStatus status = validation.status();
        if (status == CertificateStatus.NOT_TIME_VALID && validation.failedAt().orElse(-1) == 0) {
            return Messages.get(now.isBefore(entry.notBefore()) ? "status.notYetValid" : "status.expired");
        }
        return status.ok() ? "" : Messages.get(key(status) + ".short");
    }

    private static String key(CertificateStatus status) {
        return "trust." + status.code();
    }
}
