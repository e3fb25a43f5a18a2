package org.cairn.certificates.cli;

import java.util.Objects;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.importing.CertificateImportService;

/**
 * The services the command line works with: the same ones the console uses.
 *
 * @param stores   the certificate stores
 * @param factory  certificate creation
 * @param importer the import service
 * @param exporter the export service
 */
record CliServices(CertificateStoreService stores, CertificateFactoryService factory, CertificateImportService importer,
        CertificateExportService exporter) {

    CliServices {
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(importer, "importer");
        Objects.requireNonNull(exporter, "exporter");
    }
}
