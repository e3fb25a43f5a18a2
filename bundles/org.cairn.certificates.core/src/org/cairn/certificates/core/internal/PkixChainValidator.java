package org.cairn.certificates.core.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.ChainValidator;
import org.cairn.certificates.core.ValidationOptions;

/**
 * The verdict comes from the Java runtime's PKIX {@link CertPathValidator} (RFC 5280: signatures, validity
 * periods, basicConstraints cA and pathLenConstraint, keyCertSign, name and policy constraints, critical
 * extensions) over the path {@link TrustStores} built, with the path's root as the one trust anchor. What PKIX
 * leaves to the caller is checked here, in this order: a certificate of the path in Untrusted Certificates, the
 * root's own signature and validity period (PKIX takes an anchor as given), and whether the root is trusted at all.
 * A path that does not end in a trusted root is still run through PKIX with its top certificate as a provisional
 * anchor, so that an expired or non-CA issuer is named rather than hidden behind "not trusted".
 */
final class PkixChainValidator implements ChainValidator {

    private final TrustStores stores;
    private final ValidationOptions options;

    PkixChainValidator(TrustStores stores, ValidationOptions options) {
        this.stores = stores;
        this.options = options;
    }

    private record Verdict(CertificateStatus status, int at, String detail) {
        static final Verdict OK = new Verdict(CertificateStatus.OK, -1, "");
    }

    @Override
    public ChainValidation validate(CertificateEntry entry) {
        Instant now = options.clock().instant();
        CertificationPath path;
        List<X509Certificate> certificates;
        try {
            path = stores.build(entry, TrustStores.Mode.VALIDATION, now);
            certificates = path.x509Certificates();
        } catch (CertificateStoreException e) {
            CertificationPath alone = new CertificationPath(List.of(entry), CertificationPath.Status.ISSUER_NOT_FOUND,
                    Optional.of(entry.issuer()));
            return new ChainValidation(alone, CertificateStatus.CANNOT_CHECK, OptionalInt.of(0), e.getMessage(),
                    List.of(CertificateStatus.CANNOT_CHECK));
        }
        Verdict leaf = verdict(path, certificates, 0, now);
        List<CertificateStatus> statuses = new ArrayList<>();
        statuses.add(leaf.status());
        for (int i = 1; i < certificates.size(); i++) {
            // a CA that may not issue is fine on its own part of the path; mark it where it fails the leaf's
            statuses.add(leaf.status() == CertificateStatus.INVALID_CA && leaf.at() == i
                    ? CertificateStatus.INVALID_CA : verdict(path, certificates, i, now).status());
        }
        return new ChainValidation(path, leaf.status(), leaf.status().ok() ? OptionalInt.empty() : OptionalInt.of(leaf.at()),
                leaf.detail(), statuses);
    }

    /** The verdict on the part of the path from {@code from} up. */
    private Verdict verdict(CertificationPath path, List<X509Certificate> certificates, int from, Instant now) {
        List<CertificateEntry> entries = path.certificates();
        int top = entries.size() - 1;
        for (int i = from; i <= top; i++) {
            if (stores.distrusted(entries.get(i).thumbprint())) {
                return new Verdict(CertificateStatus.DISTRUSTED, i, entries.get(i).subject()
                        + " is in Untrusted Certificates");
            }
        }
        X509Certificate root = certificates.get(top);
        boolean complete = path.complete();
        if (complete && !TrustStores.verifies(root, root.getPublicKey())) {
            return new Verdict(CertificateStatus.BAD_SIGNATURE, top, "the self-signature of " + entries.get(top).subject()
                    + " does not verify");
        }
        if (top > from || complete) {
            List<X509Certificate> chain = top > from ? certificates.subList(from, top) : List.of(root);
            Optional<Verdict> pkix = pkix(chain, root, from, now);
            if (pkix.isPresent()) {
                return pkix.get();
            }
        }
        if (!entries.get(top).isValidAt(now)) {
            return new Verdict(CertificateStatus.NOT_TIME_VALID, top, entries.get(top).subject() + " is valid from "
                    + entries.get(top).notBefore() + " to " + entries.get(top).notAfter() + ", not at " + now);
        }
        if (!complete) {
            return new Verdict(CertificateStatus.ISSUER_NOT_FOUND, top, "the issuer " + entries.get(top).issuer()
                    + " is in none of the stores");
        }
        if (!stores.trusted(entries.get(top).thumbprint())) {
            return new Verdict(top == from ? CertificateStatus.UNTRUSTED_ROOT : CertificateStatus.NOT_TRUSTED, top,
                    "the root " + entries.get(top).subject() + " is not in Trusted Root Certification Authorities");
        }
        return Verdict.OK;
    }

    private Optional<Verdict> pkix(List<X509Certificate> chain, X509Certificate anchor, int from, Instant now) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
            parameters.setRevocationEnabled(options.revocation());
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(chain), parameters);
            return Optional.empty();
        } catch (CertPathValidatorException e) {
            int index = e.getIndex() < 0 ? from : from + e.getIndex();
            return Optional.of(new Verdict(status(e.getReason()), index, String.valueOf(e.getMessage())));
        } catch (GeneralSecurityException | RuntimeException e) {
            return Optional.of(new Verdict(CertificateStatus.CANNOT_CHECK, from, String.valueOf(e.getMessage())));
        }
    }

    private static CertificateStatus status(CertPathValidatorException.Reason reason) {
        if (reason instanceof CertPathValidatorException.BasicReason basic) {
            return switch (basic) {
                case EXPIRED, NOT_YET_VALID -> CertificateStatus.NOT_TIME_VALID;
                case INVALID_SIGNATURE -> CertificateStatus.BAD_SIGNATURE;
                case REVOKED -> CertificateStatus.REVOKED;
                case UNDETERMINED_REVOCATION_STATUS -> CertificateStatus.CANNOT_CHECK;
                case ALGORITHM_CONSTRAINED, UNSPECIFIED -> CertificateStatus.NOT_VALID;
            };
        }
        if (reason instanceof PKIXReason pkix) {
            return switch (pkix) {
                case NOT_CA_CERT, PATH_TOO_LONG, INVALID_KEY_USAGE -> CertificateStatus.INVALID_CA;
                case NO_TRUST_ANCHOR -> CertificateStatus.NOT_TRUSTED;
                case NAME_CHAINING -> CertificateStatus.ISSUER_NOT_FOUND;
                case INVALID_NAME, INVALID_POLICY, UNRECOGNIZED_CRIT_EXT -> CertificateStatus.NOT_VALID;
            };
        }
        return CertificateStatus.NOT_VALID;
    }
}
