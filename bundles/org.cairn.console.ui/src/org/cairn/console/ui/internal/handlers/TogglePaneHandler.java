package org.cairn.console.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

import jakarta.inject.Named;

/**
 * View → Console Tree / Action Pane / Status Bar: shows or hides a part or trim bar of the window, named by the
 * command parameter {@value #PARAMETER}, and keeps the check mark of the menu item in step.
 */
public final class TogglePaneHandler {

    /** Command parameter: the model element id of the pane to show or hide. */
    public static final String PARAMETER = "org.cairn.console.commandparameter.pane";

    @CanExecute
    public boolean canExecute(@Optional @Named(PARAMETER) String paneId, MWindow window, EModelService models) {
        return paneId != null && models.find(paneId, window) != null;
    }

    @Execute
    public void execute(@Named(PARAMETER) String paneId, MWindow window, EModelService models,
            @Optional MItem item) {
        MUIElement pane = models.find(paneId, window);
        boolean show = !pane.isToBeRendered();
        pane.setToBeRendered(show);
        pane.setVisible(show);
        if (item != null) {
            item.setSelected(show);
        }
    }
}
