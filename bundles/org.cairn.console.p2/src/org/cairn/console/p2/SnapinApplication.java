package org.cairn.console.p2;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.FrameworkUtil;

/** The `cairn snapin` application (org.cairn.console.p2.snapin): headless, runs one command and exits. */
public final class SnapinApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] arguments = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return new SnapinCommand(FrameworkUtil.getBundle(SnapinApplication.class).getBundleContext(), System.out,
                System.err).run(arguments == null ? new String[0] : arguments);
    }

    @Override
    public void stop() {
        // one short command: nothing to interrupt
    }
}
