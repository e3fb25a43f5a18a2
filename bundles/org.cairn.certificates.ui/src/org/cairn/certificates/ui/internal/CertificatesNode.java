package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;

/** A store's "Certificates" folder: its details pane lists the store's certificates. */
final class CertificatesNode implements StoreTarget.Node {

    /** Extended property that marks a certificate archived (hidden unless View Options shows archived ones). */
    static final String ARCHIVED = "cairn.archived";

    private final CertificatesRoot root;
    private final LogicalStore logical;
    private final Optional<String> physical;

    CertificatesNode(CertificatesRoot root, LogicalStore logical, Optional<String> physical) {
        this.root = root;
        this.logical = logical;
        this.physical = physical;
    }

    @Override
    public String label() {
        return Messages.get("node.certificates");
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.CERTIFICATES_NODE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.FOLDER));
    }

    @Override
    public boolean mayHaveChildren() {
        return false;
    }

    @Override
    public List<ConsoleNode> children() {
        return List.of();
    }

    @Override
    public Optional<ResultView> resultView() {
        Optional<CertificateStore> store = root.store();
        if (store.isEmpty()) {
            return root.resultView();
        }
        try {
            List<CertificateEntry> entries = new ArrayList<>();
            for (CertificateEntry entry : store.get().list(logical).entries()) {
                if (shown(entry)) {
                    entries.add(entry);
                }
            }
            String empty = logical == LogicalStore.PERSONAL ? Messages.get("list.emptyPersonal")
                    : Messages.get("list.noItems");
            return Optional.of(new CertificateList(store.get(), entries, empty));
        } catch (CertificateStoreException e) {
            return Optional.of(new MessageView(Messages.format("node.unavailable", e.getMessage())));
        }
    }

    private boolean shown(CertificateEntry entry) {
        if (!root.mode().showArchived() && "true".equalsIgnoreCase(entry.properties().get(ARCHIVED))) {
            return false;
        }
        return physical.map(name -> entry.physicalStores().contains(name)).orElse(true);
    }

    @Override
    public StoreTarget target() {
        return new StoreTarget(root, logical);
    }
}
