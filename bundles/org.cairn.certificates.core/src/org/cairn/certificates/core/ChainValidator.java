package org.cairn.certificates.core;

/**
 * Validates certificates against one reading of the stores (trusted roots, intermediates, untrusted
 * certificates), so that a list can validate many rows without reading the stores for each. Thread-safe. A store
 * change is not seen: take a new validator after one (the certificate list does, on every refresh).
 *
 * @since 1.2
 */
@FunctionalInterface
public interface ChainValidator {

    /**
     * Builds the certification path of {@code entry} from the stores read and validates it with the Java
     * runtime's PKIX {@code CertPathValidator}. Never throws: a certificate that cannot be read gives
     * {@link CertificateStatus#CANNOT_CHECK}.
     *
     * @param entry a certificate of the scope (or of the computer, for the current user and services)
     * @return the verdict, with the path
     */
    ChainValidation validate(CertificateEntry entry);
}
