package org.cairn.console.ui.internal.handlers;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.ui.internal.Visibility;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Evaluate;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuSeparator;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/**
 * The {@code visibleWhen} of the "(Empty)" entry of Action → All Tasks: it shows only while none of the entries
 * other bundles contributed there is visible for the current selection.
 */
public final class NoTasksVisible {

    /** Model id of the "(Empty)" entry. */
    public static final String PLACEHOLDER = "org.cairn.console.menu.action.allTasks.empty";

    @Evaluate
    public boolean evaluate(IEclipseContext context, EModelService models, @Optional MWindow window) {
        return window == null || noTaskVisible(window, models, context);
    }

    /** @return whether no contributed entry of All Tasks is visible in {@code context} */
    public static boolean noTaskVisible(MWindow window, EModelService models, IEclipseContext context) {
        for (MMenuElement child : tasks(window, models)) {
            if (!PLACEHOLDER.equals(child.getElementId()) && !(child instanceof MMenuSeparator)
                    && Visibility.isVisible(child, context)) {
                return false;
            }
        }
        return true;
    }

    private static List<MMenuElement> tasks(MWindow window, EModelService models) {
        if (window.getMainMenu() == null) {
            return List.of();
        }
        List<MMenu> found = models.findElements(window.getMainMenu(), ConsoleIds.ALL_TASKS_MENU, MMenu.class);
        return found.isEmpty() ? List.of() : found.get(0).getChildren();
    }

    /**
     * Brings the visibility of the All Tasks entries up to date with the selection. The e4 menus re-evaluate an
     * entry only when its submenu opens, and hide a submenu whose entries all were invisible the last time, so
     * without this All Tasks could stay hidden after a node without tasks was selected.
     */
    public static void update(IEclipseContext windowContext) {
        MWindow window = windowContext.get(MWindow.class);
        EModelService models = windowContext.get(EModelService.class);
        if (window == null || models == null) {
            return;
        }
        boolean none = true;
        for (MMenuElement child : tasks(window, models)) {
            if (!PLACEHOLDER.equals(child.getElementId()) && !(child instanceof MMenuSeparator)) {
                boolean visible = Visibility.isVisible(child, windowContext);
                child.setVisible(visible);
                none &= !visible;
            }
        }
        for (MMenuElement child : tasks(window, models)) {
            if (PLACEHOLDER.equals(child.getElementId())) {
                child.setVisible(none);
            }
        }
    }
}
