package org.cairn.console.p2;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.core.UIServices;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * `cairn snapin install REPOSITORY FEATURE_ID | list | update [FEATURE_ID] | uninstall FEATURE_ID`, on the p2
 * profile of the installation this command runs from. Exit status 0 done, 1 refused or failed (nothing changed),
 * 2 wrong usage.
 */
final class SnapinCommand {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            Usage: cairn snapin install [--trust-unsigned] [--trust-signer CERTFILE]... REPOSITORY FEATURE_ID
                   cairn snapin list
                   cairn snapin update [--trust-unsigned] [--trust-signer CERTFILE]... [FEATURE_ID]
                   cairn snapin uninstall FEATURE_ID
            REPOSITORY is a p2 repository: a folder, a file: or jar:file: URL, or an https: URL.
            Only signed content from a trusted publisher is installed. --trust-signer names the certificate (PEM or
            DER) of a publisher you trust; --trust-unsigned also installs unsigned bundles.""";

    private final BundleContext context;
    private final PrintStream out;
    private final PrintStream err;

    SnapinCommand(BundleContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    int run(String[] arguments) {
        List<String> positional = new ArrayList<>();
        boolean trustUnsigned = false;
        Set<Certificate> signers = new HashSet<>();
        try {
            for (int i = 0; i < arguments.length; i++) {
                String argument = arguments[i];
                switch (argument) {
                    case "--help", "-h" -> {
                        out.println(USAGE_TEXT);
                        return OK;
                    }
                    case "--trust-unsigned" -> trustUnsigned = true;
                    case "--trust-signer" -> {
                        if (++i == arguments.length) {
                            return usage("--trust-signer needs the file of a certificate.");
                        }
                        signers.addAll(readCertificates(Path.of(arguments[i])));
                    }
                    default -> {
                        if (argument.startsWith("--")) {
                            return usage("Unknown option " + argument + ".");
                        }
                        positional.add(argument);
                    }
                }
            }
            if (positional.isEmpty()) {
                return usage("Name what to do: install, list, update or uninstall.");
            }
            String verb = positional.remove(0);
            CommandLineTrust trust = new CommandLineTrust(trustUnsigned, signers);
            switch (verb) {
                case "list" -> {
                    if (!positional.isEmpty()) {
                        return usage("list takes no arguments.");
                    }
                    return withSnapins(trust, snapins -> {
                        for (Snapins.Installed installed : snapins.list()) {
                            out.println(installed.id() + "\t" + installed.version() + "\t"
                                    + (installed.origin() == null ? "(part of Cairn)" : installed.origin()));
                        }
                    });
                }
                case "install" -> {
                    if (positional.size() != 2) {
                        return usage("install needs a repository and a feature id.");
                    }
                    URI repository = repository(positional.get(0));
                    String feature = positional.get(1);
                    return withSnapins(trust, snapins -> {
                        Snapins.Installed installed = snapins.install(repository, feature, new NullProgressMonitor());
                        out.println("Installed " + installed.id() + " " + installed.version() + " from "
                                + installed.origin() + ". Start the console again to use it.");
                    });
                }
                case "update" -> {
                    if (positional.size() > 1) {
                        return usage("update takes at most one feature id.");
                    }
                    String feature = positional.isEmpty() ? null : positional.get(0);
                    return withSnapins(trust, snapins -> {
                        List<Snapins.Installed> updated = snapins.update(feature, new NullProgressMonitor());
                        if (updated.isEmpty()) {
                            out.println("Everything is up to date.");
                        }
                        for (Snapins.Installed installed : updated) {
                            out.println("Updated " + installed.id() + " to " + installed.version() + ".");
                        }
                    });
                }
                case "uninstall" -> {
                    if (positional.size() != 1) {
                        return usage("uninstall needs a feature id.");
                    }
                    String feature = positional.get(0);
                    return withSnapins(trust, snapins -> {
                        Snapins.Installed removed = snapins.uninstall(feature, new NullProgressMonitor());
                        out.println("Removed " + removed.id() + " " + removed.version() + ".");
                    });
                }
                default -> {
                    return usage("Unknown command " + verb + ".");
                }
            }
        } catch (SnapinException e) {
            err.println("cairn snapin: " + e.getMessage());
            return FAILED;
        }
    }

    private interface Work {
        void run(Snapins snapins) throws SnapinException;
    }

    /**
     * The p2 bundles whose services p2 looks up (agent provider, transport, framework manipulator for bundles.info,
     * touchpoints, garbage collector). They are not started with the console, which never needs them; this command
     * starts them for its own run only (transiently: the configuration keeps them stopped).
     */
    private static final List<String> P2_BUNDLES = List.of("org.eclipse.equinox.p2.core",
            "org.eclipse.equinox.p2.engine", "org.eclipse.equinox.p2.director", "org.eclipse.equinox.p2.repository",
            "org.eclipse.equinox.p2.metadata.repository", "org.eclipse.equinox.p2.artifact.repository",
            "org.eclipse.equinox.p2.transport.ecf", "org.eclipse.ecf.provider.filetransfer",
            "org.eclipse.equinox.p2.touchpoint.eclipse", "org.eclipse.equinox.p2.touchpoint.natives",
            "org.eclipse.equinox.p2.garbagecollector", "org.eclipse.equinox.frameworkadmin.equinox",
            "org.eclipse.equinox.simpleconfigurator.manipulator");

    private void startP2() throws SnapinException {
        Set<String> missing = new HashSet<>(P2_BUNDLES);
        for (Bundle bundle : context.getBundles()) {
            if (missing.remove(bundle.getSymbolicName())) {
                try {
                    bundle.start(Bundle.START_TRANSIENT);
                } catch (BundleException e) {
                    throw new SnapinException("The p2 bundle " + bundle.getSymbolicName() + " of this installation "
                            + "does not start: " + e.getMessage() + ". Reinstall Cairn from its release archive.", e);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new SnapinException("This installation lacks the p2 bundles " + String.join(", ", missing.stream()
                    .sorted().toList()) + ", so snap-ins cannot be installed. Reinstall Cairn from its release archive.");
        }
    }

    private int withSnapins(CommandLineTrust trust, Work work) throws SnapinException {
        startP2();
        ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> tracker = new ServiceTracker<>(context,
                IProvisioningAgentProvider.class, null);
        tracker.open();
        IProvisioningAgent agent = null;
        try {
            IProvisioningAgentProvider provider = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (provider == null) {
                throw new SnapinException("The p2 runtime of this installation did not start (no provisioning agent "
                        + "provider). Reinstall Cairn from its release archive.");
            }
            agent = provider.createAgent(dataArea());
            agent.registerService(UIServices.SERVICE_NAME, trust);
            work.run(new Snapins(agent, profileId(), trust, context));
            return OK;
        } catch (ProvisionException e) {
            throw new SnapinException("Cannot open the p2 data of this installation: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SnapinException("Interrupted; nothing was changed.", e);
        } finally {
            if (agent != null) {
                agent.stop();
            }
            tracker.close();
        }
    }

    /** The installation's own p2 folder (not the configuration area, which the launch script may move). */
    private URI dataArea() throws SnapinException {
        String area = context.getProperty("eclipse.p2.data.area");
        String install = context.getProperty("osgi.install.area");
        if (install == null) {
            throw new SnapinException("The installation folder is not known (osgi.install.area is not set).");
        }
        try {
            Path root = Path.of(new URL(install).toURI());
            if (area != null && !area.startsWith("@config.dir")) {
                return new URL(area).toURI();
            }
            // no trailing slash: p2 writes it back into config.ini as @config.dir/../p2, as the build made it
            return URI.create(root.toUri().toString().replaceAll("/*$", "/") + "p2");
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new SnapinException("The installation folder " + install + " is not a local folder.", e);
        }
    }

    private String profileId() {
        String profile = context.getProperty("eclipse.p2.profile");
        return profile == null || profile.isBlank() ? "CairnProfile" : profile;
    }

    /** A folder, file:, jar:file: or https: (http: too, for a local test server); anything else is refused. */
    static URI repository(String text) throws SnapinException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:") || lower.startsWith("jar:file:") || lower.startsWith("https:")
                || lower.startsWith("http:")) {
            try {
                URI uri = new URI(text);
                if (lower.startsWith("jar:") && !text.endsWith("!/")) {
                    throw new SnapinException("A jar: repository address ends with !/ (for example jar:file:/tmp/"
                            + "site.zip!/); " + text + " does not.");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new SnapinException(text + " is not a valid address: " + e.getMessage(), e);
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !Path.of(text).isAbsolute()) {
            throw new SnapinException("Repositories are read from a folder, a file:, jar:file: or https: address, "
                    + "not " + text + ".");
        }
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return path.toUri();
        }
        if (Files.isRegularFile(path) && lower.endsWith(".zip")) {
            return URI.create("jar:" + path.toUri() + "!/");
        }
        throw new SnapinException("No repository at " + path + ": name the folder of a p2 repository (the one with "
                + "content.jar or content.xml), its .zip archive, or its address.");
    }

    private static List<Certificate> readCertificates(Path file) throws SnapinException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Certificate> certificates = new ArrayList<>(
                    CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (certificates.isEmpty()) {
                throw new SnapinException(file + " holds no certificate.");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new SnapinException("Cannot read the certificate " + file + ": " + e.getMessage()
                    + ". Name a PEM or DER certificate file.", e);
        }
    }

    private int usage(String problem) {
        err.println("cairn snapin: " + problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
