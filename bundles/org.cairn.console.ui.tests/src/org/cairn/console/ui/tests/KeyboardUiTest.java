package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.KeyStroke;
import org.cairn.testing.ui.Keyboard;
import org.cairn.testing.ui.Keystrokes;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTree;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's keyboard, with real key events (Display.post, as a user's keys arrive): F5, Alt+Enter,
 * Shift+F10 and the Menu key, Delete, Enter and the arrows.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class KeyboardUiTest {

    private final ConsoleBot console = new ConsoleBot();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.tree().hideContextMenu();
        console.newConsole();
    }

    @Test
    void f5RefreshesTheSelectedNode() throws Exception {
        Path count = ConsoleBot.folder("keys").resolve("count.txt");
        Files.writeString(count, "4");
        console.addTestNotes(configure -> {
            configure.bot().radio("The number written in a file:").click();
            configure.bot().textWithLabel("File with the number:").setText(count.toString());
        });
        console.consoleRoot().expand().getNode("Notes").select();
        console.bot.waitUntil(Conditions.condition("4 notes", () -> console.window().bot().table().rowCount() == 4));

        Files.writeString(count, "7");
        console.tree().pressShortcut(Keystrokes.F5);
        console.bot.waitUntil(Conditions.condition("7 notes after F5",
                () -> console.window().bot().table().rowCount() == 7));
        assertEquals("Cairn* - [Console Root\\Notes]", console.title());
    }

    @Test
    void altEnterOpensTheProperties() {
        addFolder();
        console.consoleRoot().expand().getNode("New Folder").select();
        console.tree().pressShortcut(Keystrokes.ALT_ENTER);
        SWTBotShell properties = console.bot.shell("New Folder Properties");
        assertEquals("New Folder", properties.bot().textWithLabel("Name:").getText());
        properties.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(properties));
    }

    @Test
    void shiftF10AndTheMenuKeyOpenTheContextMenu() {
        addFolder();
        console.consoleRoot().expand().getNode("New Folder").select();
        SWTBotTree tree = console.tree();
        for (KeyStroke key : List.of(Keystrokes.SHIFT_F10, Keystrokes.MENU)) {
            tree.pressShortcut(key);
            console.bot.waitUntil(Conditions.condition("the context menu shows after " + key, tree::isContextMenuShown));
            // The menu mirrors the Action menu: the folder's own action, All Tasks, Properties.
            tree.shownContextMenu("Rename...");
            tree.shownContextMenu("All Tasks");
            tree.shownContextMenu("Properties");
            // Escape goes to the menu, which holds the keyboard while it shows.
            new Keyboard(console.bot.display()).pressShortcut(Keystrokes.ESC);
            console.bot.waitWhile(Conditions.condition("the context menu closes", tree::isContextMenuShown));
        }
        // The details pane has the same menu for its rows.
        console.consoleRoot().select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 1));
        table.select(0);
        table.pressShortcut(Keystrokes.SHIFT_F10);
        console.bot.waitUntil(Conditions.condition("the table's context menu shows", table::isContextMenuShown));
        table.shownContextMenu("Delete");
        new Keyboard(console.bot.display()).pressShortcut(Keystrokes.ESC);
        console.bot.waitWhile(Conditions.condition("the context menu closes", table::isContextMenuShown));
    }

    @Test
    void deleteRemovesANodeThatAllowsItOnly() {
        addFolder();
        console.consoleRoot().select();
        console.tree().pressShortcut(Keystrokes.DELETE);
        // The Console Root cannot be deleted: the key does nothing.
        console.bot.sleep(500);
        assertFalse(console.hasShell("Delete"));

        console.consoleRoot().expand().getNode("New Folder").select();
        console.tree().pressShortcut(Keystrokes.DELETE);
        SWTBotShell confirm = console.bot.shell("Delete");
        confirm.bot().button("Yes").click();
        console.bot.waitUntil(Conditions.condition("the folder is removed",
                () -> console.consoleRoot().getNodes().isEmpty()));
    }

    @Test
    void enterExpandsANodeAndOpensARow() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.addLink(dialog, "Example", "https://example.org/");
        console.ok(dialog);
        console.consoleRoot().expand().getNode("New Folder").select();
        SWTBotTree tree = console.tree();
        assertFalse(console.consoleRoot().getNode("New Folder").isExpanded());
        tree.pressShortcut(Keystrokes.CR);
        console.bot.waitUntil(Conditions.condition("Enter expands the folder",
                () -> console.consoleRoot().getNode("New Folder").isExpanded()));
        tree.pressShortcut(Keystrokes.CR);
        console.bot.waitUntil(Conditions.condition("Enter again collapses it",
                () -> !console.consoleRoot().getNode("New Folder").isExpanded()));

        console.consoleRoot().select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 1));
        table.select(0);
        table.pressShortcut(Keystrokes.CR);
        console.bot.waitUntil(Conditions.condition("Enter on the row opens the folder",
                () -> console.title().endsWith("[Console Root\\New Folder]")));
    }

    @Test
    void arrowsMoveInTheTree() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.addLink(dialog, "Example", "https://example.org/");
        dialog.bot().tree().getTreeItem("Console Root").select();
        console.addLink(dialog, "Other", "https://example.com/");
        console.ok(dialog);
        console.consoleRoot().expand().select();
        SWTBotTree tree = console.tree();
        tree.pressShortcut(Keystrokes.DOWN);
        console.bot.waitUntil(Conditions.condition("Down selects the folder",
                () -> console.title().endsWith("[Console Root\\New Folder]")));
        tree.pressShortcut(Keystrokes.RIGHT);
        console.bot.waitUntil(Conditions.condition("Right expands it",
                () -> console.consoleRoot().getNode("New Folder").isExpanded()));
        tree.pressShortcut(Keystrokes.DOWN);
        console.bot.waitUntil(Conditions.condition("Down goes into the folder",
                () -> console.title().endsWith("[Console Root\\New Folder\\Example]")));
        tree.pressShortcut(Keystrokes.DOWN);
        console.bot.waitUntil(Conditions.condition("Down goes on to the next snap-in",
                () -> console.title().endsWith("[Console Root\\Other]")));
        tree.pressShortcut(Keystrokes.UP, Keystrokes.UP);
        console.bot.waitUntil(Conditions.condition("Up twice comes back to the folder",
                () -> console.title().endsWith("[Console Root\\New Folder]")));
    }

    private void addFolder() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
    }
}
