package org.cairn.certificates.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The Equinox application {@code org.cairn.certificates.cli.cert}: what {@code cairn cert ...} runs on the Equinox
 * launcher ({@code CAIRN_CLI_CONFIG=full}, or when Cairn's own launcher cannot be used; otherwise
 * {@link CertCommandService} runs it). It loads no SWT and no workbench; its result is the process's exit status.
 * This bundle imports {@code org.eclipse.equinox.app} optionally: without the application container this class is
 * never loaded.
 */
public final class CertApplication implements IApplication {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    /** For Equinox: the process's standard streams and environment. */
    public CertApplication() {
        this(System.in, System.out, System.err, System.getenv());
    }

    CertApplication(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        String[] args = (String[]) context.getArguments().getOrDefault(IApplicationContext.APPLICATION_ARGS, new String[0]);
        CertRun run = new CertRun(FrameworkUtil.getBundle(CertApplication.class).getBundleContext(), in, out, err, env);
        return Integer.valueOf(run.run(args));
    }

    @Override
    public void stop() {
        // the command runs to its end; there is nothing to interrupt safely in the middle of a store change
    }
}
