package org.cairn.console.ui.internal.handlers;

import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.Topics;
import org.cairn.console.ui.internal.dialogs.AddRemoveSnapInDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File → Add/Remove Snap-in... (Ctrl+M). */
public final class AddRemoveSnapInHandler {

    @CanExecute
    public boolean canExecute(@Optional SnapInRegistry registry) {
        return registry != null;
    }

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ConsoleSession session,
            SnapInRegistry registry, IEventBroker broker, @Translation Messages messages) {
        AddRemoveSnapInDialog dialog = new AddRemoveSnapInDialog(shell, messages, session.document(), registry);
        if (dialog.open() == Window.OK) {
            broker.send(Topics.STRUCTURE, Topics.NO_NODE);
        }
    }
}
