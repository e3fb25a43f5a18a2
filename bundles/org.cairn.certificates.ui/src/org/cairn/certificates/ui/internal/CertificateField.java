package org.cairn.certificates.ui.internal;

/**
 * One row of the certificate dialog's Details tab.
 *
 * @param kind  what sort of field (for the "Show:" filter)
 * @param name  the Field column
 * @param value the Value column: one line
 * @param full  the value pane under the table: the whole value, on as many lines as it needs
 */
public record CertificateField(Kind kind, String name, String value, String full) {

    /** The sorts of field, as the Details tab's "Show:" list filters them. */
    public enum Kind {
        /** A field of the X.509 version 1 certificate (version, serial number, names, validity, key). */
        VERSION_1,
        /** A non-critical extension. */
        EXTENSION,
        /** A critical extension. */
        CRITICAL_EXTENSION,
        /** A property the store keeps beside the certificate (thumbprint, friendly name, ...). */
        PROPERTY
    }

    /** A field whose one-line value is its full value with line breaks turned into ", ". */
    static CertificateField of(Kind kind, String name, String full) {
        return new CertificateField(kind, name, full.replace("\n", ", "), full);
    }
}
