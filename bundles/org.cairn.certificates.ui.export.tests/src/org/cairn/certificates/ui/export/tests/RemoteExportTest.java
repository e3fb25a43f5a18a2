package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ssh.OtherComputer;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed procedure on "Another computer" (issue 18): a certificate with its private key on the other computer
 * (a real sshd on 127.0.0.1 whose "cairn" is this runtime's command line on a store root of its own), exported
 * through the Certificate Export Wizard of the console: the PFX is written on this computer, the five readers of
 * releng/pfx-readers open it, and the key is deleted there only after that success; a key the other side refuses
 * is reported by the wizard with the other side's reason.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class RemoteExportTest {

    private static final String PASSWORD = "Remote-Seed-7-Export!";

    private static OtherComputer other;

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeAll
    static void startTheOtherComputer() throws Exception {
        other = OtherComputer.start(Files.createTempDirectory("cairn-other-computer"));
        Files.writeString(OtherComputer.consoleSsh().resolve("known_hosts"), other.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopTheOtherComputer() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    /** Personal → Certificates of the other computer, {@code name} selected (read there: seconds, not milliseconds). */
    private SWTBotTable personal(SWTBotTreeItem root, String name) {
        SWTBotTable table = console.listedInPersonal(console.connected(root, 120_000), name, 120_000);
        table.select(ConsoleWindow.rowOf(table, name));
        return table;
    }

    /** Export Private Key → PFX → Security → File → Finish; returns the wizard's last message. */
    private String exportPkcs12(Path file, boolean deleteKey) {
        console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        assertTrue(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isSelected());
        if (deleteKey) {
            wizard.page().checkBox("Delete the private key if the export is successful").select();
        }
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        screenshot(wizard.shell(), "remote-export-completing");
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        screenshot(done, "remote-export-result");
        String text = String.join("\n", org.cairn.testing.ui.UIThreadRunnable.syncExec(bot.display(),
                () -> java.util.Arrays.stream(((org.eclipse.swt.widgets.Shell) done.widget).getChildren())
                        .flatMap(RemoteExportTest::labels).toList()));
        done.bot().button("OK").click();
        return text;
    }

    private static void screenshot(SWTBotShell shell, String name) {
        shell.captureScreenshot(Path.of(System.getProperty("user.dir"), "target", "screenshots", name + ".png"));
    }

    private static java.util.stream.Stream<String> labels(org.eclipse.swt.widgets.Control control) {
        if (control instanceof org.eclipse.swt.widgets.Label label) {
            return java.util.stream.Stream.of(label.getText());
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            return java.util.Arrays.stream(composite.getChildren()).flatMap(RemoteExportTest::labels);
        }
        return java.util.stream.Stream.empty();
    }

    @Test
    void theSeedProcedureWritesThePfxHereAndDeletesTheKeyThereOnlyAfterSuccess() throws Exception {
        String name = "Remote Seed " + Long.toHexString(System.nanoTime());
        String created = other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name,
                "--exportable", "--json");
        String thumbprint = created.replaceAll("(?s).*\"thumbprint\"\\s*:\\s*\"([0-9A-F]{40})\".*", "$1");
        Path file = Fixture.exportFolder("remote").resolve("seed.pfx");

        java.util.Set<Path> folders = other.temporaryFolders();
        SWTBotTreeItem root = console.addAnotherComputer(other.name());
        personal(root, name);
        screenshot(console.shell(), "remote-export-selected");
        String result = exportPkcs12(file, true);
        assertTrue(result.contains("The export was successful."), result);
        assertTrue(result.contains("The private key was deleted"), result);
        bot.waitUntil(Conditions.condition("the wizard closed", () -> !console.hasShell(ExportWizardBot.TITLE)));

        assertTrue(Files.isRegularFile(file), "the PFX is written on this computer");
        Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 1);
        assertEquals(0, check.exitCode(), check.output());
        String after = other.cairn("show", thumbprint, "--scope", "computer", "--json");
        assertTrue(after.replaceAll("\\s", "").contains("\"hasPrivateKey\":false"),
                "the key was deleted there after the success, the certificate stays: " + after);
        assertEquals(folders, other.temporaryFolders(), "nothing stays on the other computer");
    }

    @Test
    void whatTheOtherComputerRefusesIsReportedWithItsReasonAndNothingIsWritten() throws Exception {
        String name = "Remote Gone " + Long.toHexString(System.nanoTime());
        String created = other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name,
                "--exportable", "--json");
        String thumbprint = created.replaceAll("(?s).*\"thumbprint\"\\s*:\\s*\"([0-9A-F]{40})\".*", "$1");
        Path file = Fixture.exportFolder("remote").resolve("gone.pfx");
        SWTBotTreeItem root = console.addAnotherComputer(other.name());
        personal(root, name);
        // someone deletes it there meanwhile: the other computer's export refuses, and the wizard says why
        other.cairn("delete", thumbprint, "--scope", "computer", "--store", "My");
        String result = exportPkcs12(file, true);
        assertTrue(result.contains("refused there") && result.contains(thumbprint), result);
        assertFalse(Files.exists(file), "nothing was written here");
    }

    /**
     * The account's rights there apply and sudo is not used: a key that root stored on the other computer is refused
     * to the account the console logs in as there (not root), and the wizard says so with the other side's reason;
     * nothing is written here and the key stays there.
     */
    @Test
    void aKeyTheAccountThereMayNotReadIsRefusedWithTheReasonFromThere() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root: sshd with an account of its own");
        Path folder = Files.createTempDirectory(Path.of("/tmp"), "cairn-other-account");
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        // closing the other computer deletes its folder
        try (OtherComputer withAccount = OtherComputer.startWithAccount(folder, "cairnop")) {
            Files.writeString(OtherComputer.consoleSsh().resolve("known_hosts"), withAccount.knownHostsLine() + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            String name = "Remote Root Key " + Long.toHexString(System.nanoTime());
            // root stores it there (its key.p8 is root's, mode 0600), as a service's key usually is
            String created = withAccount.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name,
                    "--exportable", "--json");
            String thumbprint = created.replaceAll("(?s).*\"thumbprint\"\\s*:\\s*\"([0-9A-F]{40})\".*", "$1");
            Path file = Fixture.exportFolder("remote").resolve("not-mine.pfx");

            SWTBotTreeItem root = console.addAnotherComputer(withAccount.name());
            personal(root, name);
            screenshot(console.shell(), "remote-export-account-selected");
            String result = exportPkcs12(file, true);
            assertTrue(result.contains("refused there"), result);
            // the other side's own words (its store's rights): whose key it is and what to do
            assertTrue(result.contains("The private key belongs to") && result.contains("sudo"), result);
            assertFalse(Files.exists(file), "nothing was written here");
            String after = withAccount.cairn("show", thumbprint, "--scope", "computer", "--json");
            assertTrue(after.replaceAll("\\s", "").contains("\"hasPrivateKey\":true"), "the key stays there: " + after);
        }
    }
}
