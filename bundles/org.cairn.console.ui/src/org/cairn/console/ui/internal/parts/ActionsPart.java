package org.cairn.console.ui.internal.parts;

import java.util.Map;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Actions pane on the right (as in MMC 3): a heading, the selected node's name, and its actions as links
 * that run the same commands as the Action menu.
 */
public final class ActionsPart {

    private static final String COMMAND_REFRESH = "org.cairn.console.command.refresh";
    private static final String COMMAND_ABOUT = "org.cairn.console.command.about";

    private Composite body;
    private Label nodeHeading;
    private Link firstLink;

    @PostConstruct
    public void createControls(Composite parent, @Translation Messages messages, ECommandService commands,
            EHandlerService handlers, @Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode selected) {
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        Font bold = resources.create(FontDescriptor.createFrom(parent.getFont()).setStyle(SWT.BOLD));

        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 6).spacing(4, 6).applyTo(body);

        Label title = new Label(body, SWT.NONE);
        title.setText(messages.actions_title);
        title.setFont(bold);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);

        nodeHeading = new Label(body, SWT.NONE);
        nodeHeading.setFont(bold);
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 4).applyTo(nodeHeading);

        firstLink = link(messages.actions_refresh, COMMAND_REFRESH, commands, handlers);
        link(messages.actions_help, COMMAND_ABOUT, commands, handlers);
        nodeSelected(selected);
    }

    private Link link(String text, String commandId, ECommandService commands, EHandlerService handlers) {
        Link link = new Link(body, SWT.NONE);
        link.setText("<a>" + text + "</a>");
        GridDataFactory.fillDefaults().grab(true, false).indent(12, 0).applyTo(link);
        link.addListener(SWT.Selection, event -> {
            ParameterizedCommand command = commands.createCommand(commandId, Map.of());
            handlers.executeHandler(command);
        });
        return link;
    }

    @Inject
    @Optional
    void nodeSelected(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node) {
        if (nodeHeading != null && !nodeHeading.isDisposed()) {
            nodeHeading.setText(node == null ? "" : node.label());
            body.layout(true);
        }
    }

    @Focus
    public void setFocus() {
        firstLink.setFocus();
    }
}
