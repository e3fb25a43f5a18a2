package org.cairn.certificates.ui.importing.internal;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Optional;

import jakarta.inject.Named;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.cairn.certificates.ui.internal.RemoteNodes;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/**
 * The handler of the import command ("Import..."): Action → All Tasks → Import... on a store folder of the
 * Certificates snap-in (and the context menu, which mirrors it), and File → Import.... It opens the Certificate
 * Import Wizard for the account of the selected node, with that node's logical store as the default target, and
 * refreshes the node after a successful import. Stateless: the selected node, the shell and the services arrive as
 * parameters.
 *
 * <p>When the account may not add certificates to the node's store (the computer's stores for an ordinary
 * account), the command is disabled and the item's tooltip (shown in the status line) gives the store's reason.
 * When no node of the Certificates snap-in is selected (File → Import... on the Console Root), the command says
 * what to select instead of doing nothing.</p>
 */
public final class ImportHandler {

    @CanExecute
    public boolean canExecute(
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @org.eclipse.e4.core.di.annotations.Optional MItem item,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateStoreService stores,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateImportService importer,
            @org.eclipse.e4.core.di.annotations.Optional @Translation Messages messages) {
        if (stores == null || importer == null) {
            return false;
        }
        if (!(node instanceof CertificateStoreNode storeNode)) {
            return true;
        }
        Optional<String> denied = whyCannotImport(storeNode, stores, messages);
        if (item != null && messages != null) {
            item.setTooltip(denied.orElse(messages.menu_import_tooltip));
        }
        return denied.isEmpty();
    }

    @Execute
    public void execute(
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service CertificateStoreService stores,
            @Service CertificateImportService importer, @Translation Messages messages, IEventBroker broker) {
        if (!(node instanceof CertificateStoreNode storeNode)) {
            MessageDialog.openInformation(shell, messages.wizard_title, messages.noStoreSelected);
            return;
        }
        Optional<RemoteStore> remote = RemoteNodes.of(node);
        if (remote.isPresent()) {
            // another computer's node: its stores, never this computer's of the same scope; the import there says
            // why it refuses (the remote account's rights), and a Cairn too old for it is refused before the wizard
            Optional<String> remoteDenial = whyCannotImport(storeNode, stores, messages);
            if (remoteDenial.isPresent()) {
                MessageDialog.openInformation(shell, messages.wizard_title, remoteDenial.get());
                return;
            }
            RemoteStore other = remote.get();
            ImportWizard wizard = new ImportWizard(storeNode.scope(), storeNode.logicalStore(), other::whyCannotAdd,
                    logical -> Optional.empty(), logical -> physicalStores(other, logical), importer,
                    Optional.of(other), messages, Path.of(System.getProperty("user.home")));
            if (new ImportWizardDialog(shell, wizard).open() == Window.OK) {
                broker.send(ConsoleIds.TOPIC_REFRESH, node);
            }
            return;
        }
        CertificateStore store;
        try {
            store = stores.open(storeNode.scope());
        } catch (CertificateStoreException e) {
            MessageDialog.openError(shell, messages.wizard_title,
                    MessageFormat.format(messages.result_storeFailed, e.getMessage()));
            return;
        }
        ImportWizard wizard = new ImportWizard(storeNode.scope(), storeNode.logicalStore(), store::whyCannotAdd,
                logical -> addTarget(store, logical), logical -> physicalStores(store, logical), importer, messages,
                Path.of(System.getProperty("user.home")));
        if (new ImportWizardDialog(shell, wizard).open() == Window.OK) {
            broker.send(ConsoleIds.TOPIC_REFRESH, node);
        }
    }

    /** The physical stores behind {@code logical}, for Browse...; none when they cannot be read. */
    private static java.util.List<CertificateStore.PhysicalStoreInfo> physicalStores(CertificateStore store,
            LogicalStore logical) {
        try {
            return store.physicalStores(logical);
        } catch (CertificateStoreException e) {
            return java.util.List.of();
        }
    }

    /** Where an import into {@code logical} goes, for the summary; nothing when that cannot be told. */
    private static Optional<CertificateStore.PhysicalStoreInfo> addTarget(CertificateStore store, LogicalStore logical) {
        try {
            return store.addTarget(logical);
        } catch (CertificateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * Why the account of {@code node} may not import there: into the node's logical store, or, for a node that
     * stands for no single store (a purpose), into any of its stores. Empty when it may.
     */
    public static Optional<String> whyCannotImport(CertificateStoreNode node, CertificateStoreService stores,
            Messages messages) {
        Optional<RemoteStore> remote = RemoteNodes.of(node);
        if (remote.isPresent()) {
            // another computer's node: never this computer's stores of the same scope
            return remote.get().whyCannotAdd(node.logicalStore().orElse(LogicalStore.PERSONAL))
                    .map(AccessDenial::message);
        }
        CertificateStore store;
        try {
            store = stores.open(node.scope());
        } catch (CertificateStoreException e) {
            return Optional.of(e.getMessage());
        }
        Optional<LogicalStore> logical = node.logicalStore();
        if (logical.isPresent()) {
            return store.whyCannotAdd(logical.get()).map(why -> denied(messages, logical.get(), why));
        }
        Optional<String> first = Optional.empty();
        for (LogicalStore candidate : LogicalStore.values()) {
            Optional<AccessDenial> why = store.whyCannotAdd(candidate);
            if (why.isEmpty()) {
                return Optional.empty();
            }
            if (first.isEmpty()) {
                first = Optional.of(denied(messages, candidate, why.get()));
            }
        }
        return first;
    }

    private static String denied(Messages messages, LogicalStore store, AccessDenial why) {
        return messages == null ? why.message()
                : MessageFormat.format(messages.menu_import_denied, store.displayName(), why.message());
    }
}
