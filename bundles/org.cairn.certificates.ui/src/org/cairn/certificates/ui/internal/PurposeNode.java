package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.PurposeGroup;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;

/** In the purpose view, one intended purpose: its details pane lists the certificates valid for it. */
final class PurposeNode implements ConsoleNode {

    private final CertificatesRoot root;
    private final Purpose purpose;

    PurposeNode(CertificatesRoot root, Purpose purpose) {
        this.root = root;
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
    public String nodeTypeId() {
        return CertificateUiIds.PURPOSE_NODE;
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
            for (PurposeGroup group : store.get().byPurpose()) {
                if (group.purpose().equals(purpose)) {
                    for (CertificateEntry entry : group.entries()) {
                        if (root.mode().showArchived()
                                || !"true".equalsIgnoreCase(entry.properties().get(CertificatesNode.ARCHIVED))) {
                            entries.add(entry);
                        }
                    }
                }
            }
            return Optional.of(new CertificateList(store.get(), entries, Messages.get("list.noItems")));
        } catch (CertificateStoreException e) {
            return Optional.of(new MessageView(Messages.format("node.unavailable", e.getMessage())));
        }
    }
}
