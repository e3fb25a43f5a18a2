package org.cairn.certificates.ui.importing.internal;

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

    /** Wide and tall enough for the longest page (the import options) without clipping or wrapping a check box. */
    @Override
    protected Point getInitialSize() {
        Point computed = super.getInitialSize();
        return new Point(Math.max(computed.x, 720), Math.max(computed.y, 560));
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
