package org.cairn.certificates.export.internal;

import java.util.List;

import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.eclipse.core.runtime.preferences.IPreferencesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The export service as a Declarative Services component: the stores come from the
 * {@link CertificateStoreService} service, the iteration counts from Eclipse preferences (read at every export),
 * and reports go to the OSGi log when a {@link LoggerFactory} is present.
 */
@Component(service = CertificateExportService.class)
public final class ExportServiceComponent implements CertificateExportService {

    private final DefaultCertificateExportService delegate;
    private final FormatRegistry formats;

    /**
     * @param stores      the certificate stores
     * @param preferences the Eclipse preference service
     * @param logger      the OSGi logger, if a log service is present
     */
    @Activate
    public ExportServiceComponent(@Reference(name = "stores") CertificateStoreService stores,
            @Reference(name = "preferences") IPreferencesService preferences,
            @Reference(name = "logger", service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL)
            Logger logger) {
        ExportLog log = logger == null ? ExportLog.NONE : new OsgiLog(logger);
        this.formats = new FormatRegistry(log);
        this.delegate = new DefaultCertificateExportService(stores, () -> PreferenceSettings.read(preferences, log),
                formats, log);
    }

    /** @param format a certificate-only format another bundle contributes; it may come at any time */
    @Reference(name = "formats", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeFormat")
    void addFormat(CertificateFileFormat format) {
        formats.add(format);
    }

    /** @param format a contributed format that goes away with its bundle */
    void removeFormat(CertificateFileFormat format) {
        formats.remove(format);
    }

    @Override
    public ExportResult export(ExportRequest request) throws ExportException {
        return delegate.export(request);
    }

    @Override
    public ExportSettings settings() {
        return delegate.settings();
    }

    @Override
    public List<ExportFormat> formats() {
        return delegate.formats();
    }

    private record OsgiLog(Logger logger) implements ExportLog {
        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            if (cause == null) {
                logger.warn(message);
            } else {
                logger.warn(message, cause);
            }
        }
    }
}
