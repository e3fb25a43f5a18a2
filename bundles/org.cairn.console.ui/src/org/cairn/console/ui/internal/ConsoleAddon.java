package org.cairn.console.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.core.ConsoleFileException;
import org.cairn.console.core.ConsoleFiles;
import org.cairn.console.core.RecentConsoles;
import org.cairn.console.core.SnapInRegistry;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Application add-on: puts the {@link ConsoleSession} into the application context, where the parts and handlers
 * of the host receive it through injection, and opens the console file named on the command line
 * ({@code cairn servers.cairn}) before the window is drawn, telling the user afterwards what could not be loaded.
 */
public final class ConsoleAddon {

    private final List<String> problems = new ArrayList<>();
    private String failure;
    private Path commandLineFile;
    private SnapInRegistry registry;
    private ConsoleSession session;
    private Runnable registryListener;

    @PostConstruct
    public void start(IEclipseContext context, MApplication application, EModelService models,
            @org.eclipse.e4.core.di.annotations.Optional SnapInRegistry registry, UISynchronize sync,
            IEventBroker broker) {
        ConsoleSession session = new ConsoleSession();
        this.session = session;
        context.set(ConsoleSession.class, session);
        if (registry != null) {
            // Snap-ins whose bundles stop or start while a console is open: stand-ins replace their nodes and
            // give them back (the registry calls on the thread of the bundle event).
            this.registry = registry;
            registryListener = registry.addListener(
                    () -> sync.asyncExec(() -> followInstalledSnapIns(session, registry, application, broker)));
        }
        // The recent consoles live in this bundle's state location; handlers and menus receive the list by DI.
        RecentConsoles recent = new RecentConsoles(Platform.getStateLocation(FrameworkUtil.getBundle(getClass()))
                .toPath().resolve("recent-consoles.txt"));
        context.set(RecentConsoles.class, recent);
        Optional<Path> file = commandLineFile(Platform.getApplicationArgs());
        if (file.isEmpty()) {
            return;
        }
        commandLineFile = file.get();
        try {
            ConsoleFiles.ReadResult read = ConsoleFiles.read(commandLineFile);
            ConsoleDocument.Opened opened = ConsoleDocument.open(read.file(), commandLineFile,
                    id -> registry == null ? Optional.empty() : registry.find(id));
            session.replace(opened.document(), read.file().view(), read.file().window());
            problems.addAll(read.problems());
            problems.addAll(opened.problems());
            if (!application.getChildren().isEmpty()) {
                WindowLayouts.apply(read.file().window(), application.getChildren().get(0), models);
            }
            recent.add(commandLineFile);
        } catch (ConsoleFileException e) {
            failure = e.getMessage();
        }
    }

    private static void followInstalledSnapIns(ConsoleSession session, SnapInRegistry registry,
            MApplication application, IEventBroker broker) {
        Map<ConsoleNode, ConsoleNode> replaced = session.document().followInstalledSnapIns(registry::find);
        if (replaced.isEmpty()) {
            return;
        }
        Object selected = application.getChildren().isEmpty() ? null
                : application.getChildren().get(0).getContext().get(ConsoleIds.SELECTED_NODE);
        ConsoleNode replacement = selected == null ? null : replaced.get(selected);
        broker.send(Topics.STRUCTURE, replacement != null ? replacement : Topics.NO_NODE);
    }

    @PreDestroy
    public void stop() {
        if (session != null) {
            session.close(); // no snap-in keeps a connection open after the window
        }
        if (registry != null && registryListener != null) {
            registry.removeListener(registryListener);
        }
    }

    /** The last argument naming a console file, relative to the folder the console was started in. */
    static Optional<Path> commandLineFile(String[] arguments) {
        for (int i = arguments.length - 1; i >= 0; i--) {
            if (arguments[i].endsWith(ConsoleFiles.EXTENSION) && !arguments[i].startsWith("-")) {
                return Optional.of(Path.of(arguments[i]).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Object event, MApplication application,
            @Translation Messages messages) {
        if (commandLineFile == null || application.getChildren().isEmpty()) {
            return;
        }
        MWindow window = application.getChildren().get(0);
        Shell shell = window.getWidget() instanceof Shell s ? s : null;
        if (failure != null) {
            MessageDialog.openError(shell, messages.file_openTitle, failure);
        } else if (!problems.isEmpty()) {
            MessageDialog.openWarning(shell, messages.file_openTitle,
                    messages.file_openProblems.replace("{0}", commandLineFile.getFileName().toString()) + "\n\n"
                            + String.join("\n\n", problems));
        }
    }
}
