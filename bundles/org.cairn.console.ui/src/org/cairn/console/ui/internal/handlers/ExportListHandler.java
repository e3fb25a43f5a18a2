package org.cairn.console.ui.internal.handlers;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cairn.console.api.ResultItem;
import org.cairn.console.core.ConsoleFileException;
import org.cairn.console.core.ListExport;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.ShownList;
import org.cairn.console.ui.internal.dialogs.FileNameDialog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * Action → Export List...: the details pane's list to a tab- or comma-separated file, all rows or the selected.
 * <p>
 * A row's cells come from its snap-in, which may compute them (the Certificates snap-in's Status is a path
 * validation), and snap-ins are asked for cells on the UI thread only. So the cells are asked for in turns of the UI
 * thread of at most {@link #TURN_MS} ms each, from a thread of JFace's modal context that also writes the file;
 * between turns the window goes on drawing and answering. A progress dialog, with Cancel, shows
 * when the export takes longer than half a second. Cancel leaves the earlier file (if any) as it was.
 */
public final class ExportListHandler {

    /** How long one turn of the UI thread may ask rows for their cells. */
    static final long TURN_MS = 40;

    /** How long an export may take before the progress dialog shows. */
    private static final int PROGRESS_AFTER_MS = 500;

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
        List<String> ids = list.shownColumnIds();
        List<? extends ResultItem> rows = dialog.selectedOnly() ? list.selection().get() : list.items();
        try {
            write(shell, messages, dialog.file(), separator, list.headings(), ids, List.copyOf(rows));
        } catch (ConsoleFileException e) {
            MessageDialog.openError(shell, messages.export_title, e.getMessage());
        }
    }

    private static void write(Shell shell, Messages messages, Path file, ListExport.Separator separator,
            List<String> headings, List<String> ids, List<ResultItem> items) throws ConsoleFileException {
        Display display = shell.getDisplay();
        ProgressMonitorDialog progress = new ProgressMonitorDialog(shell);
        progress.setOpenOnRun(false);
        AtomicBoolean finished = new AtomicBoolean();
        display.timerExec(PROGRESS_AFTER_MS, () -> {
            Shell dialog = progress.getShell();
            if (!finished.get() && dialog != null && !dialog.isDisposed() && !dialog.isVisible()) {
                progress.open();
            }
        });
        try {
            progress.run(true, true, (IProgressMonitor monitor) -> {
                monitor.beginTask(messages.export_progress, items.size() + 1);
                List<List<String>> cells = new ArrayList<>(items.size());
                while (cells.size() < items.size()) {
                    if (monitor.isCanceled()) {
                        throw new InterruptedException();
                    }
                    int before = cells.size();
                    display.syncExec(() -> {
                        long until = System.nanoTime() + TURN_MS * 1_000_000L;
                        do { // at least one row a turn, however slow
                            ResultItem item = items.get(cells.size());
                            cells.add(ids.stream().map(item::text).toList());
                        } while (cells.size() < items.size() && System.nanoTime() < until);
                    });
                    monitor.worked(cells.size() - before);
                }
                try {
                    ListExport.write(file, separator, headings, cells);
                } catch (ConsoleFileException e) {
                    throw new InvocationTargetException(e);
                }
                monitor.done();
            });
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof ConsoleFileException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            // cancelled: nothing was written (the file is replaced only once all of it is written)
        } finally {
            finished.set(true);
        }
    }
}
