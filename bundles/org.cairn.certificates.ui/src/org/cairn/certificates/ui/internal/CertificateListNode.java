package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.ResultView;

/**
 * A folder of the console tree whose details pane lists certificates: a store's "Certificates" folder in the
 * logical-store view, or a purpose in the purpose view. They differ only in which entries they list.
 */
abstract sealed class CertificateListNode implements CertificateStoreNode permits CertificatesNode, PurposeNode {

    /** Extended property that marks a certificate archived (hidden unless View Options shows archived ones). */
    static final String ARCHIVED = "cairn.archived";

    /** The snap-in's root: its store, and the view options. */
    protected final CertificatesRoot root;

    CertificateListNode(CertificatesRoot root) {
        this.root = root;
    }

    /** @return the entries this folder lists, before the archived ones are left out */
    abstract List<CertificateEntry> entries(CertificateStore store) throws CertificateStoreException;

    /** @return what the details pane says when the folder lists nothing */
    abstract String emptyText();

    @Override
    public final Scope scope() {
        return root.scope();
    }

    @Override
    public final Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.FOLDER));
    }

    @Override
    public final boolean mayHaveChildren() {
        return false;
    }

    @Override
    public final List<ConsoleNode> children() {
        return List.of();
    }

    /**
     * The list is read in the background (console API 1.2): listing a store may rebuild its index from every entry
     * (10,000 of them take seconds) or wait up to a minute for another program's lock, and the window must keep
     * answering meanwhile.
     */
    @Override
    public final Optional<ResultView> resultView() {
        boolean showArchived = root.mode().showArchived();
        String empty = emptyText();
        return Optional.of(BackgroundView.of(monitor -> list(showArchived, empty)));
    }

    /** Reads the list; off the Display thread. */
    private ResultView list(boolean showArchived, String empty) {
        Optional<CertificateStore> store = root.store();
        if (store.isEmpty()) {
            return root.problemView();
        }
        try {
            List<CertificateEntry> entries = entries(store.get()).stream()
                    .filter(entry -> showArchived || !"true".equalsIgnoreCase(entry.properties().get(ARCHIVED)))
                    .toList();
            return new CertificateList(store.get(), entries, empty, root.everywhere());
        } catch (CertificateStoreException e) {
            return root.unavailable(e.getMessage());
        }
    }
}
