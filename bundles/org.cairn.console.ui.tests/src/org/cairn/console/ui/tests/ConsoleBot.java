package org.cairn.console.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTree;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Label;

/**
 * Page object of the console window for the tests: finds the window whatever console it shows, starts each test
 * from a new console (the shared {@link ConsoleWindow}), and drives the Add/Remove Snap-in dialog with the host's own
 * snap-ins (Test Notes, Link to Web Address, Folder).
 */
final class ConsoleBot {

    static final String NEW_TITLE = ConsoleWindow.NEW_TITLE;

    final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    /** @return the console window, whatever its title */
    SWTBotShell window() {
        return console.shell();
    }

    /** @return the window's title now */
    String title() {
        return console.title();
    }

    /** File → New, answering No to "save changes?"; closes dialogs a failed test left open. */
    void newConsole() {
        console.newConsole();
    }

    boolean hasShell(String title) {
        return console.hasShell(title);
    }

    /** @return the Add or Remove Snap-ins dialog, opened from the File menu */
    SWTBotShell openAddRemove() {
        return console.openAddRemove();
    }

    /** Selects {@code name} among the available snap-ins and presses Add >. */
    void add(SWTBotShell dialog, String name) {
        dialog.bot().table().select(name);
        dialog.bot().button("Add >").click();
    }

    /** Adds a Link to Web Address snap-in through its configuration step. */
    void addLink(SWTBotShell dialog, String name, String url) {
        add(dialog, "Link to Web Address");
        SWTBotShell configure = bot.shell("Link to Web Address");
        configure.bot().textWithLabel("Type the address of the Web site:").setText(url);
        configure.bot().textWithLabel("Name:").setText(name);
        configure.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(configure));
    }

    /**
     * File → Add/Remove Snap-in..., Test Notes, Add >, the choices {@code choose} makes on its page, Finish, OK: the
     * snap-in "Notes" (or the title chosen) under Console Root.
     */
    void addTestNotes(Consumer<SWTBotShell> choose) {
        SWTBotShell dialog = openAddRemove();
        add(dialog, "Test Notes");
        SWTBotShell configure = bot.shell("Test Notes");
        choose.accept(configure);
        configure.bot().button("Finish").click();
        ok(dialog);
    }

    /** Presses OK and waits for the dialog to close. */
    void ok(SWTBotShell dialog) {
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
    }

    /** @return the console tree */
    SWTBotTree tree() {
        return window().bot().tree();
    }

    /** @return the Console Root node of the tree */
    SWTBotTreeItem consoleRoot() {
        return window().bot().tree().getTreeItem("Console Root");
    }

    /** @return the texts of the labels of {@code shell} (a message dialog's message is one) */
    List<String> labels(SWTBotShell shell) {
        return shell.bot().findWidgets(WidgetMatcherFactory.widgetOfType(Label.class)).stream()
                .map(label -> UIThreadRunnable.syncExec(bot.display(), label::getText)).toList();
    }

    /** @return a fresh folder under the test bundle's target folder */
    static Path folder(String name) throws Exception {
        Path folder = Path.of(System.getProperty("cairn.store.root")).resolveSibling("consoles").resolve(name);
        Files.createDirectories(folder);
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        return folder;
    }
}
