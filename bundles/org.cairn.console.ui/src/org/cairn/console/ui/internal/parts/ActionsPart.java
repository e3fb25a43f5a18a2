package org.cairn.console.ui.internal.parts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.ui.internal.MenuMirror;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.ShownList;
import org.cairn.console.ui.internal.handlers.NoTasksVisible;
import org.cairn.console.ui.internal.handlers.RunActionHandler;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Actions pane on the right (as in MMC 3): the selected node's name and its actions, then, when items are
 * selected in the details pane, their actions; each a link that runs the same command as the Action menu.
 */
public final class ActionsPart {

    private static final String COMMAND_REFRESH = "org.cairn.console.command.refresh";
    private static final String COMMAND_EXPORT = "org.cairn.console.command.exportList";
    private static final String COMMAND_PROPERTIES = "org.cairn.console.command.properties";
    private static final String COMMAND_DELETE = "org.cairn.console.command.delete";
    private static final String COMMAND_HELP = "org.cairn.console.command.help";

    private Composite body;
    private Font bold;
    private Messages messages;
    private ECommandService commands;
    private EHandlerService handlers;
    private ConsoleNode node;
    private List<ResultItem> items = List.of();
    private ShownList list;
    private List<String> types = List.of();
    private MWindow window;
    private EModelService models;

    @PostConstruct
    public void createControls(Composite parent, @Translation Messages messages, ECommandService commands,
            EHandlerService handlers, MWindow window, EModelService models,
            @Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode selected) {
        // white, as a desktop administration tool's panes (the product has no CSS engine: org.cairn.console.app)
        parent.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        this.window = window;
        this.models = models;
        this.messages = messages;
        this.commands = commands;
        this.handlers = handlers;
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        bold = resources.create(FontDescriptor.createFrom(parent.getFont()).setStyle(SWT.BOLD));
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(4, 4).applyTo(body);
        node = selected;
        rebuild();
    }

    @Inject
    @Optional
    void nodeSelected(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode selected) {
        if (selected != node) {
            node = selected;
            rebuild();
        }
    }

    /** The All Tasks entry depends on the selected types, which are published after the node and items. */
    @Inject
    @Optional
    void typesSelected(@Named(ConsoleIds.SELECTED_NODE_TYPE) String nodeType,
            @Optional @Named(ConsoleIds.SELECTED_ITEM_TYPE) String itemType) {
        List<String> selectedTypes = java.util.Arrays.asList(nodeType, itemType);
        if (!selectedTypes.equals(types)) {
            types = selectedTypes;
            rebuild();
        }
    }

    @Inject
    @Optional
    void itemsSelected(@Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> selected) {
        List<ResultItem> now = selected == null ? List.of() : selected;
        // The details pane publishes its selection again on focus (after a menu of this pane closed): the same
        // items need no new links, and rebuilding would dispose the menu that just ran.
        if (!now.equals(items)) {
            items = now;
            rebuild();
        }
    }

    @Inject
    @Optional
    void listShown(@Named(ShownList.KEY) ShownList shown) {
        ShownList before = list;
        list = shown;
        // A column resized or moved publishes the same list again with its new layout (for Export List and Customize
        // Columns), once per resize event while a column is dragged. The links stay the same unless the column that
        // names the selected item changed: rebuilding them each time kept the UI thread busy (the watchdog caught 284 ms).
        if (before != null && shown != null && before.items() == shown.items()
                && before.nodeTypeId().equals(shown.nodeTypeId())
                && before.shownColumnIds().stream().findFirst().equals(shown.shownColumnIds().stream().findFirst())) {
            return;
        }
        rebuild();
    }

    private void rebuild() {
        if (body == null || body.isDisposed()) {
            return;
        }
        for (Control child : body.getChildren()) {
            child.dispose();
        }
        heading(messages.actions_title, 0);
        if (node != null) {
            heading(node.label(), 4);
            for (ConsoleAction action : node.actions()) {
                link(action.label(), RunActionHandler.COMMAND, Map.of(RunActionHandler.ACTION, action.id(),
                        RunActionHandler.TARGET, RunActionHandler.TARGET_NODE));
            }
            if (items.isEmpty()) {
                allTasks();
            }
            link(messages.actions_refresh, COMMAND_REFRESH, Map.of());
            link(messages.actions_exportList, COMMAND_EXPORT, Map.of());
            link(messages.actions_properties, COMMAND_PROPERTIES, Map.of());
            link(messages.actions_delete, COMMAND_DELETE, Map.of());
            link(messages.actions_help, COMMAND_HELP, Map.of());
        }
        if (!items.isEmpty()) {
            heading(itemHeading(), 8);
            for (ConsoleAction action : items.get(0).actions()) {
                link(action.label(), RunActionHandler.COMMAND, Map.of(RunActionHandler.ACTION, action.id(),
                        RunActionHandler.TARGET, RunActionHandler.TARGET_ITEMS));
            }
            allTasks();
            link(messages.actions_delete, COMMAND_DELETE, Map.of());
            link(messages.actions_properties, COMMAND_PROPERTIES, Map.of());
        }
        body.layout(true, true);
    }

    private String itemHeading() {
        if (items.size() > 1) {
            return messages.actions_selectedItems;
        }
        String first = list == null ? null : list.layout().stream().filter(c -> c.shown()).findFirst()
                .map(c -> items.get(0).text(c.id())).orElse(null);
        return first == null || first.isBlank() ? messages.actions_selectedItems : first;
    }

    /**
     * "All Tasks ►" as in MMC 3, when entries contributed to Action → All Tasks show for the selection: a click
     * opens them as a menu, the same entries, with the same visibility and enablement as the Action menu's.
     */
    private void allTasks() {
        if (NoTasksVisible.noTaskVisible(window, models, window.getContext())) {
            return;
        }
        Link link = new Link(body, SWT.NONE);
        link.setText("<a>" + messages.actions_allTasks.replace("&", "") + "</a> \u25B8");
        GridDataFactory.fillDefaults().grab(true, false).indent(12, 0).applyTo(link);
        Menu menu = new Menu(link);
        link.setMenu(menu);
        link.addDisposeListener(event -> menu.dispose());
        MenuMirror mirror = new MenuMirror(window, models);
        menu.addListener(SWT.Show, event -> mirror.fillFrom(menu, ConsoleIds.ALL_TASKS_MENU));
        link.addListener(SWT.Selection, event -> {
            Rectangle bounds = link.getBounds();
            menu.setLocation(link.getParent().toDisplay(bounds.x, bounds.y + bounds.height));
            menu.setVisible(true);
        });
    }

    private void heading(String text, int indent) {
        Label label = new Label(body, SWT.NONE);
        label.setText(text);
        label.setFont(bold);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, indent).applyTo(label);
    }

    private void link(String text, String commandId, Map<String, Object> parameters) {
        ParameterizedCommand command = commands.createCommand(commandId, new HashMap<>(parameters));
        Link link = new Link(body, SWT.NONE);
        link.setText("<a>" + text.replace("&", "") + "</a>");
        link.setEnabled(command != null && handlers.canExecute(command));
        GridDataFactory.fillDefaults().grab(true, false).indent(12, 0).applyTo(link);
        link.addListener(SWT.Selection, event -> handlers.executeHandler(command));
    }

    @Focus
    public void setFocus() {
        body.setFocus();
    }
}
