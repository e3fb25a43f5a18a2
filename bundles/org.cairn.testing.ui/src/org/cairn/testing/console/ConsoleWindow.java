package org.cairn.testing.console;

import java.util.Arrays;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;

/**
 * Page object of the console's main window for the UI tests: finds the window whatever console it shows, starts a
 * test from a new console (File → New, No to saving), adds the Certificates snap-in through File → Add/Remove
 * Snap-in... for an account or another computer as an administrator does, and reads the details pane.
 */
public final class ConsoleWindow {

    /** The title of a new console. */
    public static final String NEW_TITLE = "Cairn - [Console Root]";
    /** The snap-in's root for My user account. */
    public static final String USER_ROOT = "Certificates - Current User";
    /** The dialog of File → Add/Remove Snap-in.... */
    public static final String ADD_REMOVE = "Add or Remove Snap-ins";
    /** The Certificates snap-in's page that asks for the account. */
    public static final String CERTIFICATES_PAGE = "Certificates snap-in";

    private final SWTBot bot;

    public ConsoleWindow(SWTBot bot) {
        this.bot = bot;
    }

    /** @return the main window, once it is open, whatever its title */
    public SWTBotShell shell() {
        bot.waitUntil(Conditions.condition("the console window is open", () -> findWindow() != null));
        return new SWTBotShell(findWindow());
    }

    private Shell findWindow() {
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(bot.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElse(null));
    }

    /** @return the window's title now */
    public String title() {
        return shell().getText();
    }

    /** @return whether a window titled {@code title} is open */
    public boolean hasShell(String title) {
        return Arrays.stream(bot.shells()).anyMatch(shell -> title.equals(shell.getText()));
    }

    /** Closes the dialogs a failed test left open (every window but the console's). */
    public void closeDialogs() {
        for (SWTBotShell shell : bot.shells()) {
            if (!shell.getText().contains(" - [")) {
                shell.close();
            }
        }
    }

    /** File → New, answering No to "save changes?"; closes dialogs a failed test left open first. */
    public ConsoleWindow newConsole() {
        closeDialogs();
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

    /** @return the Add or Remove Snap-ins dialog, opened from the File menu */
    public SWTBotShell openAddRemove() {
        shell().bot().menu("File").menu("Add/Remove Snap-in...").click();
        return bot.shell(ADD_REMOVE);
    }

    /**
     * File → Add/Remove Snap-in..., Certificates, Add >, {@code account} chosen ("My user account", "Service
     * account", "Computer account"); the Add or Remove Snap-ins dialog stays open behind it.
     *
     * @return the Certificates snap-in page, for more choices, a screenshot and {@link #finishAdding}
     */
    public SWTBotShell certificatesPage(String account) {
        SWTBotShell dialog = openAddRemove();
        dialog.bot().table().select("Certificates");
        dialog.bot().button("Add >").click();
        SWTBotShell configure = bot.shell(CERTIFICATES_PAGE);
        configure.bot().radio(account).click();
        return configure;
    }

    /** Computer account → Another computer: {@code name} on the Certificates snap-in page (not finished). */
    public SWTBotShell anotherComputerPage(String name) {
        SWTBotShell configure = certificatesPage("Computer account");
        configure.bot().radio("Another computer:").click();
        // the second text of the page: the service name comes first
        configure.bot().text(1).setText(name);
        return configure;
    }

    /**
     * Finish on the Certificates snap-in page, OK in Add or Remove Snap-ins.
     *
     * @return the snap-in's root {@code rootLabel} under Console Root, once it is there
     */
    public SWTBotTreeItem finishAdding(SWTBotShell configure, String rootLabel) {
        configure.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(configure));
        SWTBotShell dialog = bot.shell(ADD_REMOVE);
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
        SWTBotTreeItem consoleRoot = shell().bot().tree().getTreeItem("Console Root").expand();
        bot.waitUntil(Conditions.condition("the snap-in's root in the tree",
                () -> consoleRoot.getNodes().contains(rootLabel)));
        return consoleRoot.getNode(rootLabel);
    }

    /** Adds the Certificates snap-in for {@code account}; @return its root {@code rootLabel} */
    public SWTBotTreeItem addCertificates(String account, String rootLabel) {
        return finishAdding(certificatesPage(account), rootLabel);
    }

    /** Adds the Certificates snap-in for My user account; @return "Certificates - Current User" */
    public SWTBotTreeItem addCertificatesForMyUserAccount() {
        return addCertificates("My user account", USER_ROOT);
    }

    /** Adds the Certificates snap-in for the service {@code service}; @return its root, "Certificates - Service (NAME) on Local Computer" */
    public SWTBotTreeItem addServiceCertificates(String service) {
        SWTBotShell configure = certificatesPage("Service account");
        configure.bot().textWithLabel("Service name:").setText(service);
        return finishAdding(configure, "Certificates - Service (" + service + ") on Local Computer");
    }

    /** Adds the Certificates snap-in for another computer; @return its root "Certificates (NAME)" */
    public SWTBotTreeItem addAnotherComputer(String name) {
        return finishAdding(anotherComputerPage(name), "Certificates (" + name + ")");
    }

    /**
     * Selects the root of a Certificates snap-in for another computer and waits until the connection has listed its
     * ten logical stores (the other computer's command line answers over SSH: seconds, not milliseconds).
     *
     * @return {@code root}
     */
    public SWTBotTreeItem connected(SWTBotTreeItem root, long timeoutMillis) {
        root.select();
        root.expand();
        bot.waitUntil(Conditions.condition("the logical stores of the other computer",
                () -> root.expand().getNodes().size() == 10), timeoutMillis);
        return root;
    }

    /**
     * Selects Personal → Certificates under {@code root} and waits until {@code issuedTo} is listed.
     *
     * @return the details pane's table
     */
    public SWTBotTable listedInPersonal(SWTBotTreeItem root, String issuedTo, long timeoutMillis) {
        root.expand().getNode("Personal").expand().getNode("Certificates").select();
        bot.waitUntil(Conditions.condition(issuedTo + " listed in Personal", () -> rowNow(issuedTo) >= 0),
                timeoutMillis);
        return details();
    }

    /** Personal → Certificates under {@code root}, the certificate {@code issuedTo} selected in the details pane. */
    public SWTBotTable selectInPersonal(SWTBotTreeItem root, String issuedTo) {
        SWTBotTable table = listedInPersonal(root, issuedTo, SWTBot.defaultTimeout());
        table.select(rowOf(table, issuedTo));
        return table;
    }

    /**
     * @return the row of {@code issuedTo} in the details pane now; -1 when it is not (yet) listed or the pane shows
     *         no list yet (a list read over a connection shows a message until then)
     */
    public int rowNow(String issuedTo) {
        try {
            return shell().bot().findWidgets(WidgetMatcherFactory.widgetOfType(Table.class)).isEmpty() ? -1
                    : rowOf(details(), issuedTo);
        } catch (RuntimeException stillReading) {
            return -1;
        }
    }

    /** @return the details pane's table */
    public SWTBotTable details() {
        return shell().bot().table();
    }

    /** Selects {@code node} and returns the details pane's table. */
    public SWTBotTable selectAndList(SWTBotTreeItem node) {
        node.select();
        return details();
    }

    /** @return the row whose Issued To is {@code issuedTo}, or -1 (reads every row: for short lists) */
    public static int rowOf(SWTBotTable table, String issuedTo) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, "Issued To").equals(issuedTo)) {
                return row;
            }
        }
        return -1;
    }
}
