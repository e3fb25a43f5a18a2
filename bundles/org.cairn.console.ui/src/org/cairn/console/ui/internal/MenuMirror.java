package org.cairn.console.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cairn.console.api.ConsoleIds;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.contributions.IContributionFactory;
import org.eclipse.e4.ui.di.AboutToShow;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MDirectMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MDynamicMenuContribution;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenu;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuElement;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuSeparator;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The context menus of the console tree and the details pane: a copy of the Action menu of the application
 * model, rebuilt each time it opens, so that the node's actions, the All Tasks contributions of other bundles and
 * the host's commands appear there with the same visibility and enablement as in the menu bar.
 */
public final class MenuMirror {

    private final MWindow window;
    private final EModelService models;

    /**
     * @param window the main window, whose Action menu is mirrored
     * @param models to find the Action menu
     */
    public MenuMirror(MWindow window, EModelService models) {
        this.window = window;
        this.models = models;
    }

    /** Gives {@code control} a context menu that mirrors the Action menu (Shift+F10 and the menu key open it). */
    public void attachTo(Control control) {
        Menu menu = new Menu(control);
        menu.addListener(SWT.Show, event -> {
            for (MenuItem item : menu.getItems()) {
                item.dispose();
            }
            if (window.getMainMenu() != null) {
                models.findElements(window.getMainMenu(), ConsoleIds.ACTION_MENU, MMenu.class).stream().findFirst()
                        .ifPresent(action -> fill(menu, action.getChildren()));
            }
        });
        control.setMenu(menu);
    }

    /**
     * Fills {@code menu} with what the model menu {@code menuId} of the menu bar shows now (for example the
     * Actions pane's All Tasks); empty when there is no such menu.
     */
    public void fillFrom(Menu menu, String menuId) {
        for (MenuItem item : menu.getItems()) {
            item.dispose();
        }
        if (window.getMainMenu() != null) {
            models.findElements(window.getMainMenu(), menuId, MMenu.class).stream().findFirst()
                    .ifPresent(found -> fill(menu, found.getChildren()));
        }
    }

    private void fill(Menu menu, List<MMenuElement> elements) {
        IEclipseContext context = window.getContext();
        boolean separatorPending = false;
        for (MMenuElement element : expand(elements, context)) {
            if (!Visibility.isVisible(element, context)) {
                continue;
            }
            if (element instanceof MMenuSeparator) {
                separatorPending = menu.getItemCount() > 0;
                continue;
            }
            if (separatorPending) {
                new MenuItem(menu, SWT.SEPARATOR);
                separatorPending = false;
            }
            if (element instanceof MMenu submenu) {
                MenuItem cascade = new MenuItem(menu, SWT.CASCADE);
                cascade.setText(submenu.getLocalizedLabel());
                Menu child = new Menu(cascade);
                cascade.setMenu(child);
                fill(child, submenu.getChildren());
            } else if (element instanceof MHandledMenuItem handled && handled.getCommand() != null) {
                ParameterizedCommand command = command(handled, context);
                EHandlerService handlers = context.get(EHandlerService.class);
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                item.setText(handled.getLocalizedLabel());
                item.setEnabled(command != null && handlers.canExecute(command));
                item.setData(handled.getElementId());
                item.addListener(SWT.Selection, event -> handlers.executeHandler(command));
            } else if (element instanceof MDirectMenuItem direct) {
                MenuItem item = new MenuItem(menu, SWT.PUSH);
                item.setText(direct.getLocalizedLabel());
                item.setEnabled(false);
            }
        }
    }

    /** Replaces dynamic contributions by the items they contribute now. */
    private static List<MMenuElement> expand(List<MMenuElement> elements, IEclipseContext context) {
        List<MMenuElement> expanded = new ArrayList<>();
        for (MMenuElement element : elements) {
            if (element instanceof MDynamicMenuContribution dynamic && element.isToBeRendered()) {
                Object contribution = dynamic.getObject();
                if (contribution == null) {
                    contribution = context.get(IContributionFactory.class).create(dynamic.getContributionURI(),
                            context);
                    dynamic.setObject(contribution);
                }
                List<MMenuElement> items = new ArrayList<>();
                IEclipseContext local = EclipseContextFactory.create();
                local.set(List.class, items);
                ContextInjectionFactory.invoke(contribution, AboutToShow.class, context, local, null);
                local.dispose();
                expanded.addAll(items);
            } else {
                expanded.add(element);
            }
        }
        return expanded;
    }

    private static ParameterizedCommand command(MHandledMenuItem item, IEclipseContext context) {
        Map<String, Object> parameters = new HashMap<>();
        for (MParameter parameter : item.getParameters()) {
            parameters.put(parameter.getName(), parameter.getValue());
        }
        return context.get(ECommandService.class).createCommand(item.getCommand().getElementId(), parameters);
    }
}
