package org.cairn.certificates.core;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.security.auth.x500.X500Principal;

/**
 * What a new self-signed (or CA-issued) certificate should look like.
 *
 * @param subject    the subject distinguished name, for example {@code CN=web.example.org,O=Example}
 * @param algorithm  the key type
 * @param notBefore  start of validity
 * @param notAfter   end of validity, after {@code notBefore}
 * @param purposes   the EKUs to put in the certificate; empty for none (then it shows as "&lt;All&gt;");
 *                   must not contain {@link Purpose#ALL}
 * @param attributes friendly name, description, exportable flag and extended properties for the stored entry
 */
public record CertificateRequest(String subject, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter,
        List<Purpose> purposes, EntryAttributes attributes) {

    public CertificateRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(attributes, "attributes");
        purposes = List.copyOf(purposes);
        try {
            new X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The subject '" + subject
                    + "' is not a distinguished name; write it like CN=web.example.org,O=Example.", e);
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("The certificate must end (" + notAfter + ") after it starts (" + notBefore + ").");
        }
        if (purposes.contains(Purpose.ALL)) {
            throw new IllegalArgumentException("<All> is not an EKU: give no purposes for a certificate valid for all purposes.");
        }
    }

    /**
     * A request with sensible defaults: ECDSA P-256, valid from now (to the second) for one year, no EKU,
     * exportable key, no friendly name.
     *
     * @param subject the subject distinguished name
     * @return the request
     */
    public static CertificateRequest of(String subject) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return new CertificateRequest(subject, KeyAlgorithm.EC_P256, now, now.plus(Duration.ofDays(365)),
                List.of(), EntryAttributes.defaults());
    }

    /** @param value key type @return a copy with that key type */
    public CertificateRequest withAlgorithm(KeyAlgorithm value) {
        return new CertificateRequest(subject, value, notBefore, notAfter, purposes, attributes);
    }

    /** @param from start @param to end @return a copy with that validity */
    public CertificateRequest withValidity(Instant from, Instant to) {
        return new CertificateRequest(subject, algorithm, from, to, purposes, attributes);
    }

    /** @param value EKUs @return a copy with those EKUs */
    public CertificateRequest withPurposes(List<Purpose> value) {
        return new CertificateRequest(subject, algorithm, notBefore, notAfter, value, attributes);
    }

    /** @param value the friendly name @return a copy with that friendly name */
    public CertificateRequest withFriendlyName(String value) {
        return new CertificateRequest(subject, algorithm, notBefore, notAfter, purposes, attributes.withFriendlyName(value));
    }

    /** @param value whether the key may be exported @return a copy with that flag */
    public CertificateRequest withExportable(boolean value) {
        return new CertificateRequest(subject, algorithm, notBefore, notAfter, purposes, attributes.withExportable(value));
    }

    /** @param value extended properties @return a copy with them */
    public CertificateRequest withProperties(Map<String, String> value) {
        return new CertificateRequest(subject, algorithm, notBefore, notAfter, purposes, attributes.withProperties(value));
    }

    /** @param value all attributes @return a copy with them */
    public CertificateRequest withAttributes(EntryAttributes value) {
        return new CertificateRequest(subject, algorithm, notBefore, notAfter, purposes, value);
    }
}
