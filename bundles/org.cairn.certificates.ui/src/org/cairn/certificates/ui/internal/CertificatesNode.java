package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** A store's "Certificates" folder: its details pane lists the store's certificates. */
final class CertificatesNode implements ConsoleNode {

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
    public List<ConsoleAction> actions() {
        return List.of(createSelfSigned(root, logical, this));
    }

    /** Create Self-Signed Certificate... into {@code logical}, greyed with the reason when it is not allowed. */
    static ConsoleAction createSelfSigned(CertificatesRoot root, LogicalStore logical, ConsoleNode refreshed) {
        Optional<String> denied = root.store().map(store -> store.whyCannotAdd(logical).map(AccessDenial::message)
                .map(reason -> Messages.format("action.createSelfSigned.denied", reason)))
                .orElse(Optional.of(Messages.format("action.createSelfSigned.denied", "")));
        return new Action("org.cairn.certificates.action.createSelfSigned", Messages.get("action.createSelfSigned"),
                Messages.get("action.createSelfSigned.description"), denied, context -> {
                    Shell shell = context.adapt(Shell.class).orElse(null);
                    SelfSignedCertificateDialog dialog = new SelfSignedCertificateDialog(shell, root.factory(),
                            root.store().orElseThrow(), logical);
                    if (dialog.open() == Window.OK) {
                        context.refresh(refreshed);
                    }
                });
    }
}
