package org.cairn.console.ui.internal.handlers;

import java.util.List;
import java.util.Optional;

import org.cairn.console.core.ConsoleFileException;
import org.cairn.console.core.ListExport;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.ShownList;
import org.cairn.console.ui.internal.dialogs.FileNameDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Action → Export List...: the details pane's list to a tab- or comma-separated file, all rows or the selected. */
public final class ExportListHandler {

    @CanExecute
    public boolean canExecute(@org.eclipse.e4.core.di.annotations.Optional @Named(ShownList.KEY) ShownList list) {
        return list != null;
    }

    @Execute
    public void execute(@Named(ShownList.KEY) ShownList list, @Named(IServiceConstants.ACTIVE_SHELL) Shell shell,
            @Translation Messages messages) {
        boolean anySelected = !list.selection().get().isEmpty();
        FileNameDialog dialog = new FileNameDialog(shell, messages, messages.export_title, true, "",
                List.of(new FileNameDialog.FileType(messages.export_typeTab, ".txt"),
                        new FileNameDialog.FileType(messages.export_typeComma, ".csv")),
                anySelected ? Optional.of(messages.export_selectedOnly) : Optional.empty());
        if (dialog.open() != Window.OK) {
            return;
        }
        ListExport.Separator separator = dialog.typeIndex() == 1 || dialog.file().toString().endsWith(".csv")
                ? ListExport.Separator.COMMA : ListExport.Separator.TAB;
        try {
            ListExport.write(dialog.file(), separator, list.headings(), list.rows(dialog.selectedOnly()));
        } catch (ConsoleFileException e) {
            MessageDialog.openError(shell, messages.export_title, e.getMessage());
        }
    }
}
