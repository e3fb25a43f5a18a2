/**
 * The shared certificate export service: {@link org.cairn.certificates.export.CertificateExportService} takes an
 * immutable {@link org.cairn.certificates.export.ExportRequest} and returns an
 * {@link org.cairn.certificates.export.ExportResult} saying what was written. No UI types.
 */
package org.cairn.certificates.export;
