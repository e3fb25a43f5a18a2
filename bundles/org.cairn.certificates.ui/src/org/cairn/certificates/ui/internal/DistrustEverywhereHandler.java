package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Action → All Tasks → Distrust Everywhere... on one certificate of the details pane: {@link EverywhereTasks#distrust}.
 * Stateless: the selection, the shell and the stores arrive as parameters.
 */
public final class DistrustEverywhereHandler {

    @CanExecute
    public boolean canExecute(@org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<?> items,
            @org.eclipse.e4.core.di.annotations.Optional @Service CertificateStoreService stores,
            @org.eclipse.e4.core.di.annotations.Optional MItem item) {
        return EverywhereTasks.canExecute(items, stores, item, entry -> Optional.empty(),
                "action.distrustEverywhere.description");
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_ITEMS) List<?> items,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Service CertificateStoreService stores,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            IEventBroker broker) {
        Optional<CertificateEntry> entry = EverywhereTasks.selected(items);
        if (entry.isPresent() && EverywhereTasks.distrust(shell, stores, entry.get()) && node != null) {
            broker.send(ConsoleIds.TOPIC_REFRESH, node);
        }
    }
}
