package org.cairn.console.p2.ui;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Help → Install Snap-ins...: opens {@link InstallSnapinsDialog}. */
public final class InstallSnapinsHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell) {
        new InstallSnapinsDialog(shell, Installation.current()).open();
    }
}
