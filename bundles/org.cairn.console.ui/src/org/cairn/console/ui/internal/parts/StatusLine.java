package org.cairn.console.ui.internal.parts;

import java.text.MessageFormat;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.ui.internal.Messages;
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

/** The status bar at the bottom of the window: "Ready", or how many items the selected node has. */
public final class StatusLine {

    private Label text;
    private Messages messages;

    @PostConstruct
    public void createControls(Composite parent, @Translation Messages messages,
            @Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode selected) {
        this.messages = messages;
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(6, 2).applyTo(bar);
        text = new Label(bar, SWT.NONE);
        text.setText(messages.status_ready);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(text);
        nodeSelected(selected);
    }

    @Inject
    @Optional
    void nodeSelected(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node) {
        if (text != null && !text.isDisposed()) {
            int count = node == null ? 0 : node.children().size();
            text.setText(count == 0 ? messages.status_ready : MessageFormat.format(messages.status_items, count));
        }
    }
}
