package org.cairn.certificates.ui;

import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.console.api.ConsoleNode;

/**
 * A node of the Certificates snap-in's console tree (its root, a logical store, a store's "Certificates" folder, a
 * purpose of the purpose view), as contributions such as the Certificate Import Wizard receive it under
 * {@code @Named(ConsoleIds.SELECTED_NODE)}: which account's stores it shows and, for a store and its Certificates
 * folder, which logical store.
 */
public interface CertificateStoreNode extends ConsoleNode {

    /** @return the account whose certificate stores the node shows */
    Scope scope();

    /** @return the logical store the node stands for; empty for the root and the purpose view's nodes */
    Optional<LogicalStore> logicalStore();
}
