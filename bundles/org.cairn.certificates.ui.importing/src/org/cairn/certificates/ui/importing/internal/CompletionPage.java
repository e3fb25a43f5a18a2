package org.cairn.certificates.ui.importing.internal;

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
 * "Completing the Certificate Import Wizard": the store selected, the content and the file name as Windows lists
 * them, then the options and each certificate of the file with the store it goes to.
 */
final class CompletionPage extends WizardPage {

    private final ImportWizard wizard;
    private Table summary;

    CompletionPage(ImportWizard wizard) {
        super("completing");
        this.wizard = wizard;
        setTitle(wizard.messages().complete_title);
        setDescription(wizard.messages().complete_description);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        new Label(page, SWT.NONE).setText(wizard.messages().complete_settings);
        summary = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        summary.setLinesVisible(false);
        new TableColumn(summary, SWT.LEFT).setWidth(260);
        new TableColumn(summary, SWT.LEFT).setWidth(320);
        GridDataFactory.fillDefaults().grab(true, true).hint(560, 160).applyTo(summary);
        setControl(page);
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            summary.removeAll();
            for (String[] row : wizard.summary()) {
                new TableItem(summary, SWT.NONE).setText(row);
            }
            // Long subjects and paths: each column as wide as its longest text (the table scrolls sideways).
            for (TableColumn column : summary.getColumns()) {
                column.pack();
            }
        }
        super.setVisible(visible);
    }
}
