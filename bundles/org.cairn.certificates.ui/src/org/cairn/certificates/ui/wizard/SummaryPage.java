package org.cairn.certificates.ui.wizard;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * The last page of the certificate wizards, as Windows lays it out ("Completing the Certificate Export
 * Wizard"): what Finish will do, as a two-column list, filled each time the page is shown. Each column is as
 * wide as its longest text (long subjects and paths scroll sideways).
 */
public final class SummaryPage extends WizardPage {

    private static final int ROWS_SHOWN = 8;

    private final String settingsLabel;
    private final Supplier<List<String[]>> rows;
    private Table summary;

    /**
     * @param title         the page title
     * @param description   the page description
     * @param settingsLabel the line above the list ("You have specified the following settings:")
     * @param rows          the rows (setting, value), asked each time the page is shown
     */
    public SummaryPage(String title, String description, String settingsLabel, Supplier<List<String[]>> rows) {
        super("completing");
        this.settingsLabel = Objects.requireNonNull(settingsLabel, "settingsLabel");
        this.rows = Objects.requireNonNull(rows, "rows");
        setTitle(title);
        setDescription(description);
    }

    @Override
    public void createControl(Composite parent) {
        initializeDialogUnits(parent);
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label label = new Label(page, SWT.NONE);
        label.setText(settingsLabel);
        summary = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        summary.setLinesVisible(false);
        new TableColumn(summary, SWT.LEFT).setWidth(convertWidthInCharsToPixels(30));
        new TableColumn(summary, SWT.LEFT).setWidth(convertWidthInCharsToPixels(40));
        // Room for the seven settings of a PKCS #12 export without scrolling; longer values scroll sideways.
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(WelcomePage.TEXT_WIDTH_CHARS),
                        summary.getItemHeight() * ROWS_SHOWN + summary.getBorderWidth() * 2)
                .applyTo(summary);
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            summary.removeAll();
            for (String[] row : rows.get()) {
                new TableItem(summary, SWT.NONE).setText(row);
            }
            for (TableColumn column : summary.getColumns()) {
                column.pack();
            }
        }
        super.setVisible(visible);
    }
}
