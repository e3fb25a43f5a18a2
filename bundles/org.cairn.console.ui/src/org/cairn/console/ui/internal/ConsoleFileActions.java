package org.cairn.console.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.core.ConsoleFileException;
import org.cairn.console.core.ConsoleFiles;
import org.cairn.console.core.RecentConsoles;
import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.core.ViewState;
import org.cairn.console.core.WindowLayout;
import org.cairn.console.ui.internal.dialogs.FileNameDialog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

/**
 * New, Open, Save, Save As and "save changes?" for the console window: the dialogs around the console file
 * reading and writing of {@code org.cairn.console.core}. Made per call from what the handler received.
 */
public final class ConsoleFileActions {

    private final Shell shell;
    private final ConsoleSession session;
    private final MWindow window;
    private final EModelService models;
    private final IEventBroker broker;
    private final Messages messages;

    /**
     * @param shell    parent of the dialogs
     * @param session  the console
     * @param window   the main window (layout)
     * @param models   to find the panes
     * @param broker   to tell the parts
     * @param messages texts
     */
    public ConsoleFileActions(Shell shell, ConsoleSession session, MWindow window, EModelService models,
            IEventBroker broker, Messages messages) {
        this.shell = shell;
        this.session = session;
        this.window = window;
        this.models = models;
        this.broker = broker;
        this.messages = messages;
    }

    /** @return whether the user may go on: the console had no changes, was saved, or the user said No */
    public boolean confirmDiscard() {
        ConsoleDocument document = session.document();
        if (!document.isDirty()) {
            return true;
        }
        String name = document.fileName().orElse(messages.console_untitled);
        MessageDialog dialog = new MessageDialog(shell, ConsoleDocument.APPLICATION_NAME, null,
                messages.console_saveChanges.replace("{0}", name), MessageDialog.WARNING, 0,
                IDialogConstants.YES_LABEL, IDialogConstants.NO_LABEL, IDialogConstants.CANCEL_LABEL);
        return switch (dialog.open()) {
            case 0 -> save(false);
            case 1 -> true;
            default -> false;
        };
    }

    /** File → New: an empty console, after asking to save changes. */
    public void newConsole() {
        if (confirmDiscard()) {
            show(new ConsoleDocument(), ViewState.EMPTY, WindowLayout.DEFAULT);
        }
    }

    /** File → Open...: asks for a file, after asking to save changes. */
    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        FileNameDialog dialog = new FileNameDialog(shell, messages, messages.file_openTitle, false, "",
                List.of(new FileNameDialog.FileType(messages.file_typeConsole, ConsoleFiles.EXTENSION)),
                Optional.empty());
        if (dialog.open() == Window.OK) {
            open(dialog.file(), null);
        }
    }

    /**
     * Opens a console file (File → Open..., a recent console, the command line). A damaged file leaves the
     * current console as it is; snap-ins that could not be loaded are listed.
     *
     * @param registry the installed snap-ins; {@code null} to look them up again
     */
    public boolean open(Path file, SnapInRegistry registry) {
        SnapInRegistry snapIns = registry != null ? registry : window.getContext().get(SnapInRegistry.class);
        ConsoleFiles.ReadResult read;
        try {
            read = ConsoleFiles.read(file);
        } catch (ConsoleFileException e) {
            MessageDialog.openError(shell, messages.file_openTitle, e.getMessage());
            return false;
        }
        ConsoleDocument.Opened opened = ConsoleDocument.open(read.file(), file.toAbsolutePath(),
                id -> snapIns == null ? Optional.empty() : snapIns.find(id));
        show(opened.document(), read.file().view(), read.file().window());
        remember(file);
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(opened.problems());
        if (!problems.isEmpty()) {
            MessageDialog.openWarning(shell, messages.file_openTitle,
                    messages.file_openProblems.replace("{0}", file.getFileName().toString()) + "\n\n"
                            + String.join("\n\n", problems));
        }
        return true;
    }

    private void show(ConsoleDocument document, ViewState view, WindowLayout layout) {
        session.replace(document, view, layout);
        WindowLayouts.apply(layout, window, models);
        broker.send(Topics.DOCUMENT, document);
    }

    /**
     * File → Save (or Save As... when {@code askName} or the console has no file yet).
     *
     * @return whether it was saved
     */
    public boolean save(boolean askName) {
        ConsoleDocument document = session.document();
        Optional<Path> target = askName ? Optional.empty() : document.file();
        if (target.isEmpty()) {
            FileNameDialog dialog = new FileNameDialog(shell, messages, messages.file_saveAsTitle, true,
                    document.file().map(Path::toString).orElse(""),
                    List.of(new FileNameDialog.FileType(messages.file_typeConsole, ConsoleFiles.EXTENSION)),
                    Optional.empty());
            if (dialog.open() != Window.OK) {
                return false;
            }
            Path chosen = dialog.file();
            if (Files.exists(chosen) && !chosen.equals(document.file().orElse(null))
                    && !MessageDialog.openQuestion(shell, messages.file_saveAsTitle,
                            messages.file_replace.replace("{0}", chosen.toString()))) {
                return false;
            }
            target = Optional.of(chosen);
        }
        try {
            ConsoleFiles.write(target.get(), document.toFile(session.viewState(), WindowLayouts.capture(window, models)));
        } catch (ConsoleFileException e) {
            MessageDialog.openError(shell, messages.file_saveAsTitle, e.getMessage());
            return false;
        }
        document.markSaved(target.get());
        remember(target.get());
        broker.send(Topics.TITLE, Topics.NO_NODE);
        return true;
    }

    private void remember(Path file) {
        RecentConsoles recent = window.getContext().get(RecentConsoles.class);
        if (recent != null) {
            // The recent list is a convenience: a console that opened or saved is not a failure because of it.
            recent.addInBackground(file,
                    e -> Platform.getLog(FrameworkUtil.getBundle(ConsoleFileActions.class)).warn(e.getMessage(), e));
        }
    }
}
