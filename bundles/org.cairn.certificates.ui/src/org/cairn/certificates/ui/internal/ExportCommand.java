package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ActionContext;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.model.application.ui.MContext;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

/**
 * The Certificate Export Wizard as the certificate dialog's "Copy to File..." button reaches it: the command
 * {@link CertificateUiIds#EXPORT_COMMAND}, run through e4's command and handler services with the certificates in
 * the static context under {@link CertificateUiIds#SELECTED_ENTRIES}. Whether it can run is the handler's answer,
 * so the button is disabled until a bundle contributes a handler.
 */
public final class ExportCommand {

    /** The shell data key under which e4's SWT renderer keeps a window's model element (its OWNING_ME). */
    private static final String OWNING_ME = "modelElement";

    private final ECommandService commands;
    private final EHandlerService handlers;
    /** Where the certificates are, when that is another computer: the export then runs there. */
    private final Optional<RemoteStore> remote;

    private ExportCommand(ECommandService commands, EHandlerService handlers, Optional<RemoteStore> remote) {
        this.commands = commands;
        this.handlers = handlers;
        this.remote = remote;
    }

    /**
     * @return this command for certificates of {@code store}: the handler learns the other computer when the
     *         store is one ({@link RemoteStore#CONTEXT_KEY})
     */
    public ExportCommand from(CertificateStore store) {
        return new ExportCommand(commands, handlers,
                store instanceof RemoteStore r ? Optional.of(r) : Optional.empty());
    }

    /** @return the export command of the e4 context {@code context}, when it has command and handler services */
    public static Optional<ExportCommand> in(IEclipseContext context) {
        ECommandService commands = context.get(ECommandService.class);
        EHandlerService handlers = context.get(EHandlerService.class);
        return commands == null || handlers == null ? Optional.empty()
                : Optional.of(new ExportCommand(commands, handlers, Optional.empty()));
    }

    /**
     * @return the export command of the console window an action runs in: the host's e4 context when it adapts to
     *         {@code IEclipseContext}, else the context of the window whose shell it gives (e4's renderer keeps the
     *         window's model element on its shell)
     */
    public static Optional<ExportCommand> of(ActionContext context) {
        return context.adapt(IEclipseContext.class)
                .or(() -> context.adapt(Shell.class).map(shell -> shell.getData(OWNING_ME))
                        .filter(MContext.class::isInstance).map(model -> ((MContext) model).getContext()))
                .flatMap(ExportCommand::in);
    }

    /** @return whether a handler is there and accepts {@code entries} */
    public boolean canExecute(List<CertificateEntry> entries) {
        return run(entries, Optional.empty(), false);
    }

    /**
     * Runs the export command on {@code entries}; nothing happens when no handler accepts them.
     *
     * @param parent the dialog asking for the export: the wizard opens over it, not over the console window
     */
    public void execute(List<CertificateEntry> entries, Shell parent) {
        run(entries, Optional.of(parent), true);
    }

    private boolean run(List<CertificateEntry> entries, Optional<Shell> parent, boolean execute) {
        ParameterizedCommand command = commands.createCommand(CertificateUiIds.EXPORT_COMMAND, null);
        if (command == null) {
            return false;
        }
        IEclipseContext selection = EclipseContextFactory.create("certificate dialog selection");
        try {
            selection.set(CertificateUiIds.SELECTED_ENTRIES, List.copyOf(entries));
            remote.ifPresent(store -> selection.set(RemoteStore.CONTEXT_KEY, store));
            parent.ifPresent(shell -> selection.set(IServiceConstants.ACTIVE_SHELL, shell));
            if (!handlers.canExecute(command, selection)) {
                return false;
            }
            if (execute) {
                handlers.executeHandler(command, selection);
            }
            return true;
        } finally {
            selection.dispose();
        }
    }
}
