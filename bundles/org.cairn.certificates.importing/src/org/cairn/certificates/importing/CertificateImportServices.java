package org.cairn.certificates.importing;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.importing.internal.DefaultCertificateImportService;

/**
 * Plain-Java assembly of the import service, for tests and tools (in OSGi, use the DS service instead).
 */
public final class CertificateImportServices {

    private CertificateImportServices() {
    }

    /**
     * @param stores the certificate stores to import into
     * @return a new import service
     */
    public static CertificateImportService create(CertificateStoreService stores) {
        return new DefaultCertificateImportService(stores);
    }
}
