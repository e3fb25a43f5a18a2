package org.cairn.console.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.List;

import org.cairn.console.core.ColumnState;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

/**
 * View → Customize Columns...: which columns of the details pane are shown, and in what order (check boxes,
 * Move Up, Move Down).
 */
public final class CustomizeColumnsDialog extends Dialog {

    /** A column as the dialog shows it. */
    public record Entry(String id, String title, int width, boolean shown) {
    }

    private final Messages messages;
    private final List<Entry> entries;
    private Table table;
    private List<ColumnState> result = List.of();

    /**
     * @param parent   the parent shell
     * @param messages texts
     * @param entries  the columns in their current order
     */
    public CustomizeColumnsDialog(Shell parent, Messages messages, List<Entry> entries) {
        super(parent);
        this.messages = messages;
        this.entries = new ArrayList<>(entries);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.columns_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(messages.columns_intro);
        GridDataFactory.fillDefaults().span(2, 1).hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(intro);
        table = new Table(area, SWT.CHECK | SWT.SINGLE | SWT.BORDER | SWT.FULL_SELECTION);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(30), convertHeightInCharsToPixels(12)).applyTo(table);
        Composite buttons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, messages.addRemove_moveUp, -1);
        button(buttons, messages.addRemove_moveDown, 1);
        fill(0);
        return area;
    }

    private void button(Composite parent, String text, int offset) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().applyTo(button);
        button.addListener(SWT.Selection, event -> {
            int index = table.getSelectionIndex();
            int target = index + offset;
            if (index >= 0 && target >= 0 && target < entries.size()) {
                capture();
                entries.add(target, entries.remove(index));
                fill(target);
            }
        });
    }

    private void fill(int selection) {
        table.removeAll();
        for (Entry entry : entries) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(entry.title());
            item.setChecked(entry.shown());
        }
        table.setSelection(selection);
    }

    private void capture() {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            entries.set(i, new Entry(e.id(), e.title(), e.width(), table.getItem(i).getChecked()));
        }
    }

    @Override
    protected void okPressed() {
        capture();
        if (entries.stream().noneMatch(Entry::shown)) {
            MessageDialog.openError(getShell(), messages.columns_title,
                    messages.columns_atLeastOne);
            return;
        }
        result = entries.stream().map(e -> new ColumnState(e.id(), e.width(), e.shown())).toList();
        super.okPressed();
    }

    /** @return the new layout, after OK */
    public List<ColumnState> layout() {
        return result;
    }
}
