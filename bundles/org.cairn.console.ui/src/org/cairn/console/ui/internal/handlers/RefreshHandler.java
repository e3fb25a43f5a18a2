package org.cairn.console.ui.internal.handlers;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.ui.internal.ConsoleSession;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;

import jakarta.inject.Named;

/** Action → Refresh (F5): the node forgets its cache, then the tree and the details pane reload it. */
public final class RefreshHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node) {
        return node != null;
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node, IEventBroker broker, ConsoleSession session) {
        node.refresh();
        session.refreshing(node);
        broker.send(ConsoleIds.TOPIC_REFRESH, node);
    }
}
