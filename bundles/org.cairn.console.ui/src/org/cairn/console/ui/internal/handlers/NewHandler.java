package org.cairn.console.ui.internal.handlers;

import org.cairn.console.ui.internal.ConsoleFileActions;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → New (Ctrl+N): an empty console, after asking to save the changes of the current one. */
public final class NewHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ConsoleSession session, MWindow window,
            EModelService models, IEventBroker broker, @Translation Messages messages) {
        new ConsoleFileActions(shell, session, window, models, broker, messages).newConsole();
    }
}
