package org.cairn.certificates.ui.importing.internal;

import org.cairn.certificates.ui.wizard.DialogSize;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Shell;

/**
 * The wizard's dialog: reads the file when the user leaves "File to Import" and opens it with the password when
 * the user leaves "Private key protection"; a file that cannot be read keeps the wizard on that page.
 */
public final class ImportWizardDialog extends WizardDialog {

    private final ImportWizard wizard;

    /**
     * @param parent the shell the wizard is modal to
     * @param wizard the Certificate Import Wizard
     */
    public ImportWizardDialog(Shell parent, ImportWizard wizard) {
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
        if (getCurrentPage() == wizard.filePage() && !wizard.leaveFilePage()) {
            return;
        }
        if (getCurrentPage() == wizard.keyPage() && !wizard.leaveKeyPage()) {
            return;
        }
        super.nextPressed();
    }
}
