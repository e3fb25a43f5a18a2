package org.cairn.certificates.ui.export.tests;

import java.util.Arrays;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.swt.widgets.Shell;

/** The console window as a user drives it to a certificate: a new console, the snap-in added, the store opened. */
final class ConsoleWindow {

    static final String NEW_TITLE = "Cairn - [Console Root]";
    static final String USER_ROOT = "Certificates - Current User";

    private final SWTBot bot;

    ConsoleWindow(SWTBot bot) {
        this.bot = bot;
    }

    SWTBotShell shell() {
        bot.waitUntil(Conditions.condition("the console window is open", () -> findWindow() != null));
        return new SWTBotShell(findWindow());
    }

    private Shell findWindow() {
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(bot.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElse(null));
    }

    boolean hasShell(String title) {
        return Arrays.stream(bot.shells()).anyMatch(shell -> title.equals(shell.getText()));
    }

    /** File → New, answering No to "save changes?"; closes dialogs a failed test left open. */
    void newConsole() {
        for (SWTBotShell shell : bot.shells()) {
            if (!shell.getText().contains(" - [")) {
                shell.close();
            }
        }
        SWTBotShell window = shell();
        window.activate();
        window.bot().menu("File").menu("New").click();
        bot.waitUntil(Conditions.condition("a new console or the question to save",
                () -> NEW_TITLE.equals(shell().getText()) || hasShell("Cairn")));
        if (hasShell("Cairn")) {
            bot.shell("Cairn").bot().button("No").click();
        }
        bot.waitUntil(Conditions.condition("the new console's title", () -> NEW_TITLE.equals(shell().getText())));
    }

    /** File → Add/Remove Snap-in..., Certificates, Add >, My user account, Finish, OK; returns the snap-in's root. */
    SWTBotTreeItem addCertificatesForMyUserAccount() {
        shell().bot().menu("File").menu("Add/Remove Snap-in...").click();
        SWTBotShell dialog = bot.shell("Add or Remove Snap-ins");
        dialog.bot().table().select("Certificates");
        dialog.bot().button("Add >").click();
        SWTBotShell configure = bot.shell("Certificates snap-in");
        configure.bot().radio("My user account").click();
        configure.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(configure));
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
        SWTBotTreeItem consoleRoot = shell().bot().tree().getTreeItem("Console Root").expand();
        bot.waitUntil(Conditions.condition("the snap-in's root in the tree",
                () -> consoleRoot.getNodes().contains(USER_ROOT)));
        return consoleRoot.getNode(USER_ROOT);
    }

    /** Personal → Certificates, the certificate selected in the details pane. */
    SWTBotTable selectInPersonal(SWTBotTreeItem root, CertificateEntry entry) {
        root.expand().getNode("Personal").expand().getNode("Certificates").select();
        SWTBotTable table = shell().bot().table();
        bot.waitUntil(Conditions.condition("the certificate is listed", () -> rowOf(table, entry.issuedTo()) >= 0));
        table.select(rowOf(table, entry.issuedTo()));
        return table;
    }

    static int rowOf(SWTBotTable table, String issuedTo) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, "Issued To").equals(issuedTo)) {
                return row;
            }
        }
        return -1;
    }
}
