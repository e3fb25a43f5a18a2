package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.certificates.ui.wizard.DialogSize;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Action → Find Certificates...: looks for certificates of the account by Issued To, Issued By, serial number or
 * thumbprint, in one store or all, and lists them like the details pane; the found certificates can be opened
 * and exported.
 * <p>
 * The search runs in the background, one logical store after the other (a store may need its index rebuilt or
 * wait for a lock): what it finds is listed as each store is done, the status says where it is, and Find Now
 * becomes Stop meanwhile. Stop, New Search and closing the dialog end it.
 */
public final class FindCertificatesDialog extends Dialog {

    private static final int OPEN_ID = IDialogConstants.CLIENT_ID + 1;
    private static final int EXPORT_ID = IDialogConstants.CLIENT_ID + 2;

    private final CertificateStore store;
    private final Optional<LogicalStore> initialStore;
    private final Optional<ExportCommand> export;
    private final Optional<TrustEverywhere> everywhere;
    private Combo in;
    private Text contains;
    private Combo field;
    private CertificateTable results;
    private Label status;
    private Button findNow;
    private DialogWork work;
    private DialogWork.Task search;
    private final List<CertificateEntry> found = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private Optional<ChainVerdicts> verdicts = Optional.empty();

    /**
     * @param parent       the shell the dialog is modal to
     * @param store        the account's store
     * @param initialStore the logical store to search first; empty for all
     * @param export       the export command, when the dialog runs inside the console
     */
    public FindCertificatesDialog(Shell parent, CertificateStore store, Optional<LogicalStore> initialStore,
            Optional<ExportCommand> export) {
        this(parent, store, initialStore, export, Optional.empty());
    }

