package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.certificates.remote.store.RemoteStore;

/**
 * Which nodes of the Certificates snap-in show another computer: for contributions (the Certificate Import Wizard)
 * that must not act on this computer's stores of the same scope when the node is another computer's.
 */
public final class RemoteNodes {

    private RemoteNodes() {
    }

    /** @return the other computer's stores when {@code node} is a node of an "Another computer" root */
    public static Optional<RemoteStore> of(Object node) {
        CertificatesRoot root = null;
        if (node instanceof CertificatesRoot r) {
            root = r;
        } else if (node instanceof StoreTarget.Node n) {
            root = n.target().root();
        } else if (node instanceof CertificateListNode list) {
            root = list.root;
        }
        return root == null ? Optional.empty() : root.remote();
    }
}
