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
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.store.RemoteStore;
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
 * "Certificates - Current User", "Certificates - Service (NAME) on Local Computer", "Certificates (Local
 * Computer)" or, for another computer over SSH, "Certificates (HOST)": the logical stores of the account (each with
 * a "Certificates" folder), or in the purpose view one node per intended purpose.
 */
public final class CertificatesRoot implements SnapInRoot, CertificateStoreNode {

    private final CertificateStoreService stores;
    private final CertificateFactoryService factory;
    private final Scope scope;
    /** For another computer: its stores, read over SSH; the connection is made by the first background read. */
    private final Optional<RemoteStore> remote;
    /** Set on the Display thread, read by background reads of the children. */
    private volatile ViewMode mode;
    private CertificateStore store;
    private String problem;

    /**
     * @return "where is this certificate held?" over every scope this process reads (the certificate dialog's Held
     *         in); empty for another computer, whose stores this process does not read
     */
    Optional<TrustEverywhere> everywhere() {
        return remote.isPresent() ? Optional.empty() : Optional.of(new TrustEverywhere(stores));
    }

    CertificatesRoot(CertificateStoreService stores, CertificateFactoryService factory, Scope scope, ViewMode mode) {
        this.stores = stores;
        this.factory = factory;
        this.scope = scope;
        this.mode = mode;
        this.remote = Optional.empty();
    }

    /** The Local Computer scope of another computer, through {@code remote}. */
    CertificatesRoot(CertificateStoreService stores, CertificateFactoryService factory, RemoteStore remote,
            ViewMode mode) {
        this.stores = stores;
        this.factory = factory;
        this.scope = remote.scope();
        this.mode = mode;
        this.remote = Optional.of(remote);
    }

    /** @return the other computer's stores, when this root manages another computer */
    Optional<RemoteStore> remote() {
        return remote;
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
        if (problem == null && remote.isPresent()) {
            return remote.get().failure().map(Exception::getMessage);
        }
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
        if (remote.isPresent()) {
            return Optional.of(remote.get()); // not connected here: the reads that use it connect, off the UI thread
        }
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
        return remote.map(r -> AccountChoice.rootLabel(r.computer())).orElseGet(() -> AccountChoice.rootLabel(scope));
    }

    @Override
    public String nodeTypeId() {
        return CertificateUiIds.ROOT_NODE;
    }

    @Override
    public String key() {
        return CertificateUiIds.SNAP_IN + ":" + scope.token() + remote.map(r -> "@" + r.computer()).orElse("");
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
        return mode.byPurpose() || remote.isPresent();
    }

    /**
     * Another computer's root connects here, in the background: its stores are shown only when it answers, and
     * otherwise the root says why it is unavailable ({@link #resultView()}).
     */
    @Override
    public List<ConsoleNode> children() {
        if (remote.isPresent()) {
            try {
                remote.get().connection();
            } catch (RemoteException e) {
                return List.of();
            }
        }
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
        return problem().map(this::unavailable);
    }

    /** @return what a list of this account shows when its store cannot be opened */
    MessageView problemView() {
        return unavailable(problem().orElse(""));
    }

    /** @return what the details pane says when the account's stores cannot be read, for {@code reason} */
    MessageView unavailable(String reason) {
        return new MessageView(remote.map(r -> Messages.format("remote.unavailable", r.computer().toString(), reason))
                .orElseGet(() -> Messages.format("node.unavailable", reason)));
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
                root.store().isPresent() && root.remote().flatMap(RemoteStore::failure).isEmpty() ? Optional.empty()
                        : root.problem(), context -> {
                    Shell shell = context.adapt(Shell.class).orElse(null);
                    CertificateStore store = root.store().orElseThrow();
                    new FindCertificatesDialog(shell, store, in,
                            ExportCommand.of(context).map(command -> command.from(store)), root.everywhere()).open();
                    context.refresh(context.node());
                });
    }

    @Override
    public synchronized void refresh() {
        store = null;
        problem = null;
        remote.ifPresent(RemoteStore::reset);
    }

    /** The console let this root go: another computer's connection is closed (no SSH session stays open). */
    @Override
    public void close() {
        remote.ifPresent(RemoteStore::close);
    }

    @Override
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(AccountPage.SCOPE, scope.token());
        remote.ifPresent(r -> settings.put(AccountPage.COMPUTER, r.computer().toString()));
        mode.into(settings);
        return Map.copyOf(settings);
    }
}
