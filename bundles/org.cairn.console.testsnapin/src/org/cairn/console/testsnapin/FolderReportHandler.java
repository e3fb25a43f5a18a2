package org.cairn.console.testsnapin;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Action → All Tasks → Folder Report... on a Folder node: says which node and how many items it received. */
public final class FolderReportHandler {

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Named(ConsoleIds.SELECTED_NODE_TYPE) String nodeType,
            @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        MessageDialog.openInformation(shell, "Folder Report",
                "Folder " + node.label() + " (" + nodeType + "), " + items.size() + " item(s) selected.");
    }
}
