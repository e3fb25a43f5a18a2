package org.cairn.console.ui.internal.handlers;

import java.util.List;

import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import jakarta.inject.Named;

/**
 * The top of the Action menu (and so of the context menus): the own actions of the selected items, or of the
 * selected node when no item is selected, each running {@link RunActionHandler}.
 */
public final class NodeActionsMenu {

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, MApplication application, EModelService models,
            @Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> selectedItems) {
        MCommand command = application.getCommands().stream()
                .filter(c -> RunActionHandler.COMMAND.equals(c.getElementId())).findFirst().orElse(null);
        if (command == null || node == null) {
            return;
        }
        boolean onItems = selectedItems != null && !selectedItems.isEmpty();
        List<ConsoleAction> actions = onItems ? selectedItems.get(0).actions() : node.actions();
        for (ConsoleAction action : actions) {
            MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
            item.setElementId("org.cairn.console.menu.action.run." + action.id());
            item.setLabel(action.label());
            item.setTooltip(action.description());
            item.setCommand(command);
            item.getParameters().add(parameter(models, RunActionHandler.ACTION, action.id()));
            item.getParameters().add(parameter(models, RunActionHandler.TARGET,
                    onItems ? RunActionHandler.TARGET_ITEMS : RunActionHandler.TARGET_NODE));
            items.add(item);
        }
    }

    static MParameter parameter(EModelService models, String name, String value) {
        MParameter parameter = models.createModelElement(MParameter.class);
        parameter.setName(name);
        parameter.setValue(value);
        return parameter;
    }
}
