package org.cairn.certificates.ui.internal;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;

/**
 * The "Certificate Template" column: the Microsoft template a certificate names (template name extension
 * 1.3.6.1.4.1.311.20.2, else the template information extension 1.3.6.1.4.1.311.21.7 by OID), as Windows shows it.
 */
final class CertificateTemplate {

    static final String NAME_OID = "1.3.6.1.4.1.311.20.2";
    static final String INFORMATION_OID = "1.3.6.1.4.1.311.21.7";

    private CertificateTemplate() {
    }

    /** @return the template, or empty when the certificate names none or cannot be read */
    static String of(CertificateEntry entry) {
        try {
            return of(entry.certificate()).orElse("");
        } catch (CertificateStoreException e) {
            return "";
        }
    }

    static Optional<String> of(X509Certificate certificate) {
        Optional<String> name = Der.extensionValue(certificate.getExtensionValue(NAME_OID)).flatMap(Der::one)
                .flatMap(Der::string);
        if (name.isPresent()) {
            return name;
        }
        return Der.extensionValue(certificate.getExtensionValue(INFORMATION_OID)).flatMap(Der::one)
                .filter(Der.Tlv::constructed).map(Der.Tlv::children).filter(children -> !children.isEmpty())
                .map(List::getFirst).filter(first -> first.tag() == 0x06).map(first -> Der.oid(first.content()));
    }
}
