package org.cairn.console.ui.internal.handlers;

import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.HostActionContext;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Runs one of the selected node's or items' own {@link ConsoleAction}s (top of the Action menu, context menus,
 * Actions pane), named by the command parameters.
 */
public final class RunActionHandler {

    /** The command's id. */
    public static final String COMMAND = "org.cairn.console.command.runAction";
    /** Command parameter: the action's id. */
    public static final String ACTION = "org.cairn.console.commandparameter.action";
    /** Command parameter: {@value #TARGET_NODE} or {@value #TARGET_ITEMS}. */
    public static final String TARGET = "org.cairn.console.commandparameter.target";
    /** The action is the selected node's. */
    public static final String TARGET_NODE = "node";
    /** The action is the first selected item's. */
    public static final String TARGET_ITEMS = "items";

    @CanExecute
    public boolean canExecute(@org.eclipse.e4.core.di.annotations.Optional @Named(ACTION) String actionId,
            @org.eclipse.e4.core.di.annotations.Optional @Named(TARGET) String target,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items) {
        return find(actionId, target, node, items).map(ConsoleAction::enabled).orElse(false);
    }

    @Execute
    public void execute(@Named(ACTION) String actionId, @Named(TARGET) String target,
            @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @org.eclipse.e4.core.di.annotations.Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ConsoleSession session, IEventBroker broker,
            MWindow window) {
        Optional<ConsoleAction> action = find(actionId, target, node, items);
        if (action.isEmpty()) {
            return;
        }
        IEclipseContext context = window.getContext();
        try {
            action.get().run(new HostActionContext(shell, session, broker, context));
        } catch (ConsoleException e) {
            MessageDialog.openError(shell, action.get().label().replace("&", "").replace("...", ""), e.getMessage());
        }
    }

    static Optional<ConsoleAction> find(String actionId, String target, ConsoleNode node, List<ResultItem> items) {
        if (actionId == null || node == null) {
            return Optional.empty();
        }
        List<ConsoleAction> actions;
        if (TARGET_ITEMS.equals(target)) {
            if (items == null || items.isEmpty()) {
                return Optional.empty();
            }
            actions = items.get(0).actions();
        } else {
            actions = node.actions();
        }
        return actions.stream().filter(a -> a.id().equals(actionId)).findFirst();
    }
}
