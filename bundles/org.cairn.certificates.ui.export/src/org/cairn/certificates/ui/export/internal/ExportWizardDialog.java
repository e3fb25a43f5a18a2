package org.cairn.certificates.ui.export.internal;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;

/** The wizard's dialog: asks before an existing file is replaced when the user leaves "File to Export". */
public final class ExportWizardDialog extends WizardDialog {

    private final ExportWizard wizard;

    /**
     * @param parent the shell the wizard is modal to
     * @param wizard the Certificate Export Wizard
     */
    public ExportWizardDialog(Shell parent, ExportWizard wizard) {
        super(parent, wizard);
        this.wizard = wizard;
    }

    @Override
    protected void nextPressed() {
        if (getCurrentPage() == wizard.filePage() && !wizard.filePage().confirmOverwrite()) {
            return;
        }
        super.nextPressed();
    }
}
