package org.cairn.console.ui.internal.handlers;

import org.cairn.console.ui.internal.ConsoleFileActions;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → Exit: closes the console, after asking to save its changes. */
public final class ExitHandler {

    @Execute
    public void execute(IWorkbench workbench, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            ConsoleSession session, MWindow window, EModelService models, IEventBroker broker,
            @Translation Messages messages) {
        if (new ConsoleFileActions(shell, session, window, models, broker, messages).confirmDiscard()) {
            workbench.close();
        }
    }
}
