package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.ui.CertificateUiIds;

/** A store's "Certificates" folder: its details pane lists the store's certificates. */
final class CertificatesNode extends CertificateListNode implements StoreTarget.Node {

    private final LogicalStore logical;
    private final Optional<String> physical;

    CertificatesNode(CertificatesRoot root, LogicalStore logical, Optional<String> physical) {
        super(root);
        this.logical = logical;
        this.physical = physical;
    }

    @Override
    public String label() {
        return Messages.get("node.certificates");
    }

    @Override
    public Optional<LogicalStore> logicalStore() {
        return Optional.of(logical);
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.CERTIFICATES_NODE;
    }

    @Override
    List<CertificateEntry> entries(CertificateStore store) throws CertificateStoreException {
        return store.list(logical).entries().stream()
                .filter(entry -> physical.map(name -> entry.physicalStores().contains(name)).orElse(true))
                .toList();
    }

    @Override
    String emptyText() {
        return logical == LogicalStore.PERSONAL ? Messages.get("list.emptyPersonal") : Messages.get("list.noItems");
    }

    @Override
    public StoreTarget target() {
        return new StoreTarget(root, logical);
    }

    /** Equal to the folder of the same store of the same snap-in root (the host finds nodes again by equality). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CertificatesNode node && node.root == root && node.logical == logical
                && node.physical.equals(physical);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(System.identityHashCode(root), logical, physical, "certificates");
    }
}
