package org.cairn.certificates.cli;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.Purpose;

/**
 * A certificate's verdict in {@code --json} (show, and list --status): "status", its "chain" (leaf first, each
 * certificate with its thumbprint, subject, store, status and DER as base64), "chainStatus", "missingIssuer" and
 * "validPurposes". The console's "Another computer" builds its Certification Path tab and Status column from these
 * fields: the verdict of that computer, with its trust anchors.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** Puts the verdict of {@code validation} into {@code m}. */
    static void put(Map<String, Object> m, ChainValidation validation) {
        CertificationPath path = validation.path();
        List<Object> chain = new ArrayList<>();
        for (int i = 0; i < path.certificates().size(); i++) {
            CertificateEntry c = path.certificates().get(i);
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("thumbprint", c.thumbprint());
            link.put("subject", c.subject());
            link.put("store", c.logicalStore().shortName());
            link.put("status", validation.statuses().get(i).code());
            link.put("der", der(c));
            chain.add(link);
        }
        m.put("chain", chain);
        m.put("chainStatus", path.status().name());
        m.put("missingIssuer", path.missingIssuer().orElse(null));
        // what the whole path allows (a CA's extended key usage narrows the leaf's): the certificate dialog's
        // and the list's Intended Purposes; "purposes" stays the certificate's own
        m.put("validPurposes", validation.purposes().stream().map(Purpose::displayName).toList());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", validation.status().code());
        status.put("message", StatusWords.message(validation.status()));
        status.put("failedAt", validation.failedAt().isPresent() ? validation.failedAt().getAsInt() : null);
        status.put("detail", validation.detail());
        m.put("status", status);
    }

    /** Puts a verdict that could not be computed into {@code m}: status cannot-check, with the reason. */
    static void putFailure(Map<String, Object> m, CertificateStoreException e) {
        m.put("chainStatus", "ERROR: " + e.getMessage());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("code", CertificateStatus.CANNOT_CHECK.code());
        status.put("message", StatusWords.message(CertificateStatus.CANNOT_CHECK));
        status.put("failedAt", null);
        status.put("detail", e.getMessage());
        m.put("status", status);
    }

    /** @return the certificate's DER as base64, or null when it can no longer be read */
    private static String der(CertificateEntry c) {
        try {
            return Base64.getEncoder().encodeToString(c.certificate().getEncoded());
        } catch (CertificateStoreException | java.security.cert.CertificateEncodingException e) {
            return null;
        }
    }
}
