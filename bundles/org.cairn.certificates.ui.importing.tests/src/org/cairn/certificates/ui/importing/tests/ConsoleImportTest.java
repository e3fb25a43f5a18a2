package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotMenu;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The import in the console window, as an administrator does it: Action → All Tasks → Import... (or the context
 * menu) on a store's Certificates folder, File → Import... on the snap-in's root, File → Import... with nothing of
 * the snap-in selected; the store's list shows the imported certificate afterwards.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleImportTest {

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private List<String> allTasks() {
        return console.shell().bot().menu("Action").menu("All Tasks").menuItems();
    }

    @Test
    void allTasksImportOnTheCertificatesFolderAddsToThatStoreAndItsListShowsTheCertificate() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Console Import"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("console").resolve("backup.pfx"), true);

        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        root.select();
        assertFalse(allTasks().contains("Import..."), "the root is not a store: " + allTasks());
        SWTBotTreeItem personal = root.expand().getNode("Personal");
        personal.select();
        assertTrue(allTasks().contains("Import..."), allTasks().toString());
        SWTBotTreeItem certificates = personal.expand().getNode("Certificates");
        certificates.select();
        assertTrue(Fixture.store(Scope.currentUser()).find(LogicalStore.PERSONAL, leaf.thumbprint()).isEmpty());
        SWTBotMenu contextTasks = console.shell().bot().tree().contextMenu("All Tasks");
        assertTrue(contextTasks.menuItems().contains("Import..."), contextTasks.menuItems().toString());
        contextTasks.menu("Import...").click();

        ImportWizardBot wizard = new ImportWizardBot(bot);
        wizard.chooseFile(file);
        wizard.password(Fixture.PASSWORD);
        assertEquals("Personal", wizard.page().textWithLabel("Certificate store:").getText());
        wizard.clickNext(ImportWizardBot.COMPLETING);
        String done = wizard.finishSuccessfully();
        assertTrue(done.startsWith("The import was successful."), done);

        bot.waitUntil(Conditions.condition("the list shows the imported certificate",
                () -> console.rowNow(leaf.issuedTo()) >= 0));
        Gallery.capture(console.shell(), "import-6-console-after-import");
        CertificateStore store = Fixture.store(Scope.currentUser());
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey());
    }

    /**
     * Browse... → "Show physical stores" (issue 13 item 3): the physical stores behind each logical store, read in the
     * background; a root CA imported into the user's NSS database (Chrome's, made by certutil in this test JVM's
     * own HOME) lands there with NSS's trust for a root, as certutil -L shows.
     */
    @Test
    void showPhysicalStoresImportsIntoTheChromeNssDatabaseAsCertutilSees() throws Exception {
        Path db = Path.of(System.getenv("HOME")).resolve(".pki/nssdb");
        Files.createDirectories(db);
        Fixture.run(db, java.util.Map.of(), "certutil", "-N", "-d", "sql:" + db, "--empty-password");
        try {
            CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("NSS Import"));
            CertificateEntry ca = Fixture.store(leaf.scope()).chain(leaf).certificates().get(2);
            Path file = Fixture.export(ca, ExportFormat.DER, Fixture.folder("console-nss").resolve("root.cer"), false);

            SWTBotTreeItem trusted = console.addCertificatesForMyUserAccount().expand().getNode("Trusted Root Certification Authorities");
            trusted.select();
            console.shell().bot().menu("Action").menu("All Tasks").menu("Import...").click();
            ImportWizardBot wizard = new ImportWizardBot(bot);
            wizard.chooseFile(file);
            wizard.waitForPage(ImportWizardBot.STORE);
            assertEquals("Trusted Root Certification Authorities",
                    wizard.page().textWithLabel("Certificate store:").getText());
            wizard.page().button("Browse...").click();
            SWTBotShell select = bot.shell("Select Certificate Store");
            select.bot().checkBox("Show physical stores").click();
            SWTBotTreeItem logical = select.bot().tree().getTreeItem("Trusted Root Certification Authorities");
            bot.waitUntil(Conditions.condition("the NSS database under Trusted Root Certification Authorities",
                    () -> logical.expand().getNodes().contains(NSS)));
            assertTrue(logical.getNodes().contains(".Default"), "Cairn's own store is offered too: " + logical.getNodes());
            ImportWizardBot.screenshot(select, "import-4b-select-physical-store");
            logical.getNode(NSS).select();
            select.bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(select));
            assertEquals("Trusted Root Certification Authorities\\" + NSS,
                    wizard.page().textWithLabel("Certificate store:").getText());
            wizard.clickNext(ImportWizardBot.COMPLETING);
            List<String> summary = wizard.summary();
            assertTrue(summary.contains("Certificate Store Selected: Trusted Root Certification Authorities\\" + NSS),
                    summary.toString());
            assertTrue(summary.contains("Physical Store: " + NSS), summary.toString());
            assertTrue(summary.stream().anyMatch(r -> r.startsWith("Location: ") && r.contains(db.toString())),
                    summary.toString());
            String done = wizard.finishSuccessfully();
            assertTrue(done.startsWith("The import was successful."), done);

            String listed = Fixture.run(db, java.util.Map.of(), "certutil", "-L", "-d", "sql:" + db);
            assertTrue(listed.lines().anyMatch(l -> l.startsWith(ca.issuedTo()) && l.strip().endsWith("CT,C,C")),
                    listed);
            assertTrue(Fixture.store(Scope.currentUser()).find(LogicalStore.TRUSTED_ROOT, ca.thumbprint())
                    .orElseThrow().physicalStores().contains(NSS));
        } finally {
            try (var files = Files.walk(db.getParent())) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static final String NSS = "NSS: Chrome and system";

    @Test
    void fileImportOnTheSnapInRootImportsIntoTheStoresItsTypeChooses() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("File Import"));
        Path file = Fixture.export(leaf, ExportFormat.PKCS7, Fixture.folder("console-file").resolve("chain.p7b"), true);
        List<CertificateEntry> chain = Fixture.store(leaf.scope()).chain(leaf).certificates();

        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        root.select();
        console.shell().bot().menu("File").menu("Import...").click();
        ImportWizardBot wizard = new ImportWizardBot(bot);
        assertTrue(wizard.shows("Store Location: Current User"));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.STORE);
        assertTrue(wizard.page().radio(ImportWizardBot.AUTOMATIC).isSelected());
        wizard.clickNext(ImportWizardBot.COMPLETING);
        wizard.finishSuccessfully();

        CertificateStore store = Fixture.store(Scope.currentUser());
        assertTrue(store.find(LogicalStore.OTHER_PEOPLE, leaf.thumbprint()).isPresent());
        assertTrue(store.find(LogicalStore.INTERMEDIATE, chain.get(1).thumbprint()).isPresent());
        assertTrue(store.find(LogicalStore.TRUSTED_ROOT, chain.get(2).thumbprint()).isPresent());
    }

    @Test
    void purposeViewOffersImportOnAPurpose() throws Exception {
        var factory = Fixture.service(org.cairn.certificates.core.CertificateFactoryService.class);
        factory.install(Fixture.store(Scope.currentUser()), factory.createDemoChain(Fixture.unique("Purpose"),
                org.cairn.certificates.core.KeyAlgorithm.EC_P256));
        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        root.select();
        console.shell().bot().menu("Action").menu("View Options...").click();
        SWTBotShell options = bot.shell("View Options");
        options.bot().radio("Certificate purpose").click();
        options.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(options));
        bot.waitUntil(Conditions.condition("the purposes in the tree", () -> root.expand().getNodes().contains("Server Authentication")));
        root.getNode("Server Authentication").select();
        assertTrue(allTasks().contains("Import..."), allTasks().toString());
    }

    @Test
    void fileImportWithoutACertificatesNodeSaysWhatToSelect() {
        console.shell().bot().tree().getTreeItem("Console Root").select();
        console.shell().bot().menu("File").menu("Import...").click();
        SWTBotShell message = bot.shell("Certificate Import Wizard");
        String text = UIThreadRunnable.syncExec(bot.display(), () -> message.bot()
                .findWidgets(org.cairn.testing.ui.WidgetMatcherFactory
                        .<org.eclipse.swt.widgets.Label>widgetOfType(org.eclipse.swt.widgets.Label.class))
                .stream().map(org.eclipse.swt.widgets.Label::getText).reduce("", String::concat));
        assertTrue(text.startsWith("To import certificates, first select the Certificates snap-in, or one of its "
                + "certificate stores, in the console tree"), text);
        ImportWizardBot.screenshot(message, "import-0-no-store-selected");
        message.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(message));
    }
}
