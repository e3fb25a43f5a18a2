package org.cairn.certificates.ui.importing.internal;

import java.text.MessageFormat;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.importing.StoreChoice;
import org.cairn.certificates.ui.wizard.WelcomePage;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * "Certificate Store": automatic placement (with its key → Personal, self-signed CA → Trusted Root Certification
 * Authorities, other CA → Intermediate Certification Authorities, else Other People) or one store chosen with
 * Browse.... The default is the store the wizard was started from, else automatic. A store the account may not add
 * to keeps Next disabled, and the page gives the store's reason.
 */
final class StorePage extends WizardPage {

    private final ImportWizard wizard;
    private Button automatic;
    private Button place;
    private Label storeLabel;
    private Text storeName;
    private Button browse;
    private Label reason;
    private SelectStoreDialog.Selection chosen;

    StorePage(ImportWizard wizard) {
        super("store");
        this.wizard = wizard;
        setTitle(wizard.messages().store_title);
        setDescription(wizard.messages().store_description);
        chosen = wizard.startedFrom().map(store -> new SelectStoreDialog.Selection(store, Optional.empty())).orElse(null);
    }

    @Override
    public void createControl(Composite parent) {
        Messages m = wizard.messages();
        initializeDialogUnits(parent);
        int width = convertWidthInCharsToPixels(WelcomePage.TEXT_WIDTH_CHARS);
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(2, false));
        Label text = new Label(page, SWT.WRAP);
        text.setText(m.store_text);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(width, SWT.DEFAULT).applyTo(text);
        automatic = new Button(page, SWT.RADIO);
        automatic.setText(m.store_automatic);
        GridDataFactory.fillDefaults().span(2, 1).indent(12, 12).applyTo(automatic);
        place = new Button(page, SWT.RADIO);
        place.setText(m.store_place);
        GridDataFactory.fillDefaults().span(2, 1).indent(12, 4).applyTo(place);
        storeLabel = new Label(page, SWT.NONE);
        storeLabel.setText(m.store_label);
        GridDataFactory.fillDefaults().span(2, 1).indent(32, 4).applyTo(storeLabel);
        storeName = AccessibleNames.labelledBy(storeLabel, new Text(page, SWT.BORDER | SWT.READ_ONLY));
        GridDataFactory.fillDefaults().grab(true, false).indent(32, 0)
                .hint(convertWidthInCharsToPixels(40), SWT.DEFAULT).applyTo(storeName);
        browse = new Button(page, SWT.PUSH);
        browse.setText(m.store_browse);
        browse.addListener(SWT.Selection, event -> browse());
        reason = new Label(page, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 16)
                .hint(width, SWT.DEFAULT).applyTo(reason);
        boolean startedFromStore = wizard.startedFrom().isPresent();
        automatic.setSelection(!startedFromStore);
        place.setSelection(startedFromStore);
        automatic.addListener(SWT.Selection, event -> update());
        place.addListener(SWT.Selection, event -> update());
        setControl(page);
        update();
    }

    @Override
    public void setVisible(boolean visible) {
        if (visible) {
            update(); // the file (and so where automatic placement puts it) may have changed
        }
        super.setVisible(visible);
    }

    private void browse() {
        SelectStoreDialog dialog = new SelectStoreDialog(getShell(), wizard.messages(), Optional.ofNullable(chosen),
                wizard::physicalStores);
        if (dialog.open() == Window.OK) {
            chosen = dialog.selected().orElse(chosen);
            update();
        }
    }

    private void update() {
        boolean placing = place.getSelection();
        storeLabel.setEnabled(placing);
        storeName.setEnabled(placing);
        browse.setEnabled(placing);
        storeName.setText(chosen == null ? "" : chosen.displayName());
        if (placing && chosen == null) {
            reason.setText("");
            setErrorMessage(null);
            setMessage(wizard.messages().store_required);
            setPageComplete(false);
            return;
        }
        Optional<ImportWizard.Refusal> denied = wizard.whyCannotImport(choice());
        setMessage(null);
        setErrorMessage(denied.map(why -> MessageFormat.format(wizard.messages().store_denied,
                why.store().displayName())).orElse(null));
        reason.setText(denied.map(why -> MessageFormat.format(wizard.messages().store_reason, why.denial().message()))
                .orElse(""));
        reason.getParent().layout(true);
        setPageComplete(denied.isEmpty());
    }

    /** @return where the certificates go */
    StoreChoice choice() {
        // Before the page is built, the default: the store the wizard was started from, if any.
        boolean placing = place == null ? chosen != null : place.getSelection();
        if (!placing || chosen == null) {
            return StoreChoice.automatic();
        }
        return chosen.physical().map(p -> StoreChoice.chosen(chosen.store(), p.name()))
                .orElse(StoreChoice.chosen(chosen.store()));
    }

    /** @return the physical store chosen with "Show physical stores", if one was */
    Optional<PhysicalStoreInfo> physical() {
        return choice() instanceof StoreChoice.InPhysicalStore && chosen != null ? chosen.physical() : Optional.empty();
    }
}
