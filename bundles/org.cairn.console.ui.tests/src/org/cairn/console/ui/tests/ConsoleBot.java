package org.cairn.console.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTree;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * Page object of the console window for the tests: finds the window whatever console it shows, starts each test
 * from a new console, and drives the Add/Remove Snap-in dialog. (A small helper of this test bundle: the shared
 * driver finds shells by exact title only.)
 */
final class ConsoleBot {

    static final String NEW_TITLE = "Cairn - [Console Root]";

    final SWTBot bot = new SWTBot();

    /** @return the console window, whatever its title */
    SWTBotShell window() {
        bot.waitUntil(Conditions.condition("the console window is open", () -> findWindow() != null));
        return new SWTBotShell(findWindow());
    }

    private Shell findWindow() {
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(bot.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElse(null));
    }

    /** @return the window's title now */
    String title() {
        return window().getText();
    }

    /** File → New, answering No to "save changes?"; closes dialogs a failed test left open. */
    void newConsole() {
        closeDialogs();
        SWTBotShell window = window();
        window.activate();
        window.bot().menu("File").menu("New").click();
        bot.waitUntil(Conditions.condition("a new console or the question to save",
                () -> NEW_TITLE.equals(title()) || hasShell("Cairn")));
        if (hasShell("Cairn")) {
            bot.shell("Cairn").bot().button("No").click();
        }
        bot.waitUntil(Conditions.condition("the new console's title", () -> NEW_TITLE.equals(title())));
    }

    private void closeDialogs() {
        for (SWTBotShell shell : bot.shells()) {
            String text = shell.getText();
            if (!text.contains(" - [")) {
                shell.close();
            }
        }
    }

    boolean hasShell(String title) {
        return Arrays.stream(bot.shells()).anyMatch(shell -> title.equals(shell.getText()));
    }

    /** @return the Add or Remove Snap-ins dialog, opened from the File menu */
    SWTBotShell openAddRemove() {
        window().bot().menu("File").menu("Add/Remove Snap-in...").click();
        return bot.shell("Add or Remove Snap-ins");
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
