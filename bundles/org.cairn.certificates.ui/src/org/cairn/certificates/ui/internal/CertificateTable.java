package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.ChainValidation;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Find Certificates' list: Windows' columns, a key on the icon of certificates with a private key, a red cross and
 * grey text for those that are not OK (the chain verdict when the caller has one, else their own dates), sorting by any column (click the heading again to
 * reverse), and a message instead of an empty table. The table is virtual: rows are filled only when shown, so
 * 10,000 certificates appear at once.
 */
public final class CertificateTable extends Composite {

    private final StackLayout stack = new StackLayout();
    private final Table table;
    private final Label empty;
    private final ResourceManager resources;
    private final List<CertificateColumn> columns = List.of(CertificateColumn.values());
    private CertificateEntry[] rows = new CertificateEntry[0];
    private CertificateColumn sortColumn = CertificateColumn.ISSUED_TO;
    private boolean ascending = true;
    private Instant now = Instant.now();
    private Optional<ChainVerdicts> verdicts = Optional.empty();

    /** @param parent the composite to fill */
    public CertificateTable(Composite parent) {
        super(parent, SWT.NONE);
        setLayout(stack);
        resources = new LocalResourceManager(JFaceResources.getResources(), this);
        table = new Table(this, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(false);
        for (CertificateColumn column : columns) {
            TableColumn tableColumn = new TableColumn(table, SWT.NONE);
            tableColumn.setText(column.title());
            tableColumn.setWidth(column.width());
            tableColumn.setMoveable(true);
            tableColumn.setData(column);
            tableColumn.addListener(SWT.Selection, event -> sortBy(column, column == sortColumn ? !ascending : true));
        }
        table.addListener(SWT.SetData, event -> fill((TableItem) event.item, event.index));
        empty = new Label(this, SWT.WRAP | SWT.CENTER);
        empty.setBackground(getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        stack.topControl = table;
        updateSortIndicator();
    }

    /**
     * Shows {@code entries} (kept in the current sort order), or {@code emptyMessage} when there are none.
     */
    public void setEntries(List<CertificateEntry> entries, String emptyMessage) {
        setEntries(entries, emptyMessage, Optional.empty());
    }

    /**
     * Shows {@code entries} with the chain verdicts of {@code verdicts} in the Status and Intended Purposes columns,
     * the icon and the grey text, as the console's list shows them (the certificates' own dates without verdicts).
     */
    void setEntries(List<CertificateEntry> entries, String emptyMessage, Optional<ChainVerdicts> verdicts) {
        this.verdicts = verdicts;
        now = Instant.now();
        rows = entries.toArray(CertificateEntry[]::new);
        sortRows();
        table.clearAll();
        table.setItemCount(rows.length);
        empty.setText("\n" + emptyMessage);
        stack.topControl = rows.length == 0 ? empty : table;
        layout(true);
    }

    /** Sorts by {@code column}, ascending or descending, keeping the selection. */
    public void sortBy(CertificateColumn column, boolean up) {
        List<CertificateEntry> selected = selection();
        sortColumn = column;
        ascending = up;
        sortRows();
        table.clearAll();
        updateSortIndicator();
        setSelection(selected);
    }

    private void sortRows() {
        Comparator<CertificateEntry> order = sortColumn.comparator();
        Arrays.sort(rows, ascending ? order : order.reversed());
    }

    private void updateSortIndicator() {
        for (TableColumn tableColumn : table.getColumns()) {
            if (tableColumn.getData() == sortColumn) {
                table.setSortColumn(tableColumn);
            }
        }
        table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
    }

    private void fill(TableItem item, int index) {
        CertificateEntry entry = rows[index];
        String[] texts = new String[columns.size()];
        Optional<ChainValidation> validation = verdicts.flatMap(known -> known.of(entry));
        for (int i = 0; i < texts.length; i++) {
            CertificateColumn column = columns.get(i);
            if (validation.isPresent() && column == CertificateColumn.STATUS) {
                texts[i] = StatusTexts.column(validation.get(), entry, now);
            } else if (validation.isPresent() && column == CertificateColumn.INTENDED_PURPOSES) {
                texts[i] = Formats.purposesOrNone(validation.get().purposes());
            } else {
                texts[i] = column.text(entry);
            }
        }
        item.setText(texts);
        boolean valid = validation.map(ChainValidation::ok).orElseGet(() -> entry.isValidAt(now));
        item.setImage(resources.create(Images.of(entry, valid).descriptor()));
        item.setData(entry);
        if (!valid) {
            Color grey = getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND);
            item.setForeground(grey);
        }
    }

    /** @return the rows in display order */
    public List<CertificateEntry> entries() {
        return List.of(rows);
    }

    /** @return the selected certificates, in display order */
    public List<CertificateEntry> selection() {
        List<CertificateEntry> selected = new ArrayList<>();
        for (int index : table.getSelectionIndices()) {
            selected.add(rows[index]);
        }
        return selected;
    }

    /** Selects {@code entries} (those that are listed). */
    public void setSelection(List<CertificateEntry> entries) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (entries.contains(rows[i])) {
                indices.add(i);
            }
        }
        table.setSelection(indices.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Calls {@code listener} with the selected certificates whenever the selection changes. */
    public void onSelection(Consumer<List<CertificateEntry>> listener) {
        table.addListener(SWT.Selection, event -> listener.accept(selection()));
    }

    /** Calls {@code listener} with the certificate opened by a double-click or Enter. */
    public void onOpen(Consumer<CertificateEntry> listener) {
        table.addListener(SWT.DefaultSelection, event -> {
            int index = table.getSelectionIndex();
            if (index >= 0) {
                listener.accept(rows[index]);
            }
        });
    }

    /** @return the table (for menus and focus) */
    public Table table() {
        return table;
    }

    @Override
    public boolean setFocus() {
        return stack.topControl.setFocus();
    }
}
