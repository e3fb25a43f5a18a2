package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;

/**
 * A logical store ("Personal", "Trusted Root Certification Authorities", ...) with its "Certificates" folder, or
 * with its physical stores when View Options shows them.
 */
final class StoreNode implements StoreTarget.Node {

    private final CertificatesRoot root;
    private final LogicalStore logical;
    private final Optional<String> physical;

    StoreNode(CertificatesRoot root, LogicalStore logical) {
        this(root, logical, Optional.empty());
    }

    private StoreNode(CertificatesRoot root, LogicalStore logical, Optional<String> physical) {
        this.root = root;
        this.logical = logical;
        this.physical = physical;
    }

    @Override
    public String label() {
        return physical.orElse(logical.displayName());
    }

    @Override
    public String key() {
        return physical.orElse(logical.shortName());
    }

    @Override
    public Scope scope() {
        return root.scope();
    }

    @Override
    public Optional<LogicalStore> logicalStore() {
        return Optional.of(logical);
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.STORE_NODE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.STORE));
    }

    @Override
    public List<ConsoleNode> children() {
        if (physical.isEmpty() && root.mode().showPhysical()) {
            List<ConsoleNode> children = new ArrayList<>();
            Optional<CertificateStore> store = root.store();
            if (store.isPresent()) {
                try {
                    for (PhysicalStoreInfo info : store.get().physicalStores(logical)) {
                        children.add(new StoreNode(root, logical, Optional.of(info.name())));
                    }
                } catch (CertificateStoreException e) {
                    return List.of(new CertificatesNode(root, logical, Optional.empty()));
                }
            }
            return children;
        }
        return List.of(new CertificatesNode(root, logical, physical));
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(CertificatesRoot.findCertificates(root, Optional.of(logical)));
    }

    @Override
    public StoreTarget target() {
        return new StoreTarget(root, logical);
    }

    /** Equal to the node for the same store of the same snap-in root (the host finds nodes again by equality). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoreNode node && node.root == root && node.logical == logical
                && node.physical.equals(physical);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(System.identityHashCode(root), logical, physical);
    }
}
