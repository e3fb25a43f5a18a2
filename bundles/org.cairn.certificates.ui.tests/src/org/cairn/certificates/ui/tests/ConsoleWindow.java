package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.swt.widgets.Shell;

/**
 * Page object of the console's main window as the certificate tests use it: a new console (File → New, No to
 * saving), the Certificates snap-in added for an account through File → Add/Remove Snap-in..., a node selected and
 * its details pane.
 */
final class ConsoleWindow {

    static final String NEW_TITLE = "Cairn - [Console Root]";

    private final SWTBot bot;

    ConsoleWindow(SWTBot bot) {
        this.bot = bot;
    }

    /** @return the main window, once it is open */
    SWTBotShell shell() {
        bot.waitUntil(Conditions.condition("the console window is open", () -> findWindow() != null));
        return new SWTBotShell(findWindow());
    }

    private Shell findWindow() {
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(bot.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElse(null));
    }

    /** @return the window's title */
    String title() {
        return shell().getText();
    }

    /** File → New, answering No to "save changes?"; closes dialogs a failed test left open. */
    ConsoleWindow newConsole() {
        for (SWTBotShell shell : bot.shells()) {
            if (!shell.getText().contains(" - [")) {
                shell.close();
            }
        }
        SWTBotShell window = shell();
        window.activate();
        window.bot().menu("File").menu("New").click();
        bot.waitUntil(Conditions.condition("a new console or the question to save",
                () -> NEW_TITLE.equals(title()) || hasShell("Cairn")));
        if (hasShell("Cairn")) {
            bot.shell("Cairn").bot().button("No").click();
        }
        bot.waitUntil(Conditions.condition("the new console's title", () -> NEW_TITLE.equals(title())));
        return this;
    }

    boolean hasShell(String title) {
        return Arrays.stream(bot.shells()).anyMatch(shell -> title.equals(shell.getText()));
    }

    /** Adds the Certificates snap-in for {@code account} (and {@code service}), as an administrator does. */
    SWTBotTreeItem addCertificates(String account, String service, String rootLabel) {
        shell().bot().menu("File").menu("Add/Remove Snap-in...").click();
        SWTBotShell dialog = bot.shell("Add or Remove Snap-ins");
        dialog.bot().table().select("Certificates");
        assertEquals("Cairn", dialog.bot().table().cell(dialog.bot().table().indexOf("Certificates"), "Vendor"));
        dialog.bot().button("Add >").click();
        SWTBotShell configure = bot.shell("Certificates snap-in");
        configure.bot().radio(account).click();
        if (service != null) {
            configure.bot().textWithLabel("Service name:").setText(service);
        }
        App.screenshot(configure.widget, "console-add-certificates-" + account.replace(' ', '-').toLowerCase());
        configure.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(configure));
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
        SWTBotTreeItem consoleRoot = shell().bot().tree().getTreeItem("Console Root").expand();
        bot.waitUntil(Conditions.condition("the snap-in's root in the tree",
                () -> consoleRoot.getNodes().contains(rootLabel)));
        return consoleRoot.getNode(rootLabel);
    }

    /** Adds the snap-in for a service account: "Certificates - Service (NAME) on Local Computer". */
    SWTBotTreeItem addServiceCertificates(String service) {
        return addCertificates("Service account", service, "Certificates - Service (" + service + ") on Local Computer");
    }

    /** Selects {@code node} and returns the details pane's table. */
    SWTBotTable selectAndList(SWTBotTreeItem node) {
        node.select();
        return details();
    }

    /** @return the details pane's table */
    SWTBotTable details() {
        return shell().bot().table();
    }

    /** @return the row whose Issued To is {@code issuedTo}, or -1 (reads every row: for short lists) */
    static int rowOf(SWTBotTable table, String issuedTo) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, "Issued To").equals(issuedTo)) {
                return row;
            }
        }
        return -1;
    }
}
