package org.cairn.certificates.cli;

import java.util.Objects;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.importing.CertificateImportService;

/**
 * The services the command line works with: the same ones the console uses. Each is looked up when a subcommand first
 * needs it, so that a subcommand activates only its own: {@code list} and {@code show} need the stores alone, so the
 * factory, import and export services are never activated for them, and {@code list} loads no Bouncy Castle class
 * (the framework scans a multi-release jar's entries when it first loads from it; measured: {@code list} of 10,000
 * entries, see the command line's README). Thread-safe: an export to several computers at once verifies each file
 * in its own thread with the import service.
 */
final class CliServices {

    /** How one service is found: waits for it, or fails saying what is missing. */
    @FunctionalInterface
    interface Lookup<T> {
        T get() throws CommandException;
    }

    private final Lookup<CertificateStoreService> storesLookup;
    private final Lookup<CertificateFactoryService> factoryLookup;
    private final Lookup<CertificateImportService> importerLookup;
    private final Lookup<CertificateExportService> exporterLookup;
    private CertificateStoreService stores;
    private CertificateFactoryService factory;
    private CertificateImportService importer;
    private CertificateExportService exporter;

    /** Services already at hand (tests, documentation). */
    CliServices(CertificateStoreService stores, CertificateFactoryService factory, CertificateImportService importer,
            CertificateExportService exporter) {
        this(present(stores, "stores"), present(factory, "factory"), present(importer, "importer"),
                present(exporter, "exporter"));
    }

    /** Services looked up when first needed, each once. */
    CliServices(Lookup<CertificateStoreService> stores, Lookup<CertificateFactoryService> factory,
            Lookup<CertificateImportService> importer, Lookup<CertificateExportService> exporter) {
        this.storesLookup = Objects.requireNonNull(stores, "stores");
        this.factoryLookup = Objects.requireNonNull(factory, "factory");
        this.importerLookup = Objects.requireNonNull(importer, "importer");
        this.exporterLookup = Objects.requireNonNull(exporter, "exporter");
    }

    private static <T> Lookup<T> present(T service, String name) {
        Objects.requireNonNull(service, name);
        return () -> service;
    }

    /** @return the certificate stores */
    synchronized CertificateStoreService stores() throws CommandException {
        if (stores == null) {
            stores = storesLookup.get();
        }
        return stores;
    }

    /** @return certificate creation */
    synchronized CertificateFactoryService factory() throws CommandException {
        if (factory == null) {
            factory = factoryLookup.get();
        }
        return factory;
    }

    /** @return the import service */
    synchronized CertificateImportService importer() throws CommandException {
        if (importer == null) {
            importer = importerLookup.get();
        }
        return importer;
    }

    /** @return the export service */
    synchronized CertificateExportService exporter() throws CommandException {
        if (exporter == null) {
            exporter = exporterLookup.get();
        }
        return exporter;
    }
}
