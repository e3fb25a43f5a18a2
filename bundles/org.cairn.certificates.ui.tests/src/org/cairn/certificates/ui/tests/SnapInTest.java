package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.CertificateItem;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.certificates.ui.internal.CertificatesRoot;
import org.cairn.certificates.ui.internal.CertificatesSnapIn;
import org.cairn.certificates.ui.internal.ViewMode;
import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ListView;
import org.cairn.console.api.ResultItem;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInRoot;
import org.cairn.console.api.swt.ConfigurationPage;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * The Certificates snap-in through the console's snap-in API: added for each account, both views, the
 * certificate found in each, the actions, the rights of an ordinary account on the computer's store.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class SnapInTest {

    private HostDialog<Composite> dialog;

    @AfterEach
    void closeDialogs() {
        App.close(dialog);
        UIThreadRunnable.syncExec(App.display(), () -> {
            for (var shell : App.display().getShells()) {
                if (shell.getParent() != null && shell.isVisible() && shell != App.windowShell()) {
                    shell.close();
                }
            }
        });
    }

    static SnapIn snapIn() throws Exception {
        BundleContext context = FrameworkUtil.getBundle(SnapInTest.class).getBundleContext();
        for (int attempt = 0; attempt < 100; attempt++) {
            for (ServiceReference<SnapIn> reference : context.getServiceReferences(SnapIn.class, null)) {
                SnapIn snapIn = context.getService(reference);
                if (snapIn != null && snapIn.id().equals(CertificateUiIds.SNAP_IN)) {
                    return snapIn;
                }
            }
            App.sleep(100);
        }
        throw new IllegalStateException("The Certificates snap-in is not registered as a SnapIn service");
    }

    /** Adds the snap-in as the host does: its configuration page, the user's choice, Finish, createRoot. */
    private SnapInRoot add(SnapIn snapIn, String account, String serviceName) throws Exception {
        ConfigurationPage page = (ConfigurationPage) snapIn.configuration().orElseThrow();
        AtomicReference<Boolean> complete = new AtomicReference<>();
        dialog = App.open(parent -> new HostDialog<Composite>(parent, page.title(), null, area -> {
            Composite holder = new Composite(area, org.eclipse.swt.SWT.NONE);
            holder.setLayout(new org.eclipse.swt.layout.FillLayout());
            page.createControls(holder, (done, problem) -> complete.set(done));
            return holder;
        }));
        SWTBotShell shell = new SWTBot().shell("Certificates snap-in");
        shell.bot().radio(account).click();
        if (serviceName != null) {
            shell.bot().textWithLabel("Service name:").setText("../" + serviceName);
            shell.bot().waitUntil(Conditions.condition("an invalid name cannot finish", () -> !complete.get()));
            shell.bot().textWithLabel("Service name:").setText(serviceName);
        }
        shell.bot().waitUntil(Conditions.condition("the page can finish", () -> Boolean.TRUE.equals(complete.get())));
        App.screenshot(shell.widget, "add-snap-in-" + account.replace(' ', '-').toLowerCase());
        Map<String, String> settings = UIThreadRunnable.syncExec(App.display(), page::settings);
        App.close(dialog);
        return snapIn.createRoot(settings);
    }

    private static ConsoleNode child(ConsoleNode node, String label) {
        List<String> labels = node.children().stream().map(ConsoleNode::label).toList();
        return node.children().stream().filter(child -> child.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No node '" + label + "' under '" + node.label() + "': " + labels));
    }

    /** @return the node's list, read as the host reads it: in the background (console API 1.2) */
    private static ListView list(ConsoleNode node) {
        BackgroundView background = assertInstanceOf(BackgroundView.class, node.resultView().orElseThrow(),
                "a certificate list is read off the UI thread");
        try {
            return assertInstanceOf(ListView.class, background.load(() -> false));
        } catch (ConsoleException e) {
            throw new AssertionError(e);
        }
    }

    private static Optional<CertificateItem> row(ConsoleNode node, CertificateEntry entry) {
        return list(node).items().stream().map(CertificateItem.class::cast)
                .filter(item -> item.entry().thumbprint().equals(entry.thumbprint())).findFirst();
    }

    /** Runs {@code action} on the UI thread as the host does, without waiting for the dialog it opens. */
    private static void run(ConsoleAction action, RecordingContext context) {
        UIThreadRunnable.postAndWait(App.display(), () -> {
            try {
                action.run(context);
            } catch (org.cairn.console.api.ConsoleException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void snapInIsCertificatesByCairnWithAnAccountStep() throws Exception {
        SnapIn snapIn = snapIn();
        assertEquals("Certificates", snapIn.name());
        assertEquals("Cairn", snapIn.vendor());
        assertEquals("Certificates snap-in", snapIn.configuration().orElseThrow().title());
    }

    @Test
    void addedForMyUserAccountItShowsLogicalStoresAndFindsTheCertificate() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Northwind");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));

        SnapInRoot root = add(snapIn(), "My user account", null);
        assertEquals("Certificates - Current User", root.label());
        assertEquals(List.of("Personal", "Trusted Root Certification Authorities", "Enterprise Trust",
                "Intermediate Certification Authorities", "Trusted Publishers", "Untrusted Certificates",
                "Third-Party Root Certification Authorities", "Trusted People", "Client Authentication Issuers",
                "Other People"), root.children().stream().map(ConsoleNode::label).toList());
        ConsoleNode certificates = child(child(root, "Personal"), "Certificates");
        ListView list = list(certificates);
        assertEquals(List.of("Issued To", "Issued By", "Expiration Date", "Intended Purposes", "Friendly Name",
                "Status", "Certificate Template"), list.columns().stream().map(column -> column.title()).toList());
        CertificateItem item = row(certificates, leaf).orElseThrow();
        assertEquals(CertificateUiIds.CERTIFICATE_ITEM, item.itemTypeId());
        assertEquals(name, item.text("issuedTo"));
        assertEquals(name + " Intermediate CA", item.text("issuedBy"));
        assertEquals("Server Authentication, Client Authentication", item.text("intendedPurposes"));
        assertTrue(item.icon().isPresent());
        assertTrue(row(child(child(root, "Trusted Root Certification Authorities"), "Certificates"),
                store.chain(leaf).certificates().getLast()).isPresent());
    }

    /**
     * The Status column shows the certificate dialog's verdict (the same core result, in short); Intended Purposes
     * keeps showing the certificate's purposes, as Windows' list does.
     */
    @Test
    void statusColumnShowsTheChainVerdict() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Fabrikam");
        DemoChain chain = App.factory().createDemoChain(name, KeyAlgorithm.EC_P256);
        CertificateEntry ok = App.factory().install(store, chain);
        GeneratedCertificate notCa = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Not a CA"),
                chain.root(), false);
        GeneratedCertificate issued = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Issued by not a CA")
                .withPurposes(List.of(Purpose.CODE_SIGNING)), notCa, false);
        store.add(LogicalStore.INTERMEDIATE, notCa.certificate(), Optional.empty(), notCa.attributes());
        CertificateEntry bad = store.add(LogicalStore.PERSONAL, issued.certificate(), Optional.empty(), issued.attributes());

        SnapInRoot root = add(snapIn(), "My user account", null);
        ConsoleNode certificates = child(child(root, "Personal"), "Certificates");
        assertEquals(CertificateStatus.OK, store.validate(ok).status());
        assertEquals("", row(certificates, ok).orElseThrow().text("status"));
        assertEquals(CertificateStatus.INVALID_CA, store.validate(bad).status());
        assertEquals("Issuer not valid for issuing", row(certificates, bad).orElseThrow().text("status"));
        assertEquals("Code Signing", row(certificates, bad).orElseThrow().text("intendedPurposes"));
    }

    @Test
    void purposeViewGroupsByPurposeAndIsKeptInTheSettings() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Purpose");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));
        SnapInRoot root = add(snapIn(), "My user account", null);

        ConsoleAction options = root.actions().stream().filter(action -> action.label().equals("View Options..."))
                .findFirst().orElseThrow();
        RecordingContext context = new RecordingContext(root, List.of());
        run(options, context);
        SWTBotShell shell = new SWTBot().shell("View Options");
        assertTrue(shell.bot().radio("Logical Certificate Stores").isSelected());
        shell.bot().radio("Certificate purpose").click();
        App.screenshot(shell.widget, "view-options");
        shell.bot().button("OK").click();
        new SWTBot().waitUntil(Conditions.shellCloses(shell));
        assertEquals(1, context.settingsChanged);
        assertEquals(List.of(root), context.refreshed);
        assertTrue(((CertificatesRoot) root).mode().byPurpose());
        assertEquals("purpose", root.settings().get("view"));

        List<String> purposes = root.children().stream().map(ConsoleNode::label).toList();
        assertTrue(purposes.containsAll(List.of("<All>", "Server Authentication", "Client Authentication")), purposes.toString());
        assertTrue(row(child(root, "Server Authentication"), leaf).isPresent());
        assertTrue(row(child(root, "Client Authentication"), leaf).isPresent());

        SnapInRoot reopened = snapIn().createRoot(root.settings());
        assertEquals(root.children().stream().map(ConsoleNode::label).toList(),
                reopened.children().stream().map(ConsoleNode::label).toList());
    }

    @Test
    void addedForAServiceAccountItNamesTheServiceAndShowsHowToGetACertificateIn() throws Exception {
        String service = App.unique("svc").replace(' ', '-');
        SnapInRoot root = add(snapIn(), "Service account", service);
        assertEquals("Certificates - Service (" + service + ") on Local Computer", root.label());
        ListView personal = list(child(child(root, "Personal"), "Certificates"));
        assertTrue(personal.items().isEmpty());
        assertTrue(personal.emptyMessage().contains("Create Self-Signed Certificate..."), personal.emptyMessage());
        assertTrue(personal.emptyMessage().contains("Import..."), personal.emptyMessage());
    }

    @Test
    void addedForTheComputerAccountItIsTheLocalComputer() throws Exception {
        SnapInRoot root = add(snapIn(), "Computer account", null);
        assertEquals("Certificates (Local Computer)", root.label());
        assertEquals(Scope.computer(), ((CertificatesRoot) root).scope());
        assertEquals("computer", root.settings().get("scope"));
    }

    private static final String CREATE_SELF_SIGNED = "org.cairn.certificates.command.createSelfSigned";

    /** The All Tasks entry's command, as the host's menu runs it: with the selected node in the context. */
    private static boolean allTask(String commandId, ConsoleNode node, boolean execute) {
        var commands = App.applicationContext().get(org.eclipse.e4.core.commands.ECommandService.class);
        var handlers = App.applicationContext().get(org.eclipse.e4.core.commands.EHandlerService.class);
        var command = commands.createCommand(commandId, null);
        var selection = org.eclipse.e4.core.contexts.EclipseContextFactory.create("selected node");
        selection.set(org.cairn.console.api.ConsoleIds.SELECTED_NODE, node);
        selection.set(org.cairn.console.api.ConsoleIds.SELECTED_NODE_TYPE, node.nodeTypeId());
        selection.set(org.eclipse.e4.ui.services.IServiceConstants.ACTIVE_SHELL, App.windowShell());
        boolean enabled = UIThreadRunnable.syncExec(App.display(), () -> handlers.canExecute(command, selection));
        if (enabled && execute) {
            UIThreadRunnable.postAndWait(App.display(), () -> handlers.executeHandler(command, selection));
        }
        return enabled;
    }

    @Test
    void allTasksCreateSelfSignedCertificateOnAStoreAddsItToTheList() throws Exception {
        SnapInRoot root = snapIn().createRoot(Map.of("scope", "user"));
        ConsoleNode personal = child(root, "Personal");
        ConsoleNode certificates = child(personal, "Certificates");
        assertFalse(allTask(CREATE_SELF_SIGNED, root, false), "not a task of the root");
        assertTrue(allTask(CREATE_SELF_SIGNED, personal, false));
        assertTrue(allTask(CREATE_SELF_SIGNED, certificates, true));
        SWTBotShell shell = new SWTBot().shell("Create Self-Signed Certificate");
        String host = App.unique("intranet").replace(' ', '-') + ".example.org";
        shell.bot().textWithLabel("Subject:").setText("CN=" + host);
        shell.bot().comboBoxWithLabel("Key type:").setSelection("Ed25519");
        shell.bot().button("OK").click();
        new SWTBot().waitUntil(Conditions.shellCloses(shell), 20_000);
        assertTrue(list(certificates).items().stream().anyMatch(item -> item.text("issuedTo").equals(host)));
    }

    @Test
    void openShowsTheCertificateAndDeleteRemovesIt() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Tailspin");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));
        SnapInRoot root = snapIn().createRoot(Map.of("scope", "user"));
        ConsoleNode certificates = child(child(root, "Personal"), "Certificates");
        CertificateItem item = row(certificates, leaf).orElseThrow();

        ConsoleAction open = item.actions().getFirst();
        assertEquals("Open", open.label());
        RecordingContext context = new RecordingContext(certificates, List.<ResultItem>of(item));
        run(open, context);
        SWTBotShell dialogShell = new SWTBot().shell("Certificate");
        assertEquals(name, dialogShell.bot().textWithLabel("Issued to:").getText());
        dialogShell.bot().button("OK").click();
        new SWTBot().waitUntil(Conditions.shellCloses(dialogShell));

        var sheet = item.properties().orElseThrow();
        assertTrue(sheet.properties().stream().anyMatch(property -> property.key().equals("friendlyName") && property.editable()));
        sheet.apply(Map.of("friendlyName", "Renamed in the sheet"));
        assertEquals("Renamed in the sheet", store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().friendlyName());

        assertTrue(item.canDelete());
        item.delete(context);
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).isEmpty());
        assertTrue(row(certificates, leaf).isEmpty());
    }

    @Test
    void physicalStoresAndArchivedCertificatesFollowTheViewOptions() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Archive");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));
        store.putProperty(leaf, "cairn.archived", "true");

        CertificatesRoot root = (CertificatesRoot) snapIn().createRoot(Map.of("scope", "user"));
        assertTrue(row(child(child(root, "Personal"), "Certificates"), leaf).isEmpty(), "archived certificates are hidden");
        root.setMode(new ViewMode(false, true, true));
        ConsoleNode personal = child(root, "Personal");
        // a smart card or token registered with p11-kit shows here too (on a developer's machine, or one that another
        // test of this JVM logged in to: TokenPhysicalStoreTest)
        assertEquals(List.of(".Default"), personal.children().stream().map(ConsoleNode::label)
                .filter(l -> !l.startsWith("Token: ")).toList());
        assertTrue(row(child(child(personal, ".Default"), "Certificates"), leaf).isPresent(), "shown when asked");
        assertEquals(Map.of("scope", "user", "view", "logical", "physical", "true", "archived", "true"), root.settings());
    }

    @Test
    void certificateOpenedFromTheListCanBeCopiedToAFileWhenTheExportWizardIsThere() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        CertificateEntry leaf = App.factory().install(store,
                App.factory().createDemoChain(App.unique("Export"), KeyAlgorithm.EC_P256));
        ConsoleNode certificates = child(child(snapIn().createRoot(Map.of("scope", "user")), "Personal"), "Certificates");
        CertificateItem item = row(certificates, leaf).orElseThrow();
        CertificateDialogTest.RecordingExportHandler handler = new CertificateDialogTest.RecordingExportHandler();
        var handlers = App.applicationContext().get(org.eclipse.e4.core.commands.EHandlerService.class);
        UIThreadRunnable.syncExec(App.display(), () -> handlers.activateHandler(CertificateUiIds.EXPORT_COMMAND, handler));
        try {
            run(item.actions().getFirst(), new RecordingContext(certificates, List.<ResultItem>of(item)));
            SWTBotShell dialogShell = new SWTBot().shell("Certificate");
            dialogShell.bot().tabItem("Details").activate();
            dialogShell.bot().button("Copy to File...").click();
            dialogShell.bot().waitUntil(Conditions.condition("the export command ran", () -> handler.received.get() != null));
            assertEquals(List.of(leaf), handler.received.get());
        } finally {
            UIThreadRunnable.syncExec(App.display(), () -> handlers.deactivateHandler(CertificateUiIds.EXPORT_COMMAND, handler));
        }
    }

    @Test
    void anOrdinaryAccountSeesTheComputerCertificatesButNotTheirKeysAndCannotAdd() throws Exception {
        CertificateStore asRoot = App.stores().open(Scope.computer());
        String name = App.unique("Computer");
        CertificateEntry leaf = App.factory().install(asRoot, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));

        Path base = Path.of(System.getProperty("cairn.store.root"));
        CertificateStoreService asAlice = CertificateStores.create(org.cairn.certificates.core.StoreRoots.under(base),
                new Identity(1000, "alice"), List.of(CertificateStores.fileStoreProvider()));
        SnapInRoot root = new CertificatesSnapIn(asAlice, App.factory()).createRoot(Map.of("scope", "computer"));
        ConsoleNode certificates = child(child(root, "Personal"), "Certificates");
        CertificateItem item = row(certificates, leaf).orElseThrow();
        assertEquals("Private key not accessible", item.text("status"));
        assertFalse(item.canDelete());
        assertFalse(allTask(CREATE_SELF_SIGNED, certificates, false));
        String why = org.cairn.certificates.ui.internal.StoreTarget.of(certificates).orElseThrow().whyCannotCreate()
                .orElseThrow();
        assertTrue(why.startsWith("You cannot add certificates to this store: "), why);
    }
}
