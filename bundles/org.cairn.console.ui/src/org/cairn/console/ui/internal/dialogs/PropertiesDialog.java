package org.cairn.console.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.api.swt.AccessibleNames;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.InjectionException;
import org.eclipse.e4.core.services.contributions.IContributionFactory;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

/**
 * Action → Properties (Alt+Enter): a node's or item's {@link PropertySheet} on a General tab, then the pages other
 * bundles contribute for its type (part descriptors tagged {@code org.cairn.console.propertyPage}), each made
 * through e4 DI in a child of the window's context (the selection is there) with its tab's {@link Composite}; OK
 * and Apply apply the sheet and call each page's {@code @Persist} method; Cancel saves nothing.
 */
public final class PropertiesDialog extends Dialog {

    private static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;

    private final String title;
    private final Optional<PropertySheet> sheet;
    private final List<MPartDescriptor> pageDescriptors;
    private final IEclipseContext windowContext;
    private final Messages messages;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, String> applied = new LinkedHashMap<>();
    private final List<Page> pages = new ArrayList<>();
    private boolean changedSomething;

    /** A contributed page: the object DI made and the context it lives in. */
    private record Page(String label, Object object, IEclipseContext context) {
    }

    /**
     * @param parent          the parent shell
     * @param messages        texts
     * @param title           the dialog title
     * @param sheet           the node's or item's own properties, if it has any
     * @param pageDescriptors the pages other bundles contribute for its type
     * @param windowContext   the main window's context, holding the selection the pages receive
     */
    public PropertiesDialog(Shell parent, Messages messages, String title, Optional<PropertySheet> sheet,
            List<MPartDescriptor> pageDescriptors, IEclipseContext windowContext) {
        super(parent);
        this.messages = messages;
        this.title = title;
        this.sheet = sheet;
        this.pageDescriptors = List.copyOf(pageDescriptors);
        this.windowContext = windowContext;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(60), SWT.DEFAULT).applyTo(tabs);
        sheet.ifPresent(properties -> general(tabs, properties));
        for (MPartDescriptor descriptor : pageDescriptors) {
            TabItem tab = new TabItem(tabs, SWT.NONE);
            tab.setText(descriptor.getLocalizedLabel());
            Composite page = new Composite(tabs, SWT.NONE);
            page.setLayout(new FillLayout());
            tab.setControl(page);
            IEclipseContext context = windowContext.createChild("Properties page " + descriptor.getElementId());
            context.set(Composite.class, page);
            try {
                Object object = context.get(IContributionFactory.class).create(descriptor.getContributionURI(), context);
                if (object == null) {
                    throw new InjectionException("no class at " + descriptor.getContributionURI());
                }
                pages.add(new Page(descriptor.getLocalizedLabel(), object, context));
            } catch (InjectionException e) {
                // A broken extension costs its own tab only.
                context.dispose();
                for (Control child : page.getChildren()) {
                    child.dispose();
                }
                Label failed = new Label(page, SWT.WRAP);
                failed.setText(messages.properties_pageFailed.replace("{0}", String.valueOf(message(e))));
            }
        }
        return area;
    }

    private void general(TabFolder tabs, PropertySheet properties) {
        TabItem general = new TabItem(tabs, SWT.NONE);
        general.setText(messages.properties_general);
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        general.setControl(page);
        for (Property property : properties.properties()) {
            Label label = new Label(page, SWT.NONE);
            label.setText(property.label());
            Text value = AccessibleNames.labelledBy(label,
                    new Text(page, SWT.SINGLE | (property.editable() ? SWT.BORDER : SWT.READ_ONLY)));
            value.setText(property.value());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            applied.put(property.key(), property.value());
            if (property.editable()) {
                fields.put(property.key(), value);
            }
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        createButton(parent, APPLY_ID, messages.properties_apply, false)
                .setEnabled(!fields.isEmpty() || !pages.isEmpty());
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == APPLY_ID) {
            apply();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    @Override
    protected void okPressed() {
        if (apply()) {
            super.okPressed();
        }
    }

    @Override
    public boolean close() {
        // Disposing a page's context calls its @PreDestroy.
        for (Page page : pages) {
            page.context().dispose();
        }
        pages.clear();
        return super.close();
    }

    private boolean apply() {
        Map<String, String> changed = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            if (!field.getText().equals(applied.get(key))) {
                changed.put(key, field.getText());
            }
        });
        if (!changed.isEmpty()) {
            try {
                sheet.orElseThrow().apply(changed);
                applied.putAll(changed);
                changedSomething = true;
            } catch (ConsoleException e) {
                MessageDialog.openError(getShell(), title, e.getMessage());
                return false;
            }
        }
        for (Page page : pages) {
            try {
                ContextInjectionFactory.invoke(page.object(), Persist.class, page.context(), null);
            } catch (InjectionException e) {
                MessageDialog.openError(getShell(), title, page.label() + ": " + message(e));
                return false;
            }
        }
        return true;
    }

    /** The message of what the page threw (a ConsoleException is meant for the user as it is). */
    private static String message(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ConsoleException)) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    /** @return whether the node's or item's own properties changed */
    public boolean changedSomething() {
        return changedSomething;
    }
}
