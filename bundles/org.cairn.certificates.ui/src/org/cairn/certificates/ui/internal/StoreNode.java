package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStore.PhysicalStoreInfo;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;

/**
 * A logical store ("Personal", "Trusted Root Certification Authorities", ...) with its "Certificates" folder, or
 * with its physical stores when View Options shows them.
 */
final class StoreNode implements StoreTarget.Node {

    private final CertificatesRoot root;
    private final LogicalStore logical;
    private final Optional<String> physical;
    /** For a physical store: its name, location and writability, as read when the tree was filled. */
    private final Optional<PhysicalStoreInfo> info;

    StoreNode(CertificatesRoot root, LogicalStore logical) {
        this(root, logical, Optional.empty());
    }

    private StoreNode(CertificatesRoot root, LogicalStore logical, Optional<PhysicalStoreInfo> info) {
        this.root = root;
        this.logical = logical;
        this.info = info;
        this.physical = info.map(PhysicalStoreInfo::name);
    }

    @Override
    public String label() {
        return physical.orElse(logical.displayName());
    }

    @Override
    public String key() {
        return physical.orElse(logical.shortName());
    }

    @Override
    public Scope scope() {
        return root.scope();
    }

    @Override
    public Optional<LogicalStore> logicalStore() {
        return Optional.of(logical);
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.STORE_NODE;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.STORE));
    }

    /**
     * With physical stores shown, the children are the physical stores behind this logical store, which opens NSS
     * databases and asks p11-kit's modules for tokens: the host reads them on a background thread (console API 1.3).
     */
    @Override
    public boolean childrenInBackground() {
        return physical.isEmpty() && root.mode().showPhysical();
    }

    @Override
    public List<ConsoleNode> children() {
        if (physical.isEmpty() && root.mode().showPhysical()) {
            List<ConsoleNode> children = new ArrayList<>();
            Optional<CertificateStore> store = root.store();
            if (store.isPresent()) {
                try {
                    for (PhysicalStoreInfo info : store.get().physicalStores(logical)) {
                        children.add(new StoreNode(root, logical, Optional.of(info)));
                    }
                } catch (CertificateStoreException e) {
                    return List.of(new CertificatesNode(root, logical, Optional.empty()));
                }
            }
            return children;
        }
        return List.of(new CertificatesNode(root, logical, physical));
    }

    @Override
    public List<ConsoleAction> actions() {
        // read-only physical stores, NSS databases (location sql:DIR, writable through certutil) and tokens (pkcs11:...,
        // writable through PKCS #11) may keep their keys behind a password or PIN; whether one does is asked when the
        // action runs
        if (info.isPresent() && (!info.get().writable() || info.get().location().startsWith("sql:")
                || StorePasswordDialog.isToken(info.get().location()))) {
            return List.of(CertificatesRoot.findCertificates(root, Optional.of(logical)), unlock(info.get()));
        }
        return List.of(CertificatesRoot.findCertificates(root, Optional.of(logical)));
    }

    /**
     * "Enter Password...": a store that keeps its private keys behind a password (an NSS database's primary
     * password) shows them once it is given. Whether the store has one is asked when the action runs (a token
     * query, quick once the database was listed), not when the menu is built; the password itself is checked off
     * the UI thread by the dialog.
     */
    private ConsoleAction unlock(PhysicalStoreInfo store) {
        String texts = StorePasswordDialog.isToken(store.location()) ? "action.unlock.pin" : "action.unlock";
        return new Action("org.cairn.certificates.action.unlock", Messages.get(texts),
                Messages.get(texts + ".description"), root.store().isPresent() ? Optional.empty() : root.problem(),
                context -> {
                    Shell shell = context.adapt(Shell.class).orElse(null);
                    CertificateStore certificates = root.store().orElseThrow();
                    try {
                        if (certificates.lockedStores().stream().noneMatch(l -> l.location().equals(store.location()))) {
                            MessageDialog.openInformation(shell, Messages.get(StorePasswordDialog.texts(store.location())
                                    + ".title"), Messages.format(StorePasswordDialog.texts(store.location()) + ".notLocked",
                                            store.name()));
                            return;
                        }
                        StorePasswordDialog dialog = new StorePasswordDialog(shell, store.name(), store.location(),
                                password -> certificates.unlock(store.location(), password));
                        if (dialog.open() != Window.OK) {
                            return;
                        }
                    } catch (CertificateStoreException e) {
                        throw new ConsoleException(e.getMessage(), e);
                    }
                    context.refresh(context.node());
                });
    }

    @Override
    public Optional<PropertySheet> properties() {
        if (info.isEmpty()) {
            return Optional.empty();
        }
        PhysicalStoreInfo store = info.get();
        List<Property> properties = List.of(
                Property.readOnly("name", Messages.get("physical.name"), store.name()),
                Property.readOnly("logicalStore", Messages.get("physical.logicalStore"), logical.displayName()),
                Property.readOnly("location", Messages.get("physical.location"), store.location()),
                Property.readOnly("writable", Messages.get("physical.writable"),
                        Messages.get(store.writable() ? "physical.writable.yes" : "physical.writable.no")));
        String title = Messages.format("sheet.title", store.name());
        return Optional.of(new PropertySheet() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public List<Property> properties() {
                return properties;
            }
        });
    }

    @Override
    public StoreTarget target() {
        return new StoreTarget(root, logical);
    }

    /** Equal to the node for the same store of the same snap-in root (the host finds nodes again by equality). */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoreNode node && node.root == root && node.logical == logical
                && node.physical.equals(physical);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(System.identityHashCode(root), logical, physical);
    }
}
