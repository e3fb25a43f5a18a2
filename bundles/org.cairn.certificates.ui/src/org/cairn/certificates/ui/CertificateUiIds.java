package org.cairn.certificates.ui;

/**
 * Stable identifiers of the Certificates snap-in that other bundles (the export wizard, extension snap-ins)
 * contribute to or read: command ids, node and item type ids, e4 context keys.
 * <p>
 * These ids are part of the API: they do not change within a major version.
 */
public final class CertificateUiIds {

    /** The snap-in's id, as saved in console files. */
    public static final String SNAP_IN = "org.cairn.certificates";

    /**
     * Command id of the Certificate Export Wizard. The certificate dialog's "Copy to File..." button runs it with
     * the certificate in the static context under {@link #SELECTED_ENTRIES}; it is disabled while no handler is
     * active for the command. The export wizard bundle contributes the handler.
     */
    public static final String EXPORT_COMMAND = "org.cairn.certificates.command.export";

    /**
     * Key, in the static context of a command run from the certificate dialog, of the certificates it acts on:
     * a {@code List<org.cairn.certificates.core.CertificateEntry>}, never empty.
     */
    public static final String SELECTED_ENTRIES = "org.cairn.certificates.selectedEntries";

    /** Item type id of a certificate in the details pane (its rows are certificates). */
    public static final String CERTIFICATE_ITEM = "org.cairn.certificates.item.certificate";

    /** Node type id of the snap-in's root ("Certificates - Current User" and the like). */
    public static final String ROOT_NODE = "org.cairn.certificates.node.root";

    /** Node type id of a logical store ("Personal", "Trusted Root Certification Authorities", ...). */
    public static final String STORE_NODE = "org.cairn.certificates.node.store";

    /** Node type id of a store's "Certificates" folder, whose details pane lists the certificates. */
    public static final String CERTIFICATES_NODE = "org.cairn.certificates.node.certificates";

    /** Node type id of one purpose (for example "Server Authentication") in the purpose view. */
    public static final String PURPOSE_NODE = "org.cairn.certificates.node.purpose";

    private CertificateUiIds() {
    }
}
