package org.cairn.certificates.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.importing.CertificateImportService;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * One run of {@code cairn cert ...} inside a framework, whichever way it was started (the Equinox application
 * {@link CertApplication} or the command service {@link CertCommandService} that Cairn's own launcher calls): the
 * certificate services, each waited for only when a subcommand needs it, and {@link CertCommand} on the given streams.
 */
final class CertRun {

    /** How long to wait for the services to come up before giving up. */
    static final long SERVICE_TIMEOUT_SECONDS = 30;

    private final BundleContext bundles;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    CertRun(BundleContext bundles, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.bundles = bundles;
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /** @return the process's exit status */
    int run(String[] args) {
        List<ServiceTracker<?, ?>> trackers = new ArrayList<>();
        try {
            Io io = new Io(in, out, err, in == System.in ? Optional.ofNullable(System.console()) : Optional.empty(), env);
            int status = new CertCommand(() -> services(trackers), io).run(Arrays.asList(args));
            out.flush();
            return status;
        } catch (RuntimeException | LinkageError e) {
            // outside the command (the streams, the service trackers): still a message and a failure status, not
            // an exception that the framework only logs while the process exits 0
            // nothing else records it: the trace with --debug, as the commands' own internal errors
            boolean debug = Arrays.asList(args).contains("--debug");
            err.println("cairn cert: internal error (" + e.getClass().getSimpleName() + "): the command line could "
                    + "not start. " + (debug ? "Details:" : "Run the command again with --debug to see the details,"
                    + " and report it."));
            if (debug) {
                e.printStackTrace(err);
            }
            return CertCommand.INTERNAL;
        } finally {
            trackers.forEach(ServiceTracker::close);
        }
    }

    /**
     * @return the services, each waited for when a subcommand first asks for it (30 seconds at most from this call):
     *         a subcommand activates only the services it uses
     */
    private CliServices services(List<ServiceTracker<?, ?>> trackers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SERVICE_TIMEOUT_SECONDS);
        return new CliServices(() -> need(CertificateStoreService.class, deadline, trackers),
                () -> need(CertificateFactoryService.class, deadline, trackers),
                () -> need(CertificateImportService.class, deadline, trackers),
                () -> need(CertificateExportService.class, deadline, trackers));
    }

    private <T> T need(Class<T> type, long deadline, List<ServiceTracker<?, ?>> trackers) throws CommandException {
        try {
            T service = await(type, deadline, trackers);
            if (service == null) {
                throw new CommandException("the certificate services did not start within " + SERVICE_TIMEOUT_SECONDS
                        + " seconds (" + type.getSimpleName() + " is missing); the installation may be incomplete "
                        + "(org.cairn.certificates.core, org.cairn.certificates.importing, "
                        + "org.cairn.certificates.export, the preferences service and Felix SCR must be started).");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandException("interrupted while waiting for the certificate services", e);
        }
    }

    private <T> T await(Class<T> type, long deadline, List<ServiceTracker<?, ?>> trackers) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundles, type, null);
        tracker.open();
        trackers.add(tracker);
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        return tracker.waitForService(left);
    }
}
