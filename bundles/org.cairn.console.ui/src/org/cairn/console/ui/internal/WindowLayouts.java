package org.cairn.console.ui.internal;

import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.core.WindowLayout;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;

/** Reads the window layout from the application model for a console file, and applies one read from a file. */
public final class WindowLayouts {

    /** Model id of the status bar trim. */
    public static final String STATUS_BAR = "org.cairn.console.trim.status";
    private static final String MAXIMIZED_TAG = "shellMaximized";

    private WindowLayouts() {
    }

    /** @return the layout of {@code window} now */
    public static WindowLayout capture(MWindow window, EModelService models) {
        return new WindowLayout(
                Optional.of(new WindowLayout.Bounds(window.getX(), window.getY(), window.getWidth(),
                        window.getHeight())),
                window.getTags().contains(MAXIMIZED_TAG), shown(window, models, ConsoleIds.CONSOLE_TREE_PART),
                shown(window, models, ConsoleIds.ACTIONS_PART), shown(window, models, STATUS_BAR),
                weight(window, models, ConsoleIds.CONSOLE_TREE_PART, 25),
                weight(window, models, ConsoleIds.DETAILS_PART, 53), weight(window, models, ConsoleIds.ACTIONS_PART, 22));
    }

    /** Applies {@code layout} to {@code window}, with the View menu's check marks. */
    public static void apply(WindowLayout layout, MWindow window, EModelService models) {
        layout.bounds().ifPresent(bounds -> {
            window.setX(bounds.x());
            window.setY(bounds.y());
            window.setWidth(bounds.width());
            window.setHeight(bounds.height());
        });
        show(window, models, ConsoleIds.CONSOLE_TREE_PART, layout.consoleTree(), "org.cairn.console.menu.view.consoleTree");
        show(window, models, ConsoleIds.ACTIONS_PART, layout.actionPane(), "org.cairn.console.menu.view.actionPane");
        show(window, models, STATUS_BAR, layout.statusBar(), "org.cairn.console.menu.view.statusBar");
        setWeight(window, models, ConsoleIds.CONSOLE_TREE_PART, layout.treeWeight());
        setWeight(window, models, ConsoleIds.DETAILS_PART, layout.detailsWeight());
        setWeight(window, models, ConsoleIds.ACTIONS_PART, layout.actionsWeight());
    }

    private static boolean shown(MWindow window, EModelService models, String id) {
        MUIElement element = models.find(id, window);
        return element == null || element.isToBeRendered();
    }

    private static int weight(MWindow window, EModelService models, String id, int absent) {
        MUIElement element = models.find(id, window);
        if (element == null || element.getContainerData() == null) {
            return absent;
        }
        try {
            return Math.max(1, (int) Double.parseDouble(element.getContainerData()));
        } catch (NumberFormatException e) {
            return absent;
        }
    }

    private static void show(MWindow window, EModelService models, String id, boolean show, String menuItemId) {
        MUIElement element = models.find(id, window);
        if (element != null && element.isToBeRendered() != show) {
            element.setToBeRendered(show);
            element.setVisible(show);
        }
        if (models.find(menuItemId, window.getMainMenu()) instanceof MItem item) {
            item.setSelected(show);
        }
    }

    private static void setWeight(MWindow window, EModelService models, String id, int weight) {
        MUIElement element = models.find(id, window);
        if (element != null && weight > 0) {
            element.setContainerData(Integer.toString(weight));
        }
    }
}
