package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/** A table (SWTBot's {@code SWTBotTable}); rows and columns count from 0. */
public final class SWTBotTable extends AbstractSWTBot<Table> {

    /** Wraps {@code table}. */
    public SWTBotTable(Table table) {
        super(table);
    }

    /** @return the number of rows */
    public int rowCount() {
        return syncExec(widget::getItemCount);
    }

    /** @return the number of columns (0 for a table without TableColumns) */
    public int columnCount() {
        return syncExec(widget::getColumnCount);
    }

    /** @return the column headers, left to right in creation order */
    public List<String> columns() {
        return syncExec(() -> Arrays.stream(widget.getColumns()).map(TableColumn::getText).toList());
    }

    /** @return the text at {@code row}, {@code column} */
    public String cell(int row, int column) {
        return syncExec(() -> {
            checkRow(row);
            if (column < 0 || column >= Math.max(1, widget.getColumnCount())) {
                throw new IllegalArgumentException("Column " + column + " does not exist; the table has "
                        + widget.getColumnCount() + " columns " + columns());
            }
            return widget.getItem(row).getText(column);
        });
    }

    /** @return the text at {@code row} in the column headed {@code column} */
    public String cell(int row, String column) {
        int index = columns().indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("No column '" + column + "'; the columns are " + columns());
        }
        return cell(row, index);
    }

    /** @return the row whose first cell is {@code text}, or -1 */
    public int indexOf(String text) {
        return syncExec(() -> {
            TableItem[] items = widget.getItems();
            for (int i = 0; i < items.length; i++) {
                if (Widgets.textMatches(items[i].getText(), text)) {
                    return i;
                }
            }
            return -1;
        });
    }

    /** @return whether a row's first cell is {@code text} */
    public boolean containsItem(String text) {
        return indexOf(text) >= 0;
    }

    /** Selects {@code rows} and sends SWT.Selection for the first. */
    public SWTBotTable select(int... rows) {
        syncExec(() -> Arrays.stream(rows).forEach(this::checkRow));
        post(() -> {
            widget.setSelection(rows);
            Event event = new Event();
            event.item = rows.length > 0 ? widget.getItem(rows[0]) : null;
            widget.notifyListeners(SWT.Selection, event);
        });
        return this;
    }

    /** Selects the rows whose first cells are {@code texts}. */
    public SWTBotTable select(String... texts) {
        int[] rows = Arrays.stream(texts).mapToInt(text -> {
            int row = indexOf(text);
            if (row < 0) {
                throw new IllegalArgumentException("No row '" + text + "'; first cells are " + firstCells());
            }
            return row;
        }).toArray();
        return select(rows);
    }

    /** Selects {@code row}, then sends SWT.DefaultSelection (JFace's double-click). */
    public SWTBotTable doubleClick(int row) {
        select(row);
        post(() -> {
            Event event = new Event();
            event.item = widget.getItem(row);
            widget.notifyListeners(SWT.DefaultSelection, event);
        });
        return this;
    }

    /** @return the number of selected rows */
    public int selectionCount() {
        return syncExec(widget::getSelectionCount);
    }

    private void checkRow(int row) {
        if (row < 0 || row >= widget.getItemCount()) {
            throw new IllegalArgumentException("Row " + row + " does not exist; the table has "
                    + widget.getItemCount() + " rows");
        }
    }

    private List<String> firstCells() {
        return syncExec(() -> Arrays.stream(widget.getItems()).map(TableItem::getText).toList());
    }
}
