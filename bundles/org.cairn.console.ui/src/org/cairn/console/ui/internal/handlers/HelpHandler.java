package org.cairn.console.ui.internal.handlers;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.core.AddedSnapIn;
import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Action → Help: what the snap-in of the selected node is and does (the console itself on the Console Root). */
public final class HelpHandler {

    @Execute
    public void execute(@Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node, ConsoleSession session,
            @Optional SnapInRegistry registry, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Translation Messages messages) {
        String text = messages.help_console;
        if (node != null) {
            List<ConsoleNode> path = session.document().pathTo(node);
            for (int i = path.size() - 1; i >= 0; i--) {
                java.util.Optional<AddedSnapIn> snapIn = session.document().snapInOf(path.get(i));
                if (snapIn.isPresent()) {
                    String id = snapIn.get().snapInId();
                    text = registry == null ? snapIn.get().name()
                            : registry.find(id).map(s -> messages.help_snapIn.replace("{0}", s.name())
                                    .replace("{1}", s.version()).replace("{2}", s.vendor())
                                    .replace("{3}", s.description())).orElse(snapIn.get().name());
                    break;
                }
            }
        }
        MessageDialog.openInformation(shell, messages.help_title, text);
    }
}
