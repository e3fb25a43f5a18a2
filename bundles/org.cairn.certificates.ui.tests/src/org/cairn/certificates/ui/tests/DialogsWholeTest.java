package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a person sees of the Certificates snap-in's dialogs (issue 12): the account step, View Options, Find
 * Certificates, Create Self-Signed Certificate, the certificate dialog's three tabs, its Edit Properties dialog and
 * Certificates Help, each opened as a user opens it, show every control whole at the size they open with. Runs at
 * the default scale and, in the bundle's second test run, at GDK_DPI_SCALE=1.5. Saves each for the gallery.
 */
@ExtendWith(ScreenshotOnFailure.class)
class DialogsWholeTest {

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    /** Every dialog's faults, so that one run shows them all. */
    private final List<String> faults = new ArrayList<>();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    @Test
    void everyCertificatesDialogShowsEveryControlWhole() throws Exception {
        CertificateStore store = App.stores().open(Scope.currentUser());
        String name = App.unique("Fabrikam Backup");
        App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));

        console.shell().bot().menu("File").menu("Add/Remove Snap-in...").click();
        SWTBotShell addRemove = bot.shell("Add or Remove Snap-ins");
        addRemove.bot().table().select("Certificates");
        addRemove.bot().button("Add >").click();
        SWTBotShell account = bot.shell("Certificates snap-in");
        look(account, "certificates-account");
        account.bot().radio("My user account").click();
        account.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(account));
        addRemove.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(addRemove));
        SWTBotTreeItem consoleRoot = console.shell().bot().tree().getTreeItem("Console Root").expand();
        bot.waitUntil(Conditions.condition("the snap-in's root in the tree",
                () -> consoleRoot.getNodes().contains("Certificates - Current User")));
        SWTBotTreeItem root = consoleRoot.getNode("Certificates - Current User");

        root.select();
        console.shell().bot().menu("Action").menu("View Options...").click();
        SWTBotShell options = bot.shell("View Options");
        look(options, "certificates-view-options");
        close(options, "Cancel");

        console.shell().bot().menu("Action").menu("Find Certificates...").click();
        SWTBotShell find = bot.shell("Find Certificates");
        look(find, "certificates-find");
        find.bot().textWithLabel("Contains:").setText(name);
        find.bot().button("Find Now").click();
        SWTBotTable found = find.bot().table();
        bot.waitUntil(Conditions.condition("the certificate is found", () -> found.rowCount() > 0));
        look(find, "certificates-find-results");
        close(find, "Close");

        SWTBotTreeItem certificates = root.expand().getNode("Personal").expand().getNode("Certificates");
        SWTBotTable table = console.selectAndList(certificates);
        bot.waitUntil(Conditions.condition("the certificate is listed", () -> ConsoleWindow.rowOf(table, name) >= 0));
        console.shell().bot().menu("Action").menu("All Tasks").menu("Create Self-Signed Certificate...").click();
        SWTBotShell selfSigned = bot.shell("Create Self-Signed Certificate");
        look(selfSigned, "certificates-create-self-signed");
        close(selfSigned, "Cancel");

        table.doubleClick(ConsoleWindow.rowOf(table, name));
        SWTBotShell certificate = bot.shell("Certificate");
        look(certificate, "certificate-1-general");
        certificate.bot().tabItem("Details").activate();
        look(certificate, "certificate-2-details");
        certificate.bot().button("Edit Properties...").click();
        SWTBotShell properties = bot.shell(name + " Properties");
        look(properties, "certificate-properties");
        close(properties, "Cancel");
        certificate.bot().tabItem("Certification Path").activate();
        bot.waitUntil(Conditions.condition("the certification path", () -> certificate.bot().tree().rowCount() > 0));
        look(certificate, "certificate-3-certification-path");
        close(certificate, "OK");

        console.shell().bot().menu("Help").menu("Certificates Help").click();
        SWTBotShell help = bot.shell("Certificates Help");
        look(help, "certificates-help");
        close(help, "Close");

        assertTrue(faults.isEmpty(), () -> "Certificates dialogs that a person does not see whole (" + scale()
                + "):\n" + String.join("\n", faults));
    }

    private void close(SWTBotShell dialog, String button) {
        dialog.bot().button(button).click();
        bot.waitUntil(Conditions.shellCloses(dialog));
    }

    private void look(SWTBotShell shell, String picture) {
        try {
            shell.assertNothingClipped();
        } catch (AssertionError e) {
            faults.add(picture + ": " + e.getMessage());
        }
        Gallery.capture(shell, picture);
    }

    private static String scale() {
        String scale = System.getenv("GDK_DPI_SCALE");
        return scale == null ? "default scale" : "GDK_DPI_SCALE=" + scale;
    }
}
