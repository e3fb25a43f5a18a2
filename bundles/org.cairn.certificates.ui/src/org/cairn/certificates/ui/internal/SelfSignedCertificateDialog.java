package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;

/**
 * Action → All Tasks → Create Self-Signed Certificate...: gathers a {@link CertificateRequest} (subject, key type,
 * validity, purposes, friendly name, exportable key) and has {@link CertificateFactoryService#createSelfSignedIn}
 * create the key pair and certificate in the chosen store. A refused or failed creation shows its reason and
 * keeps what was typed.
 * <p>
 * OK runs the creation in the background (an RSA-4096 key takes seconds, the store's lock may be held by another
 * program), with a progress bar and the form disabled meanwhile. Cancel during the key generation drops the key and
 * adds nothing; once the certificate is being stored, it is no longer offered.
 */
public final class SelfSignedCertificateDialog extends TitleAreaDialog {

    private static final List<KeyAlgorithm> KEY_TYPES = List.of(KeyAlgorithm.RSA_2048, KeyAlgorithm.RSA_3072,
            KeyAlgorithm.RSA_4096, KeyAlgorithm.EC_P256, KeyAlgorithm.EC_P384, KeyAlgorithm.ED25519);
    private static final List<Purpose> PURPOSES = List.of(Purpose.SERVER_AUTHENTICATION,
            Purpose.CLIENT_AUTHENTICATION, Purpose.CODE_SIGNING, Purpose.SECURE_EMAIL, Purpose.DOCUMENT_SIGNING,
            Purpose.TIME_STAMPING);

