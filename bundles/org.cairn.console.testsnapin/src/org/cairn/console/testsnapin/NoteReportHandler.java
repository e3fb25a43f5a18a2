package org.cairn.console.testsnapin;

import java.util.List;
import java.util.stream.Collectors;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ResultItem;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Action → All Tasks → Note Report... on selected notes: names the notes it received. */
public final class NoteReportHandler {

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        MessageDialog.openInformation(shell, "Note Report",
                "Notes: " + items.stream().map(item -> item.text("name")).collect(Collectors.joining(", ")));
    }
}
