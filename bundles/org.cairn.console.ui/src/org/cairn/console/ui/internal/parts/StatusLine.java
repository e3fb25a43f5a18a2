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
