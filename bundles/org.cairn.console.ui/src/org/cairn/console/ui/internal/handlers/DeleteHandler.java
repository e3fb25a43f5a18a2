package org.cairn.console.ui.internal.handlers;

import java.util.List;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.HostActionContext;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.Topics;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Action → Delete (Delete key): the selected items when they allow it, else the selected node: a snap-in's root
 * is removed from the console, another node deletes itself if it allows it.
 */
public final class DeleteHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items, @Optional ConsoleSession session) {
        if (items != null && !items.isEmpty()) {
            return items.stream().allMatch(ResultItem::canDelete);
        }
        return node != null && session != null
                && (session.document().snapInOf(node).isPresent() || node.canDelete());
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items, ConsoleSession session,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEventBroker broker, MWindow window,
            @Translation Messages messages) {
        HostActionContext context = new HostActionContext(shell, session, broker, window.getContext());
        ConsoleDocument document = session.document();
        try {
            if (items != null && !items.isEmpty()) {
                if (MessageDialog.openQuestion(shell, messages.delete_title,
                        messages.delete_items.replace("{0}", Integer.toString(items.size())))) {
                    for (ResultItem item : items) {
                        item.delete(context);
                    }
                    context.refresh(node);
                }
            } else if (document.snapInOf(node).isPresent()) {
                if (MessageDialog.openQuestion(shell, messages.delete_title,
                        messages.delete_snapIn.replace("{0}", node.label()))) {
                    document.remove(node);
                    broker.send(Topics.STRUCTURE, Topics.NO_NODE);
                }
            } else if (MessageDialog.openQuestion(shell, messages.delete_title,
                    messages.delete_node.replace("{0}", node.label()))) {
                List<ConsoleNode> path = document.pathTo(node);
                node.delete(context);
                ConsoleNode parent = path.size() > 1 ? path.get(path.size() - 2) : document.root();
                context.refresh(parent);
                broker.send(Topics.SELECT_NODE, parent);
            }
        } catch (ConsoleException e) {
            MessageDialog.openError(shell, messages.delete_title, e.getMessage());
        }
    }
}
