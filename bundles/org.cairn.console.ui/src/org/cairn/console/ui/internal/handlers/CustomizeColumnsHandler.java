package org.cairn.console.ui.internal.handlers;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cairn.console.api.Column;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.ShownList;
import org.cairn.console.ui.internal.Topics;
import org.cairn.console.ui.internal.dialogs.CustomizeColumnsDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** View → Customize Columns...: shows, hides and reorders the columns of the list in the details pane. */
public final class CustomizeColumnsHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(ShownList.KEY) ShownList list) {
        return list != null;
    }

    @Execute
    public void execute(@Named(ShownList.KEY) ShownList list, ConsoleSession session, IEventBroker broker,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Translation Messages messages) {
        Map<String, Column> byId = list.columns().stream().collect(Collectors.toMap(Column::id, Function.identity()));
        List<CustomizeColumnsDialog.Entry> entries = list.layout().stream()
                .map(c -> new CustomizeColumnsDialog.Entry(c.id(), byId.get(c.id()).title(), c.width(), c.shown()))
                .toList();
        CustomizeColumnsDialog dialog = new CustomizeColumnsDialog(shell, messages, entries);
        if (dialog.open() == Window.OK) {
            session.setColumns(list.nodeTypeId(), dialog.layout());
            session.document().markDirty();
            broker.send(Topics.COLUMNS, list.nodeTypeId());
            broker.send(Topics.TITLE, Topics.NO_NODE);
        }
    }
}
