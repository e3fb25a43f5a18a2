package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.ui.CertificateUiIds;

/** In the purpose view, one intended purpose: its details pane lists the certificates valid for it. */
final class PurposeNode extends CertificateListNode {

    private final Purpose purpose;

    PurposeNode(CertificatesRoot root, Purpose purpose) {
        super(root);
        this.purpose = purpose;
    }

    @Override
    public String label() {
        return purpose.displayName();
    }

    @Override
    public String key() {
        return purpose.oid().isEmpty() ? "all" : purpose.oid();
    }

    @Override
    public Optional<LogicalStore> logicalStore() {
        return Optional.empty();
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.PURPOSE_NODE;
    }

    @Override
    List<CertificateEntry> entries(CertificateStore store) throws CertificateStoreException {
        return store.byPurpose().stream().filter(group -> group.purpose().equals(purpose))
                .flatMap(group -> group.entries().stream()).toList();
    }

    @Override
    String emptyText() {
        return Messages.get("list.noItems");
    }

    /** Equal to the node for the same purpose of the same snap-in root (the host finds nodes again by equality). */
    @Override
    public boolean equals(Object other) {
        return other instanceof PurposeNode node && node.root == root && node.purpose.equals(purpose);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(System.identityHashCode(root), purpose);
    }
}
