package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Certificates snap-in in the real console window: added through File → Add/Remove Snap-in... for each account,
 * browsed in both views, a certificate found and opened, the store's All Tasks.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleSnapInTest {

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

    private SWTBotShell window() {
        return console.shell();
    }

    private String title() {
        return console.title();
    }

    private void newConsole() {
        console.newConsole();
    }

    /** Adds the Certificates snap-in for {@code account} (and {@code service}), with a screenshot of its page. */
    private SWTBotTreeItem addCertificates(String account, String service, String rootLabel) {
        SWTBotShell configure = console.certificatesPage(account);
        SWTBotTable available = bot.shell(ConsoleWindow.ADD_REMOVE).bot().table();
        assertEquals("Cairn", available.cell(available.indexOf("Certificates"), "Vendor"));
        if (service != null) {
            configure.bot().textWithLabel("Service name:").setText(service);
        }
        App.screenshot(configure.widget, "console-add-certificates-" + account.replace(' ', '-').toLowerCase());
        return console.finishAdding(configure, rootLabel);
    }

    private SWTBotTable selectAndList(SWTBotTreeItem node) {
        return console.selectAndList(node);
    }

    private static int rowOf(SWTBotTable table, String issuedTo) {
        return ConsoleWindow.rowOf(table, issuedTo);
    }

    @Test
    void myUserAccountInBothViewsFindsAndOpensTheCertificate() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Woodgrove");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));

        SWTBotTreeItem root = addCertificates("My user account", null, "Certificates - Current User");
        root.expand();
        bot.waitUntil(Conditions.condition("the logical stores", () -> root.getNodes().size() == 10));
        assertEquals("Personal", root.getNodes().getFirst());
        SWTBotTreeItem certificates = root.getNode("Personal").expand().getNode("Certificates");
        SWTBotTable table = selectAndList(certificates);
        assertEquals(List.of("Issued To", "Issued By", "Expiration Date", "Intended Purposes", "Friendly Name",
                "Status", "Certificate Template"), table.columns());
        bot.waitUntil(Conditions.condition("the certificate is listed", () -> rowOf(table, name) >= 0));
        int row = rowOf(table, name);
        assertEquals(name + " Intermediate CA", table.cell(row, "Issued By"));
        table.select(row);
        App.screenshot(window().widget, "console-logical-view");

        assertEquals(List.of("Create Self-Signed Certificate..."),
                window().bot().menu("Action").menu("All Tasks").menuItems().stream()
                        .filter(item -> item.startsWith("Create")).toList());

        table.doubleClick(row);
        SWTBotShell certificate = bot.shell("Certificate");
        assertEquals(name, certificate.bot().textWithLabel("Issued to:").getText());
        certificate.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(certificate));

        root.select();
        window().bot().menu("Action").menu("View Options...").click();
        SWTBotShell options = bot.shell("View Options");
        options.bot().radio("Certificate purpose").click();
        options.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(options));
        bot.waitUntil(Conditions.condition("the purposes in the tree",
                () -> root.expand().getNodes().contains("Server Authentication")));
        SWTBotTable byPurpose = selectAndList(root.getNode("Server Authentication"));
        bot.waitUntil(Conditions.condition("the certificate is listed under its purpose",
                () -> rowOf(byPurpose, name) >= 0));
        byPurpose.select(rowOf(byPurpose, name));
        assertTrue(title().startsWith("Cairn*"), "the view mode is a change of the console: " + title());
        App.screenshot(window().widget, "console-purpose-view");
        assertTrue(leaf.hasPrivateKey());
    }

    @Test
    void serviceAccountShowsHowToGetACertificateIntoItsEmptyPersonalStore() {
        String service = App.unique("mail").replace(' ', '-');
        SWTBotTreeItem root = addCertificates("Service account", service,
                "Certificates - Service (" + service + ") on Local Computer");
        root.expand().getNode("Personal").expand().getNode("Certificates").select();
        bot.waitUntil(Conditions.condition("the empty store says what to do", () -> Widgets.labels(window().bot())
                .stream().anyMatch(text -> text.contains("Create Self-Signed Certificate..."))));
        App.screenshot(window().widget, "console-empty-personal");
    }

    @Test
    void computerAccountIsTheLocalComputer() {
        SWTBotTreeItem root = addCertificates("Computer account", null, "Certificates (Local Computer)");
        root.expand();
        bot.waitUntil(Conditions.condition("the logical stores", () -> root.getNodes().size() == 10));
        selectAndList(root.getNode("Trusted Root Certification Authorities").expand().getNode("Certificates"));
        App.screenshot(window().widget, "console-computer-trusted-root");
    }

    /**
     * @return the default console {@code name} as the product ships it (a root file of the certificates feature),
     *         copied to a file beside the test stores
     */
    private static java.nio.file.Path defaultConsole(String name) throws Exception {
        java.nio.file.Path shipped = java.nio.file.Path.of(System.getProperty("cairn.repo.root"))
                .resolve("features/org.cairn.certificates.feature/rootfiles/consoles").resolve(name);
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("cairn.store.root")).resolveSibling("consoles")
                .resolve(name);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.copy(shipped, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    @Test
    void defaultConsolesOpenTheCurrentUserAndTheLocalComputer() throws Exception {
        for (String[] console : new String[][] {{"certmgr.cairn", "Certificates - Current User"},
                {"certlm.cairn", "Certificates (Local Computer)"}}) {
            newConsole();
            window().bot().menu("File").menu("Open...").click();
            SWTBotShell open = bot.shell("Open");
            open.bot().textWithLabel("File name:").setText(defaultConsole(console[0]).toString());
            open.bot().button("Open").click();
            bot.waitUntil(Conditions.condition("the default console is open",
                    () -> title().endsWith("[Console Root\\" + console[1] + "]")));
            SWTBotTreeItem root = window().bot().tree().getTreeItem("Console Root").getNode(console[1]);
            bot.waitUntil(Conditions.condition("its stores are shown", () -> root.getNodes().contains("Personal")));
        }
    }

    @Test
    void findCertificatesByNameAndByThumbprintThenOpenOne() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Litware");
        CertificateEntry leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));
        SWTBotTreeItem root = addCertificates("My user account", null, "Certificates - Current User");
        root.select();
        window().bot().menu("Action").menu("Find Certificates...").click();
        SWTBotShell find = bot.shell("Find Certificates");
        assertEquals("All certificate stores", find.bot().comboBoxWithLabel("Find in:").selection());
        find.bot().textWithLabel("Contains:").setText(name);
        find.bot().button("Find Now").click();
        SWTBotTable found = find.bot().table();
        // the search runs in the background, store by store: wait for its end
        bot.waitUntil(Conditions.condition("the search is done",
                () -> Widgets.labels(find.bot()).contains("3 certificate(s) found")));
        assertEquals(3, found.rowCount());
        assertEquals(List.of(name, name + " Intermediate CA", name + " Root CA"),
                List.of(found.cell(0, 0), found.cell(1, 0), found.cell(2, 0)));
        App.screenshot(find.widget, "find-certificates");

        find.bot().comboBoxWithLabel("Look in Field:").setSelection("SHA1 Hash");
        String spaced = leaf.thumbprint().toLowerCase(java.util.Locale.ROOT).replaceAll("(..)(?!$)", "$1 ");
        find.bot().textWithLabel("Contains:").setText(spaced);
        find.bot().button("Find Now").click();
        bot.waitUntil(Conditions.condition("the second search is done",
                () -> Widgets.labels(find.bot()).contains("1 certificate(s) found")));
        assertEquals(name, found.cell(0, 0));
        found.select(0);
        assertTrue(!find.bot().button("Export...").isEnabled(), "no export wizard is installed in this build");
        find.bot().button("Open").click();
        SWTBotShell certificate = bot.shell("Certificate");
        assertEquals(name, certificate.bot().textWithLabel("Issued to:").getText());
        certificate.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(certificate));
        find.bot().button("Close").click();
        bot.waitUntil(Conditions.shellCloses(find));
    }
}
