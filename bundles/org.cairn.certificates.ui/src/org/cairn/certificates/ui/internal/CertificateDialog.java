package org.cairn.certificates.ui.internal;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * Windows' "Certificate" dialog for one store entry: General (purposes, issued to and by, validity, private key),
 * Details (every field, extension and property, with a value pane, "Edit Properties..." and "Copy to File...")
 * and Certification Path (the chain from the root down to this certificate, with each one's status).
 * <p>
 * The path is built in the background (it reads about 18 logical stores, which may wait for a lock): the dialog
 * opens at once, says it is checking, and fills in the status and the path when they are known; closing it drops
 * the work.
 */
public final class CertificateDialog extends Dialog {

    private final CertificateStore store;
    private final Optional<ExportCommand> export;
    private CertificateEntry entry;
    private ResourceManager resources;
    private Table fieldTable;
    private Text fieldValue;
    private Combo show;
    private List<CertificateField> fields = List.of();
    /** The property "Held in", after the certificate's own fields; empty without {@link #everywhere} */
    private Optional<CertificateField> heldIn = Optional.empty();
    private final Optional<TrustEverywhere> everywhere;
    private Composite statusBox;
    private Tree pathTree;
    private Text pathStatus;
    private Button viewCertificate;

    /**
     * @param parent the shell the dialog is modal to
     * @param store  the store holding {@code entry} (for the chain, the properties and rights)
     * @param entry  the certificate
     * @param export the export command, when the dialog runs inside the console; empty disables Copy to File...
     */
    public CertificateDialog(Shell parent, CertificateStore store, CertificateEntry entry,
            Optional<ExportCommand> export) {
        this(parent, store, entry, export, Optional.empty());
    }

    /**
     * @param everywhere where the certificate is held, for the Details tab's "Held in" (every physical store of the
     *                   current user and the computer, read off the UI thread); empty leaves the field out
     */
    public CertificateDialog(Shell parent, CertificateStore store, CertificateEntry entry,
            Optional<ExportCommand> export, Optional<TrustEverywhere> everywhere) {
        super(parent);
        this.everywhere = everywhere;
        this.store = store;
        this.entry = entry;
        this.export = export;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** @return the entry as it is now (its properties may have been edited from the Details tab) */
    public CertificateEntry entry() {
        return entry;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.get("certificate.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        resources = new LocalResourceManager(JFaceResources.getResources(), area);
        X509Certificate certificate = null;
        String unreadable = null;
        try {
            certificate = entry.certificate();
        } catch (CertificateStoreException e) {
            unreadable = e.getMessage();
        }
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(62), convertHeightInCharsToPixels(29)).applyTo(tabs);
        tab(tabs, "certificate.tab.general", general(tabs, unreadable));
        tab(tabs, "certificate.tab.details", details(tabs, certificate));
        tab(tabs, "certificate.tab.path", certificationPath(tabs));
        String unreadableLeaf = unreadable;
        // one verdict for both tabs (and the same the list and the command line show), computed off the UI thread
        new DialogWork(area, "cairn-certification-path").start(task -> store.validate(entry),
                path -> pathKnown(path, null, unreadableLeaf),
                failure -> pathKnown(null, failure.getMessage(), unreadableLeaf));
        return area;
    }

    /** Fills the status on General and the Certification Path tab, once the path was built. */
    private void pathKnown(ChainValidation validation, String pathProblem, String unreadable) {
        for (Control child : statusBox.getChildren()) {
            child.dispose();
        }
        fillStatus(validation, pathProblem, unreadable);
        fillPath(validation, pathProblem);
        statusBox.getParent().layout(true, true);
        pathTree.getParent().getParent().layout(true, true);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.get("certificate.close"), true);
    }

    private static void tab(TabFolder tabs, String key, Control control) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(Messages.get(key));
        item.setControl(control);
    }

    // ---- General

    private Control general(Composite parent, String unreadable) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(page);
        Composite box = new Composite(page, SWT.BORDER);
        Color white = page.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND);
        box.setBackground(white);
        box.setBackgroundMode(SWT.INHERIT_FORCE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(box);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(box);

        Label icon = new Label(box, SWT.NONE);
        icon.setImage(resources.create(Images.of(entry, Instant.now()).descriptor()));
        Label heading = new Label(box, SWT.NONE);
        heading.setText(Messages.get("certificate.information"));
        heading.setFont(bold(heading, 1.25));
        Label separator = new Label(box, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(separator);

        // The status (purposes, or why the certificate is not valid) waits for the path; filled by fillStatus.
        statusBox = new Composite(box, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(statusBox);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(statusBox);
        wrapped(statusBox, Messages.get("certificate.checking"), 2);
        Label spacer = new Label(box, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(spacer);
        Label rule = new Label(box, SWT.SEPARATOR | SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(rule);

        Composite names = new Composite(box, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(names);
        GridLayoutFactory.fillDefaults().numColumns(4).spacing(6, 8).applyTo(names);
        labelledValue(names, "certificate.issuedTo", entry.issuedTo());
        labelledValue(names, "certificate.issuedBy", entry.issuedBy());
        Label from = boldLabel(names, Messages.get("certificate.validFrom"));
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(from);
        value(names, Formats.shortDate(entry.notBefore()), 1);
        boldLabel(names, Messages.get("certificate.validTo"));
        value(names, Formats.shortDate(entry.notAfter()), 1);

        if (entry.hasPrivateKey()) {
            Label key = new Label(box, SWT.NONE);
            key.setImage(resources.create(Images.CERTIFICATE_KEY.descriptor()));
            Optional<String> denied = store.whyKeyNotExportable(entry)
                    .filter(denial -> denial.reason() == org.cairn.certificates.core.AccessDenial.Reason.NO_ACCESS)
                    .map(denial -> Messages.format("certificate.privateKey.notAccessible", denial.message()));
            Label sentence = new Label(box, SWT.WRAP);
            sentence.setText(denied.orElse(Messages.get("certificate.privateKey")));
            GridDataFactory.fillDefaults().grab(true, false)
                    .hint(convertWidthInCharsToPixels(48), SWT.DEFAULT).applyTo(sentence);
        }
        return page;
    }

    private void fillStatus(ChainValidation validation, String pathProblem, String unreadable) {
        Composite box = statusBox;
        // a path that could not be built says why (another computer: "update Cairn on HOST ..."), in its words
        Optional<String> problem = unreadable != null
                ? Optional.of(Messages.format("certificate.invalid.unreadable", unreadable))
                : validation == null ? Optional.of(pathProblem != null ? pathProblem
                        : Messages.get("trust.issuer-not-found.general"))
                : StatusTexts.general(validation);
        // the purposes the whole path allows (a CA's extended key usage narrows the leaf's), as the Intended
        // Purposes column shows them
        List<Purpose> allowed = validation == null ? entry.purposes() : validation.purposes();
        if (problem.isEmpty() && allowed.isEmpty()) {
            problem = Optional.of(Messages.get("certificate.purposes.none"));
        }
        if (problem.isPresent()) {
            wrapped(box, problem.get(), 2);
        } else {
            Label intended = new Label(box, SWT.WRAP);
            intended.setText(Messages.get("certificate.purposes"));
            intended.setFont(bold(intended, 1.0));
            GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                    .hint(convertWidthInCharsToPixels(54), SWT.DEFAULT).applyTo(intended);
            List<String> purposes = new ArrayList<>();
            if (allowed.contains(Purpose.ALL)) {
                purposes.addAll(List.of(Messages.get("certificate.purposes.all").split("\n")));
            } else {
                allowed.forEach(purpose -> purposes.add(purpose.displayName()));
            }
            for (String purpose : purposes) {
                Label bullet = new Label(box, SWT.NONE);
                bullet.setText("\u2022 " + purpose);
                GridDataFactory.fillDefaults().span(2, 1).indent(16, 0).applyTo(bullet);
            }
        }
    }

    private void labelledValue(Composite parent, String labelKey, String text) {
        Label label = boldLabel(parent, Messages.get(labelKey));
        GridDataFactory.swtDefaults().indent(16, 0).applyTo(label);
        value(parent, text, 3);
    }

    private Label boldLabel(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        label.setFont(bold(label, 1.0));
        return label;
    }

    private static Text value(Composite parent, String text, int span) {
        Text value = new Text(parent, SWT.READ_ONLY);
        value.setText(text);
        GridDataFactory.fillDefaults().span(span, 1).grab(span > 1, false).applyTo(value);
        return value;
    }

    private void wrapped(Composite parent, String text, int span) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().span(span, 1).grab(true, false)
                .hint(convertWidthInCharsToPixels(54), SWT.DEFAULT).applyTo(label);
    }

    private Font bold(Control control, double scale) {
        FontDescriptor descriptor = FontDescriptor.createFrom(control.getFont()).setStyle(SWT.BOLD);
        if (scale != 1.0) {
            int height = control.getFont().getFontData()[0].getHeight();
            descriptor = descriptor.setHeight((int) Math.round(height * scale));
        }
        return resources.create(descriptor);
    }

    // ---- Details

    private Control details(Composite parent, X509Certificate certificate) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(2).applyTo(page);
        Label showLabel = new Label(page, SWT.NONE);
        showLabel.setText(Messages.get("certificate.show"));
        show = AccessibleNames.labelledBy(showLabel, new Combo(page, SWT.READ_ONLY));
        show.setItems(Messages.get("certificate.show.all"), Messages.get("certificate.show.v1"),
                Messages.get("certificate.show.extensions"), Messages.get("certificate.show.critical"),
                Messages.get("certificate.show.properties"));
        show.select(0);
        GridDataFactory.swtDefaults().hint(convertWidthInCharsToPixels(31), SWT.DEFAULT).applyTo(show);

        fieldTable = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        fieldTable.setHeaderVisible(true);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(12)).applyTo(fieldTable);
        TableColumn field = new TableColumn(fieldTable, SWT.NONE);
        field.setText(Messages.get("certificate.field"));
        field.setWidth(170);
        TableColumn value = new TableColumn(fieldTable, SWT.NONE);
        value.setText(Messages.get("certificate.value"));
        value.setWidth(230);

        fieldValue = new Text(page, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(6)).applyTo(fieldValue);

        Composite buttons = new Composite(page, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).align(SWT.END, SWT.CENTER).applyTo(buttons);
        GridLayoutFactory.fillDefaults().numColumns(2).equalWidth(true).applyTo(buttons);
        Button editProperties = button(buttons, "certificate.editProperties");
        editProperties.addListener(SWT.Selection, event -> editProperties());
        Button copyToFile = button(buttons, "certificate.copyToFile");
        boolean canExport = export.map(command -> command.canExecute(List.of(entry))).orElse(false);
        copyToFile.setEnabled(canExport);
        if (!canExport) {
            copyToFile.setToolTipText(Messages.get("certificate.copyToFile.unavailable"));
        }
        copyToFile.addListener(SWT.Selection, event -> export.ifPresent(command -> command.execute(List.of(entry), getShell())));

        if (certificate != null) {
            fields = CertificateFields.of(entry, certificate);
            everywhere.ifPresent(this::readHeldIn);
        }
        show.addListener(SWT.Selection, event -> fillFields());
        fieldTable.addListener(SWT.Selection, event -> showSelectedField());
        fillFields();
        return page;
    }

    /**
     * The property "Held in": every physical store, of the current user and of the computer, that holds the
     * certificate ("Where is this certificate trusted?"). Reading them opens every store: off the UI thread, the
     * field says "Reading..." until then.
     */
    private void readHeldIn(TrustEverywhere where) {
        heldIn = Optional.of(heldIn(Messages.get("field.heldIn.reading")));
        new DialogWork(fieldTable, "cairn-held-in").start(task -> where.holders(entry.thumbprint()),
                places -> heldInKnown(places.isEmpty() ? Messages.get("field.heldIn.none")
                        : String.join("\n", places.stream().map(TrustEverywhere.Place::where).toList())),
                failure -> heldInKnown(Messages.format("field.heldIn.failed", failure.getMessage())));
    }

    private static CertificateField heldIn(String text) {
        return CertificateField.of(CertificateField.Kind.PROPERTY, Messages.get("field.heldIn"), text);
    }

    private void heldInKnown(String text) {
        heldIn = Optional.of(heldIn(text));
        int selected = fieldTable.getSelectionIndex();
        fillFields();
        if (selected >= 0 && selected < fieldTable.getItemCount()) {
            fieldTable.setSelection(selected);
            showSelectedField();
        }
    }

    private static Button button(Composite parent, String key) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(Messages.get(key));
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        return button;
    }

    private void fillFields() {
        fieldTable.removeAll();
        for (CertificateField field : heldIn.map(held -> Stream.concat(fields.stream(), Stream.of(held)).toList())
                .orElse(fields)) {
            if (CertificateFields.shows(show.getSelectionIndex(), field)) {
                TableItem item = new TableItem(fieldTable, SWT.NONE);
                item.setText(new String[] {field.name(), field.value()});
                item.setData(field);
            }
        }
        fieldValue.setText("");
    }

    private void showSelectedField() {
        TableItem[] selection = fieldTable.getSelection();
        fieldValue.setText(selection.length == 0 ? "" : ((CertificateField) selection[0].getData()).full());
    }

    private void editProperties() {
        CertificatePropertiesDialog dialog = new CertificatePropertiesDialog(getShell(), store, entry);
        if (dialog.open() == Window.OK) {
            entry = dialog.entry();
            try {
                fields = CertificateFields.of(entry, entry.certificate());
            } catch (CertificateStoreException e) {
                fields = List.of();
            }
            fillFields();
        }
    }

    // ---- Certification Path

    private Control certificationPath(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(page);
        Group group = new Group(page, SWT.NONE);
        group.setText(Messages.get("certificate.path"));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group);
        GridLayoutFactory.swtDefaults().applyTo(group);
        Tree tree = new Tree(group, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tree);
        Button view = new Button(group, SWT.PUSH);
        view.setText(Messages.get("certificate.viewCertificate"));
        view.setEnabled(false);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).applyTo(view);

        Label statusLabel = new Label(page, SWT.NONE);
        statusLabel.setText(Messages.get("certificate.status"));
        Text status = new Text(page, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP);
        status.setText(Messages.get("certificate.checking"));
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(4)).applyTo(status);
        pathTree = tree;
        pathStatus = status;
        viewCertificate = view;
        tree.addListener(SWT.Selection, event -> {
            TreeItem[] selected = tree.getSelection();
            if (selected.length > 0) {
                PathNode node = (PathNode) selected[0].getData();
                status.setText(node.status());
                view.setEnabled(!node.entry().equals(entry));
            }
        });
        view.addListener(SWT.Selection, event -> {
            TreeItem[] selected = tree.getSelection();
            if (selected.length > 0) {
                new CertificateDialog(getShell(), store, ((PathNode) selected[0].getData()).entry(), export, everywhere).open();
            }
        });
        return page;
    }

    private void fillPath(ChainValidation validation, String pathProblem) {
        Tree tree = pathTree;
        Text status = pathStatus;
        Button view = viewCertificate;
        List<CertificateEntry> chain = validation == null ? List.of(entry) : validation.path().certificates();
        TreeItem parentItem = null;
        TreeItem leafItem = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            CertificateEntry certificate = chain.get(i);
            TreeItem item = parentItem == null ? new TreeItem(tree, SWT.NONE) : new TreeItem(parentItem, SWT.NONE);
            item.setText(certificate.issuedTo());
            String itemStatus = validation == null
                    ? Messages.format("certificate.status.unreadable", pathProblem)
                    : StatusTexts.path(validation, i);
            boolean ok = validation != null && validation.statuses().get(i).ok();
            item.setImage(resources.create((ok ? Images.CERTIFICATE : Images.CERTIFICATE_INVALID).descriptor()));
            item.setData(new PathNode(certificate, itemStatus));
            if (parentItem != null) {
                parentItem.setExpanded(true);
            }
            parentItem = item;
            leafItem = item;
        }
        if (leafItem != null) {
            expandAll(tree.getItems());
            tree.setSelection(leafItem);
            PathNode node = (PathNode) leafItem.getData();
            status.setText(node.status());
            view.setEnabled(false);
        }
    }

    private static void expandAll(TreeItem[] items) {
        for (TreeItem item : items) {
            item.setExpanded(true);
            expandAll(item.getItems());
        }
    }

    private record PathNode(CertificateEntry entry, String status) {
    }
}
