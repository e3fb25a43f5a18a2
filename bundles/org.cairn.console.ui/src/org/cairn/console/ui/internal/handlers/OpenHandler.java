package org.cairn.console.ui.internal.handlers;

import java.nio.file.Path;

import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.ui.internal.ConsoleFileActions;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File → Open... (Ctrl+O), and the recent consoles of the File menu (which pass the file as the parameter
 * {@value #FILE}).
 */
public final class OpenHandler {

    /** Command parameter: the console file to open, without asking. */
    public static final String FILE = "org.cairn.console.commandparameter.file";

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ConsoleSession session, MWindow window,
            EModelService models, IEventBroker broker, @Translation Messages messages,
            @Optional SnapInRegistry registry, @Optional @Named(FILE) String file) {
        ConsoleFileActions actions = new ConsoleFileActions(shell, session, window, models, broker, messages);
        if (file == null) {
            actions.open();
        } else if (actions.confirmDiscard()) {
            actions.open(Path.of(file), registry);
        }
    }
}