    /**
     * @param everywhere where the found certificates are held (the certificate dialog's Held in); empty leaves it out
     */
    public FindCertificatesDialog(Shell parent, CertificateStore store, Optional<LogicalStore> initialStore,
            Optional<ExportCommand> export, Optional<TrustEverywhere> everywhere) {
        super(parent);
        this.everywhere = everywhere;
        this.store = store;
        this.initialStore = initialStore;
        this.export = export;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("find.title"));
    }

    @Override
    protected Point getInitialSize() {
        return DialogSize.preferred(getShell());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(form);

        Label inLabel = new Label(form, SWT.NONE);
        inLabel.setText(Messages.get("find.in"));
        in = AccessibleNames.labelledBy(inLabel, new Combo(form, SWT.READ_ONLY));
        in.add(Messages.get("find.in.all"));
        for (LogicalStore logical : LogicalStore.values()) {
            in.add(logical.displayName());
        }
        in.select(initialStore.map(logical -> logical.ordinal() + 1).orElse(0));
        GridDataFactory.fillDefaults().span(2, 1).applyTo(in);

        Label containsLabel = new Label(form, SWT.NONE);
        containsLabel.setText(Messages.get("find.contains"));
        contains = AccessibleNames.labelledBy(containsLabel, new Text(form, SWT.BORDER));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(contains);
        findNow = new Button(form, SWT.PUSH);
        findNow.setText(Messages.get("find.now"));
        GridDataFactory.fillDefaults().applyTo(findNow);

        Label fieldLabel = new Label(form, SWT.NONE);
        fieldLabel.setText(Messages.get("find.field"));
        field = AccessibleNames.labelledBy(fieldLabel, new Combo(form, SWT.READ_ONLY));
        for (CertificateSearch.Field each : CertificateSearch.Field.values()) {
            field.add(each.label());
        }
        field.select(0);
        GridDataFactory.fillDefaults().applyTo(field);
        Button newSearch = new Button(form, SWT.PUSH);
        newSearch.setText(Messages.get("find.newSearch"));
        GridDataFactory.fillDefaults().applyTo(newSearch);

        results = new CertificateTable(area);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(13)).applyTo(results);
        results.setEntries(List.of(), "");
        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        work = new DialogWork(area, "cairn-find-certificates");
        findNow.addListener(SWT.Selection, event -> {
            if (search != null) {
                stop();
            } else {
                findNow();
            }
        });
        contains.addListener(SWT.DefaultSelection, event -> findNow());
        newSearch.addListener(SWT.Selection, event -> {
            cancelSearch();
            contains.setText("");
            results.setEntries(List.of(), "");
            status.setText("");
            updateButtons();
        });
        results.onSelection(selected -> updateButtons());
        results.onOpen(entry -> new CertificateDialog(getShell(), store, entry, export, everywhere).open());
        getShell().setDefaultButton(findNow);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, OPEN_ID, Messages.get("find.open"), false);
        createButton(parent, EXPORT_ID, Messages.get("find.export"), false);
        createButton(parent, IDialogConstants.CLOSE_ID, Messages.get("find.close"), false);
        updateButtons();
    }

    private void findNow() {
        cancelSearch();
        List<LogicalStore> where = in.getSelectionIndex() <= 0 ? List.of(LogicalStore.values())
                : List.of(LogicalStore.values()[in.getSelectionIndex() - 1]);
        CertificateSearch.Field inField = CertificateSearch.Field.values()[field.getSelectionIndex()];
        String text = contains.getText();
        found.clear();
        problems.clear();
        results.setEntries(List.of(), Messages.get("find.searching.none"));
        showStatus(Messages.format("find.searching", where.get(0).displayName(), 1, where.size()));
        findNow.setText(Messages.get("find.stop"));
        org.eclipse.swt.widgets.Display display = getShell().getDisplay();
        DialogWork.Task[] started = new DialogWork.Task[1];
        search = started[0] = work.start(task -> {
            // the stores chain validation needs, read here off the UI thread; rows are validated when drawn
            ChainVerdicts read = new ChainVerdicts(store);
            work.deliver(display, task, () -> this.verdicts = Optional.of(read));
            for (int i = 0; i < where.size() && !task.isCanceled(); i++) {
                CertificateSearch.Result part = CertificateSearch.find(store, Optional.of(where.get(i)), inField, text);
                if (read.known() < ChainVerdicts.PREPARED_ROWS) {
                    read.prepare(part.entries()); // the first rows found, off the UI thread
                }
                String next = i + 1 < where.size()
                        ? Messages.format("find.searching", where.get(i + 1).displayName(), i + 2, where.size())
                        : null;
                work.deliver(display, task, () -> {
                    found.addAll(part.entries());
                    problems.addAll(part.problems());
                    if (!part.entries().isEmpty()) {
                        results.setEntries(found, Messages.get("find.none"), verdicts);
                    }
                    if (next != null) {
                        showStatus(next);
                    }
                });
            }
            return null;
        }, done -> {
            if (search == started[0]) {
                finished(false);
            }
        }, failure -> {
            problems.add(failure.getMessage());
            finished(false);
        });
    }

    /** Stop: ends the search; what was found so far stays listed. */
    private void stop() {
        cancelSearch();
        finished(true);
    }

    private void cancelSearch() {
        if (search != null) {
            search.cancel();
            search = null;
        }
        findNow.setText(Messages.get("find.now"));
    }

    private void finished(boolean stopped) {
        search = null;
        findNow.setText(Messages.get("find.now"));
        results.setEntries(found, Messages.get("find.none"), verdicts);
        String text = Messages.format("find.found", found.size());
        if (stopped) {
            text = Messages.get("find.stopped") + " " + text;
        }
        if (!problems.isEmpty()) {
            text += "\n" + Messages.format("find.problem", String.join("; ", problems));
        }
        showStatus(text);
        updateButtons();
    }

    private void showStatus(String text) {
        status.setText(text);
        status.getParent().layout(true, true);
    }

    private void updateButtons() {
        if (getButton(OPEN_ID) == null) {
            return;
        }
        List<CertificateEntry> selected = results.selection();
        getButton(OPEN_ID).setEnabled(selected.size() == 1);
        getButton(EXPORT_ID).setEnabled(!selected.isEmpty()
                && export.map(command -> command.canExecute(selected)).orElse(false));
    }

    @Override
    protected void buttonPressed(int buttonId) {
        List<CertificateEntry> selected = results.selection();
        switch (buttonId) {
            case OPEN_ID -> {
                if (selected.size() == 1) {
                    new CertificateDialog(getShell(), store, selected.get(0), export, everywhere).open();
                }
            }
            case EXPORT_ID -> export.ifPresent(command -> command.execute(selected, getShell()));
            case IDialogConstants.CLOSE_ID -> close();
            default -> super.buttonPressed(buttonId);
        }
    }
}
