package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/**
 * The logical store a store node or its Certificates folder stands for, and the tasks on it (All Tasks → Create
 * Self-Signed Certificate...).
 *
 * @param root    the snap-in root (account, store, factory)
 * @param logical the logical store
 */
public record StoreTarget(CertificatesRoot root, LogicalStore logical) {

    /** A node of the snap-in that stands for a logical store. */
    interface Node extends CertificateStoreNode {
        /** @return its store */
        StoreTarget target();
    }

    /** @return the store {@code node} stands for, when it is a store node or Certificates folder of this snap-in */
    public static Optional<StoreTarget> of(Object node) {
        return node instanceof Node storeNode ? Optional.of(storeNode.target()) : Optional.empty();
    }

    /** @return why certificates cannot be added here (rights, unreadable store); empty when they can */
    public Optional<String> whyCannotCreate() {
        return root.store().map(store -> store.whyCannotAdd(logical).map(AccessDenial::message))
                .orElseGet(() -> Optional.of(root.problem().orElse("")))
                .map(reason -> Messages.format("action.createSelfSigned.denied", reason));
    }

    /** Opens Create Self-Signed Certificate for this store; @return the certificate created, if any */
    public Optional<CertificateEntry> createSelfSigned(Shell shell) {
        SelfSignedCertificateDialog dialog = new SelfSignedCertificateDialog(shell, root.factory(),
                root.store().orElseThrow(), logical);
        return dialog.open() == Window.OK ? dialog.created() : Optional.empty();
    }
}
