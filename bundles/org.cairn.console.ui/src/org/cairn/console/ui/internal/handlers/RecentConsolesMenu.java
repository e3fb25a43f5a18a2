package org.cairn.console.ui.internal.handlers;

import java.nio.file.Path;
import java.util.List;

import org.cairn.console.core.RecentConsoles;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuSeparator;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** The recent consoles of the File menu ("1 servers.cairn"), each opening its file. */
public final class RecentConsolesMenu {

    private static final String OPEN_COMMAND = "org.cairn.console.command.open";

    @AboutToShow
    public void aboutToShow(List<MMenuElement> items, MApplication application, EModelService models,
            RecentConsoles recentConsoles) {
        List<Path> recent = recentConsoles.list();
        MCommand command = application.getCommands().stream().filter(c -> OPEN_COMMAND.equals(c.getElementId()))
                .findFirst().orElse(null);
        if (command == null || recent.isEmpty()) {
            return;
        }
        for (int i = 0; i < recent.size(); i++) {
            Path file = recent.get(i);
            MHandledMenuItem item = models.createModelElement(MHandledMenuItem.class);
            item.setElementId("org.cairn.console.menu.file.recent." + i);
            item.setLabel("&" + (i + 1) + " " + file.getFileName());
            item.setTooltip(file.toString());
            item.setCommand(command);
            item.getParameters().add(NodeActionsMenu.parameter(models, OpenHandler.FILE, file.toString()));
            items.add(item);
        }
        items.add(models.createModelElement(MMenuSeparator.class));
    }
}