    private final CertificateFactoryService factory;
    private final CertificateStore store;
    private final LogicalStore target;
    private Text subject;
    private Combo keyType;
    private Spinner years;
    private final Map<Purpose, Button> purposes = new LinkedHashMap<>();
    private Text friendlyName;
    private Button exportable;
    private CertificateEntry created;
    private Composite form;
    private ProgressBar progress;
    private DialogWork work;
    /** Where a creation stands; the background thread and Cancel agree on it, so Cancel never loses a stored key. */
    private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.EDITING);

    private enum Stage {
        EDITING, GENERATING, STORING, CANCELED
    }

    /**
     * @param parent  the shell the dialog is modal to
     * @param factory creates the certificate
     * @param store   the scope's store
     * @param target  the logical store the certificate goes into (Personal from the snap-in)
     */
    public SelfSignedCertificateDialog(Shell parent, CertificateFactoryService factory, CertificateStore store,
            LogicalStore target) {
        super(parent);
        this.factory = factory;
        this.store = store;
        this.target = target;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** @return the created entry, once OK succeeded */
    public Optional<CertificateEntry> created() {
        return Optional.ofNullable(created);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("selfSigned.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.get("selfSigned.title"));
        setMessage(Messages.format("selfSigned.message", target.displayName()));
        form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(form);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(form);

        subject = AccessibleNames.labelledBy(label(form, "selfSigned.subject"), new Text(form, SWT.BORDER));
        subject.setMessage(Messages.get("selfSigned.subject.hint"));
        subject.setToolTipText(Messages.get("selfSigned.subject.hint"));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                .hint(convertWidthInCharsToPixels(45), SWT.DEFAULT).applyTo(subject);

        keyType = AccessibleNames.labelledBy(label(form, "selfSigned.keyType"), new Combo(form, SWT.READ_ONLY));
        KEY_TYPES.forEach(algorithm -> keyType.add(algorithm.displayName()));
        keyType.select(KEY_TYPES.indexOf(KeyAlgorithm.RSA_2048));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(keyType);

        years = AccessibleNames.labelledBy(label(form, "selfSigned.validity"), new Spinner(form, SWT.BORDER));
        years.setValues(1, 1, 30, 0, 1, 5);
        new Label(form, SWT.NONE).setText(Messages.get("selfSigned.validity.years"));

        Label purposesLabel = label(form, "selfSigned.purposes");
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 6).applyTo(purposesLabel);
        Composite checks = new Composite(form, SWT.NONE);
        GridDataFactory.fillDefaults().span(3, 1).indent(12, 0).applyTo(checks);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(20, 4).applyTo(checks);
        for (Purpose purpose : PURPOSES) {
            Button check = new Button(checks, SWT.CHECK);
            check.setText(purpose.displayName());
            purposes.put(purpose, check);
        }
        purposes.get(Purpose.SERVER_AUTHENTICATION).setSelection(true);
        purposes.get(Purpose.CLIENT_AUTHENTICATION).setSelection(true);

        Label nameLabel = label(form, "selfSigned.friendlyName");
        GridDataFactory.swtDefaults().indent(0, 6).applyTo(nameLabel);
        friendlyName = AccessibleNames.labelledBy(nameLabel, new Text(form, SWT.BORDER));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(0, 6).applyTo(friendlyName);

        exportable = new Button(form, SWT.CHECK | SWT.WRAP);
        exportable.setText(Messages.get("selfSigned.exportable"));
        GridDataFactory.fillDefaults().span(3, 1).indent(0, 6)
                .hint(convertWidthInCharsToPixels(60), SWT.DEFAULT).applyTo(exportable);

        progress = new ProgressBar(area, SWT.HORIZONTAL | SWT.INDETERMINATE);
        GridDataFactory.fillDefaults().grab(true, false).indent(10, 0).exclude(true).applyTo(progress);
        progress.setVisible(false);
        work = new DialogWork(area, "cairn-create-self-signed");

        subject.addListener(SWT.Modify, event -> validate());
        return area;
    }

    private static Label label(Composite parent, String key) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(Messages.get(key));
        return label;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        Button ok = getButton(IDialogConstants.OK_ID);
        Optional<AccessDenial> denied = store.whyCannotAdd(target);
        if (denied.isPresent()) {
            setErrorMessage(Messages.format("selfSigned.cannotAdd", denied.get().message()));
        } else if (subject.getText().isBlank()) {
            setErrorMessage(null);
            setMessage(Messages.get("selfSigned.subject.missing"));
        } else {
            setErrorMessage(null);
            setMessage(Messages.format("selfSigned.message", target.displayName()));
        }
        if (ok != null) {
            ok.setEnabled(denied.isEmpty() && !subject.getText().isBlank());
        }
    }

    /** @return the request the form describes */
    CertificateRequest request() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant end = now.atOffset(ZoneOffset.UTC).plusYears(years.getSelection()).toInstant();
        List<Purpose> chosen = new ArrayList<>();
        purposes.forEach((purpose, check) -> {
            if (check.getSelection()) {
                chosen.add(purpose);
            }
        });
        EntryAttributes attributes = EntryAttributes.defaults().withFriendlyName(friendlyName.getText().strip())
                .withExportable(exportable.getSelection());
        return new CertificateRequest(subject.getText().strip(), KEY_TYPES.get(keyType.getSelectionIndex()), now, end,
                chosen, attributes);
    }

    @Override
    protected void okPressed() {
        if (!stage.compareAndSet(Stage.EDITING, Stage.GENERATING)) {
            return;
        }
        CertificateRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            stage.set(Stage.EDITING);
            failed(e);
            return;
        }
        busy(true);
        org.eclipse.swt.widgets.Display display = getShell().getDisplay();
        // The same two steps as CertificateFactoryService.createSelfSignedIn, split so that Cancel can come between.
        work.start(task -> {
            var generated = factory.createSelfSigned(request);
            if (!stage.compareAndSet(Stage.GENERATING, Stage.STORING)) {
                return null; // cancelled: the key is dropped, nothing was stored
            }
            work.deliver(display, task, () -> setCancelEnabled(false));
            return store.add(target, generated.certificate(), Optional.of(generated.privateKey()),
                    generated.attributes());
        }, entry -> {
            if (entry != null) {
                created = entry;
                setReturnCode(OK);
                close();
            }
        }, failure -> {
            stage.set(Stage.EDITING);
            busy(false);
            failed(failure);
        });
    }

    private void failed(Exception e) {
        setErrorMessage(Messages.format("selfSigned.failed.message", e.getMessage()).replace("\n\n", " "));
    }

    /** Disables the form and OK and shows the progress bar while the certificate is created, or undoes that. */
    private void busy(boolean busy) {
        setControlsEnabled(form, !busy);
        progress.setVisible(busy);
        ((org.eclipse.swt.layout.GridData) progress.getLayoutData()).exclude = !busy;
        if (busy) {
            setErrorMessage(null);
            setMessage(Messages.get("selfSigned.creating"));
        } else {
            validate();
        }
        getButton(IDialogConstants.OK_ID).setEnabled(!busy && getButton(IDialogConstants.OK_ID).isEnabled());
        progress.getParent().layout(true, true);
    }

    private static void setControlsEnabled(Composite parent, boolean enabled) {
        for (Control child : parent.getChildren()) {
            child.setEnabled(enabled);
            if (child instanceof Composite composite) {
                setControlsEnabled(composite, enabled);
            }
        }
    }

    private void setCancelEnabled(boolean enabled) {
        Button cancel = getButton(IDialogConstants.CANCEL_ID);
        if (cancel != null && !cancel.isDisposed()) {
            cancel.setEnabled(enabled);
            setMessage(Messages.get("selfSigned.storing"));
        }
    }

    @Override
    protected void cancelPressed() {
        if (cancel()) {
            super.cancelPressed();
        }
    }

    @Override
    protected void handleShellCloseEvent() {
        if (cancel()) {
            super.handleShellCloseEvent();
        }
    }

    /** @return whether the dialog may close now: not while the certificate is being stored */
    private boolean cancel() {
        return stage.compareAndSet(Stage.EDITING, Stage.CANCELED) || stage.compareAndSet(Stage.GENERATING, Stage.CANCELED)
                || stage.get() == Stage.CANCELED;
    }
}
