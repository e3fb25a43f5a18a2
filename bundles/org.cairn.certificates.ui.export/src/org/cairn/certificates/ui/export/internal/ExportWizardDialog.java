package org.cairn.certificates.ui.export.internal;

import org.cairn.certificates.ui.wizard.DialogSize;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.Point;
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

    /** As large as the largest page needs, whatever the font and the texts' language. */
    @Override
    protected Point getInitialSize() {
        return DialogSize.preferred(getShell());
    }

    @Override
    protected void nextPressed() {
        if (getCurrentPage() == wizard.filePage() && !wizard.filePage().confirmOverwrite()) {
            return;
        }
        super.nextPressed();
    }
}
