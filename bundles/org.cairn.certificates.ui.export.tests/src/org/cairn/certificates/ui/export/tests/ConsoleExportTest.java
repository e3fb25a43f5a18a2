package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.pkcs11.SoftHsm;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotMenu;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's procedure word for word in the console window: add the Certificates snap-in for an account, find the
 * certificate in the details pane (Logical Certificate Stores view: Personal → Certificates; Certificate purpose
 * view: the purpose), select it, Action → All Tasks → Export... (or the same from the context menu), and go
 * through the wizard to a PKCS #12 file that the shared interoperability check accepts; then check the store.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleExportTest {

    private static final String PASSWORD = "Procedure-7-Export!";
    private static final String USER_ROOT = ConsoleWindow.USER_ROOT;
    private static final String COMPUTER_ROOT = "Certificates (Local Computer)";

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

    /** Steps 2 and 3: the node's details pane, the certificate selected in it. */
    private SWTBotTable selectCertificate(SWTBotTreeItem node, CertificateEntry leaf) {
        node.select();
        SWTBotTable table = console.shell().bot().table();
        bot.waitUntil(Conditions.condition("the certificate is listed",
                () -> ConsoleWindow.rowOf(table, leaf.issuedTo()) >= 0));
        table.select(ConsoleWindow.rowOf(table, leaf.issuedTo()));
        return table;
    }

    private List<String> allTasks() {
        return console.shell().bot().menu("Action").menu("All Tasks").menuItems();
    }

    /** Steps 5 to 9 for PKCS #12 with the key and the chain; returns after "The export was successful." */
    private void exportPkcs12(Path file, boolean deleteKey, String encryption) {
        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        assertTrue(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isSelected());
        wizard.checkBox(ExportWizardBot.CHAIN, 1).select();
        if (deleteKey) {
            wizard.page().checkBox("Delete the private key if the export is successful").select();
        }
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        wizard.page().comboBoxWithLabel("Encryption:").setSelection(encryption);
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals(file.toString(), wizard.page().table().cell(0, 1));
        assertEquals("Yes", wizard.page().table().cell(1, 1));
        assertEquals("Yes", wizard.page().table().cell(2, 1));
        assertEquals(encryption, wizard.page().table().cell(4, 1));
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        assertTrue(done.bot().label(deleteKey
                ? "The export was successful.\n\nThe private key was deleted from the certificate store."
                : "The export was successful.").isVisible());
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));
    }

    /** Account, its root in the console tree, its scope, the view, the menu used, delete the key, encryption. */
    static Stream<Arguments> accountsAndViews() {
        return Stream.of(
                Arguments.of("My user account", USER_ROOT, Scope.currentUser(), false, false, false, "AES256-SHA256"),
                Arguments.of("My user account", USER_ROOT, Scope.currentUser(), true, true, true, "TripleDES-SHA1"),
                Arguments.of("Computer account", COMPUTER_ROOT, Scope.computer(), false, true, true, "AES256-SHA256"),
                Arguments.of("Computer account", COMPUTER_ROOT, Scope.computer(), true, false, false,
                        "TripleDES-SHA1"));
    }

    @ParameterizedTest(name = "{0}, purpose view {3}, context menu {4}, delete key {5}, {6}")
    @MethodSource("accountsAndViews")
    void exportFromTheDetailsPaneWritesAReadablePfxAndLeavesTheCertificateInTheStore(String account,
            String rootLabel, Scope scope, boolean purposeView, boolean contextMenu, boolean deleteKey,
            String encryption) throws Exception {
        CertificateStore store = Fixture.store(scope);
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path file = Fixture.exportFolder("console").resolve("exported.pfx");

        SWTBotTreeItem root = console.addCertificates(account, rootLabel);
        SWTBotTable table;
        if (purposeView) {
            root.select();
            console.shell().bot().menu("Action").menu("View Options...").click();
            SWTBotShell options = bot.shell("View Options");
            options.bot().radio("Certificate purpose").click();
            options.bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(options));
            bot.waitUntil(Conditions.condition("the purposes in the tree",
                    () -> root.expand().getNodes().contains("Server Authentication")));
            table = selectCertificate(root.getNode("Server Authentication"), leaf);
        } else {
            SWTBotTreeItem personal = root.expand().getNode("Personal");
            personal.select();
            assertFalse(allTasks().contains("Export..."), "a store is not a certificate: " + allTasks());
            table = selectCertificate(personal.expand().getNode("Certificates"), leaf);
        }
        assertTrue(allTasks().contains("Export..."), allTasks().toString());
        if (contextMenu) {
            SWTBotMenu contextTasks = table.contextMenu("All Tasks");
            assertTrue(contextTasks.menuItems().contains("Export..."), contextTasks.menuItems().toString());
            contextTasks.menu("Export...").click();
        } else {
            console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
        }
        exportPkcs12(file, deleteKey, encryption);

        Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 3);
        assertEquals(0, check.exitCode(), check.output());
        CertificateEntry after = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertEquals(!deleteKey, after.hasPrivateKey(), deleteKey ? "only the key was deleted" : "the key stays");
    }

    @Test
    void copyToFileInTheCertificateDialogOpensTheWizardOnThatCertificate() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path file = Fixture.exportFolder("console-copy").resolve("copy.cer");

        SWTBotTreeItem root = console.addCertificates("My user account", USER_ROOT);
        SWTBotTable table = selectCertificate(root.expand().getNode("Personal").expand().getNode("Certificates"), leaf);
        table.doubleClick(ConsoleWindow.rowOf(table, leaf.issuedTo()));
        SWTBotShell certificate = bot.shell("Certificate");
        certificate.bot().tabItem("Details").activate();
        certificate.bot().button("Copy to File...").click();

        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        assertTrue(wizard.shows("Certificate: " + leaf.issuedTo()));
        wizard.clickNext("Export Private Key");
        wizard.clickNext("Export File Format");
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));
        assertArrayEquals(leaf.encoded(), Files.readAllBytes(file), "the DER certificate");
        certificate.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(certificate));
    }

    @Test
    void exportInFindCertificatesOpensTheWizardOnTheFoundCertificate() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        SWTBotTreeItem root = console.addCertificates("My user account", USER_ROOT);
        root.select();
        console.shell().bot().menu("Action").menu("Find Certificates...").click();
        SWTBotShell find = bot.shell("Find Certificates");
        find.bot().textWithLabel("Contains:").setText(leaf.issuedTo());
        find.bot().button("Find Now").click();
        SWTBotTable found = find.bot().table();
        bot.waitUntil(Conditions.condition("the certificate is found", () -> found.rowCount() > 0
                && found.cell(0, 0).equals(leaf.issuedTo())));
        found.select(0);
        find.bot().button("Export...").click();

        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        assertTrue(wizard.shows("Certificate: " + leaf.issuedTo()));
        wizard.cancel();
        find.bot().button("Close").click();
        bot.waitUntil(Conditions.shellCloses(find));
    }

    /** Runs a command in {@code dir}; fails the test when it fails. */
    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES), String.join(" ", command));
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }

    /**
     * Issue 13: the browser's client certificate in the user's NSS database (~/.pki/nssdb of the test JVM's own
     * HOME, made by openssl and pk12util), exported with its key through the same procedure: select, Action → All
     * Tasks → Export..., "Yes, export the private key", PKCS #12; the file passes the five independent readers and
     * the key stays in NSS.
     */
    @Test
    void exportsTheBrowsersClientCertificateFromTheNssDatabase() throws Exception {
        Path home = Path.of(System.getenv("HOME"));
        assertTrue(home.toString().contains("target"), "the test JVM's own home: " + home);
        Path db = home.resolve(".pki/nssdb");
        Path work = Fixture.exportFolder("nss-source");
        Path file = Fixture.exportFolder("nss").resolve("browser.pfx");
        Files.createDirectories(db);
        try {
            run(work, "certutil", "-N", "-d", "sql:" + db, "--empty-password");
            run(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "client.key", "-out", "client.crt", "-subj", "/CN=Browser Client NSS", "-days", "30",
                    "-addext", "basicConstraints=critical,CA:false", "-addext", "extendedKeyUsage=clientAuth");
            run(work, "openssl", "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-name",
                    "Browser client", "-out", "client.p12", "-passout", "pass:transport");
            Files.writeString(work.resolve("transport.txt"), "transport\n");
            run(work, "pk12util", "-i", "client.p12", "-d", "sql:" + db, "-w", "transport.txt");

            SWTBotTreeItem root = console.addCertificates("My user account", USER_ROOT);
            SWTBotTreeItem personal = root.expand().getNode("Personal");
            SWTBotTreeItem certificates = personal.expand().getNode("Certificates");
            certificates.select();
            SWTBotTable table = console.shell().bot().table();
            bot.waitUntil(Conditions.condition("the NSS certificate is listed",
                    () -> ConsoleWindow.rowOf(table, "Browser Client NSS") >= 0));
            table.select(ConsoleWindow.rowOf(table, "Browser Client NSS"));
            org.cairn.testing.ui.Gallery.capture(console.shell(), "nss-personal-browser-certificate");
            console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
            exportPkcs12(file, false, "AES256-SHA256");

            Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 1);
            assertEquals(0, check.exitCode(), check.output());
            String keys = run(work, "certutil", "-K", "-d", "sql:" + db);
            assertTrue(keys.contains("Browser client"), "the key stays in NSS: " + keys);
        } finally {
            try (Stream<Path> files = Files.walk(home.resolve(".pki"))) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /**
     * Issue 13: a SoftHSM2 token (in the test JVM's own SOFTHSM2_CONF, seen through p11-kit) holds a certificate and
     * its key; the Export wizard on it shows "Yes, export the private key" disabled, with the reason.
     */
    @Test
    void aTokensKeyCannotBeExportedAndTheWizardSaysWhy() throws Exception {
        Path work = Fixture.exportFolder("token-source");
        SoftHsm tokens = SoftHsm.fresh("softhsm-tokens-ui", work);
        try {
            tokens.initToken("cairn-ui", "5678");
            run(work, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", "t.key", "-out", "t.crt", "-subj", "/CN=Token User UI", "-days", "30");
            run(work, "openssl", "pkcs8", "-topk8", "-nocrypt", "-in", "t.key", "-outform", "DER", "-out", "t.p8");
            tokens.storeUnextractable(work.resolve("t.p8"), work.resolve("t.crt"), "token-user", "5678");

            SWTBotTreeItem root = console.addCertificates("My user account", USER_ROOT);
            SWTBotTreeItem certificates = root.expand().getNode("Personal").expand().getNode("Certificates");
            certificates.select();
            SWTBotTable table = console.shell().bot().table();
            bot.waitUntil(Conditions.condition("the token's certificate is listed",
                    () -> ConsoleWindow.rowOf(table, "Token User UI") >= 0));
            table.select(ConsoleWindow.rowOf(table, "Token User UI"));
            console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
            ExportWizardBot wizard = new ExportWizardBot(bot);
            wizard.waitForPage("Welcome to the Certificate Export Wizard");
            wizard.clickNext("Export Private Key");
            assertFalse(wizard.page().radio("Yes, export the private key").isEnabled());
            assertTrue(wizard.page().radio("No, do not export the private key").isSelected());
            assertTrue(wizard.page().label("Note: The associated private key is marked as not exportable. Only the "
                    + "certificate can be exported.").isVisible());
            assertTrue(wizard.shows("Reason: The private key is on the smart card or token cairn-ui and cannot leave "
                    + "it. Export the certificate without the private key."));
            org.cairn.testing.ui.Gallery.capture(wizard.shell(), "nss-token-key-not-exportable");
            wizard.cancel();
        } finally {
            tokens.remove();
        }
    }
}
