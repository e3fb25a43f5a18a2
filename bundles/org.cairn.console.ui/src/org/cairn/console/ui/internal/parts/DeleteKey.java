package org.cairn.console.ui.internal.parts;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;

/**
 * The Delete key of the console tree and the details pane runs Action → Delete. Not a key binding: the e4 key
 * dispatcher treats Delete as an "out of order" key that it leaves to the focused control, so a binding never
 * fires on a tree or a table.
 */
final class DeleteKey {

    private static final String COMMAND = "org.cairn.console.command.delete";

    private DeleteKey() {
    }

    static void attachTo(Control control, MWindow window) {
        control.addListener(SWT.KeyDown, event -> {
            if (event.keyCode == SWT.DEL && (event.stateMask & SWT.MODIFIER_MASK) == 0) {
                ECommandService commands = window.getContext().get(ECommandService.class);
                EHandlerService handlers = window.getContext().get(EHandlerService.class);
                ParameterizedCommand command = commands.createCommand(COMMAND, Map.of());
                if (command != null && handlers.canExecute(command)) {
                    event.doit = false;
                    handlers.executeHandler(command);
                }
            }
        });
    }
}
