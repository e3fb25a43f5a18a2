package org.cairn.certificates.export;

import java.util.List;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.internal.DefaultCertificateExportService;
import org.cairn.certificates.export.spi.CertificateFileFormat;

/**
 * Plain-Java assembly of the export service, for tests and the command line (in OSGi, use the DS service, which
 * also reads the settings from Eclipse preferences). Every call makes a new instance.
 */
public final class CertificateExportServices {

    private CertificateExportServices() {
    }

    /**
     * @param stores the certificate stores to export from
     * @return the service with the default settings ({@link ExportSettings#defaults()})
     */
    public static CertificateExportService create(CertificateStoreService stores) {
        return create(stores, ExportSettings.defaults());
    }

    /**
     * @param stores   the certificate stores to export from
     * @param settings the iteration counts to use
     * @return the service
     */
    public static CertificateExportService create(CertificateStoreService stores, ExportSettings settings) {
        return DefaultCertificateExportService.create(stores, settings, List.of());
    }

    /**
     * @param stores   the certificate stores to export from
     * @param settings the iteration counts to use
     * @param formats  further certificate-only formats, as DS would bind them in OSGi
     * @return the service
     * @since 1.1
     */
    public static CertificateExportService create(CertificateStoreService stores, ExportSettings settings,
            List<CertificateFileFormat> formats) {
        return DefaultCertificateExportService.create(stores, settings, formats);
    }
}
