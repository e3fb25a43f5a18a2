package org.cairn.console.ui.internal.handlers;

import java.text.MessageFormat;

import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

import jakarta.inject.Named;

/** Help → About Cairn. */
public final class AboutHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, @Translation Messages messages) {
        String version = FrameworkUtil.getBundle(AboutHandler.class).getVersion().toString();
        MessageDialog.openInformation(shell, messages.about_title, MessageFormat.format(messages.about_text, version));
    }
}
