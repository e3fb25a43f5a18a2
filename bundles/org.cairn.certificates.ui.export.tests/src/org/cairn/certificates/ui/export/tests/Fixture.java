package org.cairn.certificates.ui.export.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.process.Repository;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What the tests need around the wizard: the running application's services, real stores (under
 * {@code -Dcairn.store.root}) with demo chains in them, the export command run with a selection, and the
 * independent PFX reader.
 */
final class Fixture {

    static final String COMMAND = "org.cairn.certificates.command.export";
    static final String SELECTED_ENTRIES = "org.cairn.certificates.selectedEntries";

    private Fixture() {
    }

    static <T> T service(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Fixture.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(20_000);
            if (service == null) {
                throw new AssertionError("No " + type.getName() + " service within 20 s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static CertificateStore store(Scope scope) throws Exception {
        return service(CertificateStoreService.class).open(scope);
    }

    /** Installs a new demo chain (root, intermediate, leaf with its key in Personal) and returns the leaf. */
    static CertificateEntry demoLeaf(CertificateStore store) throws Exception {
        CertificateFactoryService factory = service(CertificateFactoryService.class);
        String name = "Export Test " + UUID.randomUUID().toString().substring(0, 8);
        return factory.install(store, factory.createDemoChain(name, KeyAlgorithm.EC_P256));
    }

    /** @return a new empty folder for the files of one test */
    static Path exportFolder(String test) throws IOException {
        Path base = Path.of(System.getProperty("cairn.store.root", "target/stores")).toAbsolutePath()
                .resolveSibling("exports");
        Path folder = base.resolve(test + "-" + UUID.randomUUID().toString().substring(0, 8));
        Files.createDirectories(folder);
        return folder;
    }

    static IEclipseContext applicationContext() {
        return service(IWorkbench.class).getApplication().getContext();
    }

    /** @return whether the export command's handler accepts {@code entries} as the selection */
    static boolean canExport(SWTBot bot, List<?> entries) {
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            IEclipseContext app = applicationContext();
            ParameterizedCommand command = app.get(ECommandService.class).createCommand(COMMAND, null);
            IEclipseContext selection = EclipseContextFactory.create("export test selection");
            try {
                selection.set(SELECTED_ENTRIES, entries);
                return command != null && app.get(EHandlerService.class).canExecute(command, selection);
            } finally {
                selection.dispose();
            }
        });
    }

    /**
     * Runs the export command on {@code entry} the way the certificate dialog's "Copy to File..." does, over the
     * console window, and returns the wizard once it is open.
     */
    static ExportWizardBot openWizard(SWTBot bot, Shell window, CertificateEntry entry) {
        UIThreadRunnable.asyncExec(bot.display(), () -> {
            IEclipseContext app = applicationContext();
            ParameterizedCommand command = app.get(ECommandService.class).createCommand(COMMAND, null);
            IEclipseContext selection = EclipseContextFactory.create("export test selection");
            selection.set(SELECTED_ENTRIES, List.of(entry));
            selection.set(IServiceConstants.ACTIVE_SHELL, window);
            try {
                app.get(EHandlerService.class).executeHandler(command, selection);
            } finally {
                selection.dispose();
            }
        });
        return new ExportWizardBot(bot);
    }

    /** The result of running the repository's {@code releng/pfx-readers}: exit code and output. */
    record Check(int exitCode, String output) {
    }

    /**
     * Runs the repository's PFX interoperability check (openssl, keytool, pk12util, certtool, python cryptography) on
     * {@code file}, passing the password through the environment, never on the command line.
     */
    static Check pfxInteropCheck(Path file, String password, int expectedCertificates) throws Exception {
        Path tool = Repository.file("releng/pfx-readers");
        ProcessBuilder builder = new ProcessBuilder(tool.toString(), "--password-env", "MYPW", "--expect-certs",
                Integer.toString(expectedCertificates), file.toString()).redirectErrorStream(true);
        builder.environment().put("MYPW", password);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("pfx-readers did not finish within 5 minutes");
        }
        return new Check(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
