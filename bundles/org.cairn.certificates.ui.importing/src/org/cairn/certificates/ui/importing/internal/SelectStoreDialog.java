package org.cairn.certificates.ui.importing.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.console.api.swt.AccessibleNames;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * "Select Certificate Store", as the Certificate Store page's Browse... shows it in Windows: the account's logical
 * stores, and with "Show physical stores" the physical stores behind each (Cairn's own store, an NSS database, the
 * computer's local trust anchors) that can take certificates. The physical stores are read on a thread of their own
 * the first time the box is ticked (finding NSS databases and tokens reads the disk); "Reading..." stands under each
 * store until they arrive.
 */
final class SelectStoreDialog extends Dialog {

    /**
     * What was chosen.
     *
     * @param store    the logical store
     * @param physical one physical store behind it; empty for the logical store as a whole
     */
    record Selection(LogicalStore store, Optional<PhysicalStoreInfo> physical) {
        /** @return as the Certificate Store page and the summary show it: {@code Personal\NSS: Chrome and system} */
        String displayName() {
            return store.displayName() + physical.map(p -> "\\" + p.name()).orElse("");
        }
    }

    private final Messages messages;
    private final Optional<Selection> initial;
    private final Function<LogicalStore, List<PhysicalStoreInfo>> physicalStores;
    private Tree tree;
    private Button showPhysical;
    private Map<LogicalStore, List<PhysicalStoreInfo>> read;
    private boolean reading;
    private Selection selected;

    /**
     * @param physicalStores the writable physical stores behind a logical store; called off the UI thread
     */
    SelectStoreDialog(Shell parent, Messages messages, Optional<Selection> initial,
            Function<LogicalStore, List<PhysicalStoreInfo>> physicalStores) {
        super(parent);
        this.messages = messages;
        this.initial = initial;
        this.physicalStores = physicalStores;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.select_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).numColumns = 1;
        Label text = new Label(area, SWT.NONE);
        text.setText(messages.select_text);
        tree = AccessibleNames.labelledBy(text, new Tree(area, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL));
        for (LogicalStore store : LogicalStore.values()) {
            TreeItem item = new TreeItem(tree, SWT.NONE);
            item.setText(store.displayName());
            item.setData(store);
        }
        tree.setSelection(tree.getItem(initial.map(Selection::store).orElse(LogicalStore.PERSONAL).ordinal()));
        tree.addListener(SWT.DefaultSelection, event -> {
            if (getButton(IDialogConstants.OK_ID).isEnabled()) {
                okPressed();
            }
        });
        tree.addListener(SWT.Selection, event -> updateOk());
        // As tall as its ten stores: none hidden behind a scroll bar.
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(50), tree.getItemHeight() * 12).applyTo(tree);
        showPhysical = new Button(area, SWT.CHECK);
        showPhysical.setText(messages.select_showPhysical);
        showPhysical.addListener(SWT.Selection, event -> showPhysical(showPhysical.getSelection()));
        if (initial.flatMap(Selection::physical).isPresent()) {
            showPhysical.setSelection(true);
            showPhysical(true);
        }
        return area;
    }

    private void showPhysical(boolean show) {
        TreeItem[] selection = tree.getSelection();
        if (selection.length == 1 && selection[0].getParentItem() != null) {
            tree.setSelection(selection[0].getParentItem()); // the physical store's logical store stays chosen
        }
        for (TreeItem logical : tree.getItems()) {
            for (TreeItem child : logical.getItems()) {
                child.dispose();
            }
        }
        if (!show) {
            updateOk();
            return;
        }
        if (read != null) {
            fill();
            return;
        }
        for (TreeItem logical : tree.getItems()) {
            new TreeItem(logical, SWT.NONE).setText(messages.select_reading);
        }
        expandSelected();
        if (reading) {
            return;
        }
        reading = true;
        var display = tree.getDisplay();
        Thread reader = new Thread(() -> {
            Map<LogicalStore, List<PhysicalStoreInfo>> stores = new EnumMap<>(LogicalStore.class);
            for (LogicalStore store : LogicalStore.values()) {
                try {
                    stores.put(store, physicalStores.apply(store).stream().filter(PhysicalStoreInfo::writable).toList());
                } catch (RuntimeException e) {
                    stores.put(store, List.of()); // a store that cannot be read offers no physical store to choose
                }
            }
            display.asyncExec(() -> {
                read = stores;
                reading = false;
                if (!tree.isDisposed() && showPhysical.getSelection()) {
                    showPhysical(true);
                }
            });
        }, "Cairn physical stores");
        reader.setDaemon(true);
        reader.start();
    }

    /** Puts the physical stores under their logical stores and selects the initial one. */
    private void fill() {
        for (TreeItem logical : tree.getItems()) {
            for (PhysicalStoreInfo physical : read.getOrDefault((LogicalStore) logical.getData(), List.of())) {
                TreeItem item = new TreeItem(logical, SWT.NONE);
                item.setText(physical.name());
                item.setData(physical);
                if (initial.flatMap(Selection::physical).map(p -> p.name().equals(physical.name())).orElse(false)
                        && logical.getData() == initial.get().store()) {
                    tree.setSelection(item);
                }
            }
        }
        expandSelected();
        updateOk();
    }

    private void expandSelected() {
        TreeItem[] selection = tree.getSelection();
        if (selection.length == 1) {
            TreeItem logical = selection[0].getParentItem() == null ? selection[0] : selection[0].getParentItem();
            logical.setExpanded(true);
        }
    }

    /** "Reading..." cannot be chosen. */
    private void updateOk() {
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            TreeItem[] selection = tree.getSelection();
            ok.setEnabled(selection.length == 1 && selection[0].getData() != null);
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        updateOk();
    }

    @Override
    protected void okPressed() {
        TreeItem[] selection = tree.getSelection();
        if (selection.length == 1 && selection[0].getData() instanceof LogicalStore store) {
            selected = new Selection(store, Optional.empty());
        } else if (selection.length == 1 && selection[0].getData() instanceof PhysicalStoreInfo physical) {
            selected = new Selection((LogicalStore) selection[0].getParentItem().getData(), Optional.of(physical));
        }
        super.okPressed();
    }

    /** @return the store chosen with OK */
    Optional<Selection> selected() {
        return Optional.ofNullable(selected);
    }
}
