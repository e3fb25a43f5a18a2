package org.cairn.certificates.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.PurposeGroup;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;
import org.cairn.console.api.SnapInRoot;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/**
 * "Certificates - Current User", "Certificates - Service (NAME) on Local Computer" or "Certificates (Local
 * Computer)": the logical stores of the account (each with a "Certificates" folder), or in the purpose view one
 * node per intended purpose.
 */
public final class CertificatesRoot implements SnapInRoot, CertificateStoreNode {

    private final CertificateStoreService stores;
    private final CertificateFactoryService factory;
    private final Scope scope;
    /** Set on the Display thread, read by background reads of the children. */
    private volatile ViewMode mode;
    private CertificateStore store;
    private String problem;

    /** @return "where is this certificate held?" over every scope this process reads (the certificate dialog's Held in) */
    TrustEverywhere everywhere() {
        return new TrustEverywhere(stores);
    }

    CertificatesRoot(CertificateStoreService stores, CertificateFactoryService factory, Scope scope, ViewMode mode) {
        this.stores = stores;
        this.factory = factory;
        this.scope = scope;
        this.mode = mode;
    }

    /** @return the account this root manages */
    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public Optional<LogicalStore> logicalStore() {
        return Optional.empty();
    }

    /** @return how the tree is organized */
    public ViewMode mode() {
        return mode;
    }

    /** Organizes the tree as {@code newMode}; the caller refreshes the node and marks the settings changed. */
    public void setMode(ViewMode newMode) {
        mode = newMode;
    }

    /** @return why the account's store cannot be opened, once it was tried */
    synchronized Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    CertificateFactoryService factory() {
        return factory;
    }

    /**
     * @return the account's store, opened on first use; empty (with {@link #problem}) when it cannot be. Called on
     *         the Display thread and by background loads of the lists, hence synchronized.
     */
    synchronized Optional<CertificateStore> store() {
        if (store == null && problem == null) {
            try {
                store = stores.open(scope);
            } catch (CertificateStoreException e) {
                problem = e.getMessage();
            }
        }
        return Optional.ofNullable(store);
    }

    @Override
    public String label() {
        return AccountChoice.rootLabel(scope);
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.ROOT_NODE;
    }

    @Override
    public String key() {
        return CertificateUiIds.SNAP_IN + ":" + scope.token();
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Images.CERTIFICATE.url()));
    }

    /**
     * By purpose, the children are the purposes of the certificates of every store, which reads them all (and waits
     * for a lock another program holds): the host reads them on a background thread (console API 1.3).
     */
    @Override
    public boolean childrenInBackground() {
        return mode.byPurpose();
    }

    @Override
    public List<ConsoleNode> children() {
        Optional<CertificateStore> opened = store();
        if (opened.isEmpty()) {
            return List.of();
        }
        List<ConsoleNode> children = new ArrayList<>();
        if (mode.byPurpose()) {
            try {
                for (PurposeGroup group : opened.get().byPurpose()) {
                    children.add(new PurposeNode(this, group.purpose()));
                }
            } catch (CertificateStoreException e) {
                synchronized (this) {
                    problem = e.getMessage();
                }
            }
        } else {
            for (LogicalStore logical : LogicalStore.values()) {
                children.add(new StoreNode(this, logical));
            }
        }
        return children;
    }

    @Override
    public Optional<ResultView> resultView() {
        store();
        return problem().map(text -> new MessageView(Messages.format("node.unavailable", text)));
    }

    /** @return what a list of this account shows when its store cannot be opened */
    MessageView problemView() {
        return new MessageView(Messages.format("node.unavailable", problem().orElse("")));
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(findCertificates(this, Optional.empty()), new Action("org.cairn.certificates.action.viewOptions", Messages.get("action.viewOptions"),
                Messages.get("action.viewOptions.description"), Optional.empty(), context -> {
                    Optional<Shell> shell = context.adapt(Shell.class);
                    ViewOptionsDialog dialog = new ViewOptionsDialog(shell.orElse(null), mode);
                    if (dialog.open() == Window.OK && !dialog.mode().equals(mode)) {
                        setMode(dialog.mode());
                        context.settingsChanged();
                        context.refresh(this);
                    }
                }));
    }

    /** Find Certificates... in {@code in} (all stores when empty) of {@code root}'s account. */
    static ConsoleAction findCertificates(CertificatesRoot root, Optional<LogicalStore> in) {
        return new Action("org.cairn.certificates.action.find", Messages.get("action.find"),
                Messages.get("action.find.description"),
                root.store().isPresent() ? Optional.empty() : root.problem(), context -> {
                    Shell shell = context.adapt(Shell.class).orElse(null);
                    new FindCertificatesDialog(shell, root.store().orElseThrow(), in, ExportCommand.of(context),
                            Optional.of(root.everywhere())).open();
                    context.refresh(context.node());
                });
    }

    @Override
    public synchronized void refresh() {
        store = null;
        problem = null;
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(AccountPage.SCOPE, scope.token());
        mode.into(settings);
        return Map.copyOf(settings);
    }
}
