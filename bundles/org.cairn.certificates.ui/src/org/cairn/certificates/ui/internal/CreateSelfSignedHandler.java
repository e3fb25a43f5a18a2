package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Action → All Tasks → Create Self-Signed Certificate... on a logical store or its Certificates folder. Greyed when
 * the account may not add certificates there, with the reason as the item's tooltip (shown in the status line).
 */
public final class CreateSelfSignedHandler {

    @CanExecute
    public boolean canExecute(@org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @org.eclipse.e4.core.di.annotations.Optional MItem item) {
        Optional<StoreTarget> target = StoreTarget.of(node);
        Optional<String> denied = target.flatMap(StoreTarget::whyCannotCreate);
        if (item != null && target.isPresent()) {
            item.setTooltip(denied.orElse(Messages.get("action.createSelfSigned.description")));
        }
        return target.isPresent() && denied.isEmpty();
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEventBroker broker) {
        StoreTarget.of(node).flatMap(target -> target.createSelfSigned(shell))
                .ifPresent(created -> broker.send(ConsoleIds.TOPIC_REFRESH, node));
    }
}
