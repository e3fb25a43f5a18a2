package org.cairn.console.ui.internal.parts;

import java.text.MessageFormat;

import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.ShownList;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The status bar at the bottom of the window: "Ready", or how many items the details pane lists. */
public final class StatusLine {

    private Label text;
    private Messages messages;

    @PostConstruct
    public void createControls(Composite parent, @Translation Messages messages,
            @Optional @Named(ShownList.KEY) ShownList shown) {
        this.messages = messages;
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 2).applyTo(bar);
        text = new Label(bar, SWT.NONE);
        text.setText(messages.status_ready);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
        listShown(shown);
        // The window's first layout runs before the renderer adds the menu bar, which takes height from the client
        // area without a Resize event where no window manager sends one (Xvfb, some kiosks): the bottom trim then
        // sits below the visible area. Lay the window out once more when the start-up rendering is done.
        Shell shell = parent.getShell();
        parent.getDisplay().asyncExec(() -> {
            if (!shell.isDisposed()) {
                shell.layout(true, true);
            }
        });
    }

    @Inject
    @Optional
    void listShown(@Named(ShownList.KEY) ShownList shown) {
        if (text != null && !text.isDisposed()) {
            int count = shown == null ? 0 : shown.items().size();
            text.setText(count == 0 ? messages.status_ready : MessageFormat.format(messages.status_items, count));
        }
    }
}
