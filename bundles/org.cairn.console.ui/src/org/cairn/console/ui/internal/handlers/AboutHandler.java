package org.cairn.console.ui.internal.handlers;

import java.text.MessageFormat;

import org.cairn.console.api.SnapIn;
import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help → About Cairn: the version, and the installed snap-ins with their versions and vendors. */
public final class AboutHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Translation Messages messages,
            @Optional SnapInRegistry registry) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        StringBuilder text = new StringBuilder(MessageFormat.format(messages.about_text, version));
        text.append("\n\n").append(messages.about_snapIns);
        if (registry != null) {
            for (SnapIn snapIn : registry.snapIns()) {
                text.append('\n').append(MessageFormat.format(messages.about_snapIn, snapIn.name(), snapIn.version(),
                        snapIn.vendor()));
            }
        }
        MessageDialog.openInformation(shell, messages.about_title, text.toString());
    }
}
