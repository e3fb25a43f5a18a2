package org.cairn.console.ui.internal.dialogs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;

/** Action → Properties (Alt+Enter): a node's or item's {@link PropertySheet} on a General tab; OK, Cancel, Apply. */
public final class PropertiesDialog extends Dialog {

    private static final int APPLY_ID = IDialogConstants.CLIENT_ID + 1;

    private final PropertySheet sheet;
    private final Messages messages;
    private final Map<String, Text> fields = new LinkedHashMap<>();
    private final Map<String, String> applied = new LinkedHashMap<>();
    private boolean changedSomething;

    /**
     * @param parent   the parent shell
     * @param messages texts
     * @param sheet    what to show
     */
    public PropertiesDialog(Shell parent, Messages messages, PropertySheet sheet) {
        super(parent);
        this.messages = messages;
        this.sheet = sheet;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(sheet.title());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).hint(420, SWT.DEFAULT).applyTo(tabs);
        TabItem general = new TabItem(tabs, SWT.NONE);
        general.setText(messages.properties_general);
        Composite page = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(page);
        general.setControl(page);
        for (Property property : sheet.properties()) {
            new Label(page, SWT.NONE).setText(property.label());
            Text value = new Text(page, SWT.SINGLE | (property.editable() ? SWT.BORDER : SWT.READ_ONLY));
            value.setText(property.value());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(value);
            applied.put(property.key(), property.value());
            if (property.editable()) {
                fields.put(property.key(), value);
            }
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        createButton(parent, APPLY_ID, messages.properties_apply, false).setEnabled(!fields.isEmpty());
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

    private boolean apply() {
        Map<String, String> changed = new LinkedHashMap<>();
        fields.forEach((key, field) -> {
            if (!field.getText().equals(applied.get(key))) {
                changed.put(key, field.getText());
            }
        });
        if (changed.isEmpty()) {
            return true;
        }
        try {
            sheet.apply(changed);
            applied.putAll(changed);
            changedSomething = true;
            return true;
        } catch (ConsoleException e) {
            MessageDialog.openError(getShell(), sheet.title(), e.getMessage());
            return false;
        }
    }

    /** @return whether anything was applied */
    public boolean changedSomething() {
        return changedSomething;
    }
}
