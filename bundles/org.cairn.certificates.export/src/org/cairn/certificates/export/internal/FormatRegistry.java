package org.cairn.certificates.export.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.spi.CertificateFileFormat;

/**
 * The certificate-only formats other bundles contribute, as they come and go (DS binds and unbinds them at any
 * time, from any thread). A second format with an id already taken is ignored, with a warning, until the first
 * one goes away.
 */
final class FormatRegistry {

    private final List<CertificateFileFormat> formats = new CopyOnWriteArrayList<>();
    private final ExportLog log;

    /** @param log where to report a format that is ignored */
    FormatRegistry(ExportLog log) {
        this.log = log;
    }

    /** @param format a format that became available */
    void add(CertificateFileFormat format) {
        ExportFormat described = format.format();
        if (described.isBuiltIn() || described.canHoldPrivateKey()) {
            log.warn("Ignoring the export format " + described.id() + " of " + format.getClass().getName()
                    + ": it must be made with ExportFormat.certificatesOnly.", null);
            return;
        }
        formats.add(format);
        if (lookUp(described).orElseThrow() != format) {
            log.warn("Two export formats have the id " + described.id() + "; " + format.getClass().getName()
                    + " is ignored while the other one is installed.", null);
        }
    }

    /** @param format a format that went away */
    void remove(CertificateFileFormat format) {
        formats.remove(format);
    }

    /** @return the formats to offer: the built-in ones, then the first of each contributed id, by name */
    List<ExportFormat> offered() {
        List<ExportFormat> list = new ArrayList<>(ExportFormat.builtIn());
        formats.stream().map(CertificateFileFormat::format).distinct()
                .sorted(Comparator.comparing(ExportFormat::displayName).thenComparing(ExportFormat::id))
                .forEach(list::add);
        return List.copyOf(list);
    }

    /**
     * @param format a contributed format
     * @return the service that writes and reads it, while it is installed
     */
    Optional<CertificateFileFormat> lookUp(ExportFormat format) {
        return formats.stream().filter(f -> f.format().equals(format)).findFirst();
    }
}
