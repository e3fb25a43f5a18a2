package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Console files through the window: Save As, the title, New asking to save, Open... finding the same tree, and
 * damaged or partly unusable files.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleFilesUiTest {

    private final ConsoleBot console = new ConsoleBot();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    @Test
    void savedConsoleReopensWithTheSameTree() throws Exception {
        Path file = ConsoleBot.folder("save").resolve("servers.cairn");
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        // Added beneath the selected container: the new folder.
        console.addLink(dialog, "Example", "https://example.org/");
        dialog.bot().tree().getTreeItem("Console Root").select();
        console.add(dialog, "Test Notes");
        console.bot.shell("Test Notes").bot().button("Finish").click();
        console.ok(dialog);
        SWTBotTreeItem folder = console.consoleRoot().expand().getNode("New Folder").expand();
        assertEquals(List.of("Example"), folder.getNodes());
        folder.getNode("Example").select();
        console.bot.waitUntil(Conditions.condition("the link is selected",
                () -> console.title().equals("Cairn* - [Console Root\\New Folder\\Example]")));

        console.window().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = console.bot.shell("Save As");
        // Typed without the extension: Save As adds it.
        String typed = file.toString();
        saveAs.bot().textWithLabel("File name:").setText(typed.substring(0, typed.length() - ".cairn".length()));
        saveAs.bot().button("Save").click();
        console.bot.waitUntil(Conditions.condition("the title names the file",
                () -> console.title().equals("servers.cairn - [Console Root\\New Folder\\Example]")));
        assertTrue(Files.readString(file).contains("<snap-in id=\"org.cairn.console.link\""));

        console.window().bot().menu("File").menu("New").click();
        console.bot.waitUntil(Conditions.condition("a new console", () -> ConsoleBot.NEW_TITLE.equals(console.title())));

        console.window().bot().menu("File").menu("Open...").click();
        SWTBotShell open = console.bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        console.bot.waitUntil(Conditions.condition("the saved console with its selection",
                () -> console.title().equals("servers.cairn - [Console Root\\New Folder\\Example]")));
        assertEquals(List.of("New Folder", "Notes"), console.consoleRoot().getNodes());
        assertEquals(List.of("Example"), console.consoleRoot().getNode("New Folder").getNodes());

        // Recent consoles list it in the File menu.
        assertTrue(console.window().bot().menu("File").menuItems().contains("1 servers.cairn"));
    }

    @Test
    void newAsksToSaveAnUnsavedConsole() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.window().bot().menu("File").menu("New").click();
        SWTBotShell question = console.bot.shell("Cairn");
        assertTrue(console.labels(question).contains("Save console settings to Console1?"));
        question.bot().button("Cancel").click();
        assertEquals(List.of("New Folder"), console.consoleRoot().getNodes());
    }

    @Test
    void closingTheWindowAsksToSaveAndCancelKeepsItOpen() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.window().close();
        SWTBotShell question = console.bot.shell("Cairn");
        assertTrue(console.labels(question).contains("Save console settings to Console1?"));
        question.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(question));
        assertEquals("Cairn* - [Console Root]", console.title());
        assertEquals(List.of("New Folder"), console.consoleRoot().getNodes());
    }

    @Test
    void answeringYesSavesBeforeANewConsole() throws Exception {
        Path file = ConsoleBot.folder("yes").resolve("kept.cairn");
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.window().bot().menu("File").menu("New").click();
        console.bot.shell("Cairn").bot().button("Yes").click();
        SWTBotShell saveAs = console.bot.shell("Save As");
        saveAs.bot().textWithLabel("File name:").setText(file.toString());
        saveAs.bot().button("Save").click();
        console.bot.waitUntil(Conditions.condition("a new console", () -> ConsoleBot.NEW_TITLE.equals(console.title())));
        assertTrue(Files.readString(file).contains("<setting key=\"name\" value=\"New Folder\"/>"));
    }

    @Test
    void propertiesRenameAFolderAndMarkTheConsoleChanged() throws Exception {
        Path file = ConsoleBot.folder("properties").resolve("renamed.cairn");
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.consoleRoot().expand().getNode("New Folder").select();
        console.window().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = console.bot.shell("Save As");
        saveAs.bot().textWithLabel("File name:").setText(file.toString());
        saveAs.bot().button("Save").click();
        console.bot.waitUntil(Conditions.condition("saved",
                () -> console.title().equals("renamed.cairn - [Console Root\\New Folder]")));

        console.window().bot().menu("Action").menu("Properties").click();
        SWTBotShell properties = console.bot.shell("New Folder Properties");
        properties.bot().textWithLabel("Name:").setText("Web Servers");
        properties.bot().button("OK").click();
        console.bot.waitUntil(Conditions.condition("renamed, with unsaved changes",
                () -> console.title().equals("renamed.cairn* - [Console Root\\Web Servers]")));
        console.window().bot().menu("File").menu("Save").click();
        console.bot.waitUntil(Conditions.condition("saved again",
                () -> console.title().equals("renamed.cairn - [Console Root\\Web Servers]")));
        assertTrue(Files.readString(file).contains("value=\"Web Servers\""));
    }

    @Test
    void damagedFileIsRefusedAndTheConsoleStays() throws Exception {
        Path file = ConsoleBot.folder("damaged").resolve("damaged.cairn");
        Files.writeString(file, "<console format=\"1\"><snap-ins>");
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.window().bot().menu("File").menu("Open...").click();
        console.bot.shell("Cairn").bot().button("No").click();
        SWTBotShell open = console.bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        SWTBotShell error = console.bot.shell("Open");
        String message = String.join("\n", console.labels(error));
        assertTrue(message.contains("damaged.cairn is damaged"), message);
        error.bot().button("OK").click();
        assertEquals(List.of("New Folder"), console.consoleRoot().getNodes());
    }

    @Test
    void missingSnapInAndNewerFormatAreReportedAndTheRestLoads() throws Exception {
        Path file = ConsoleBot.folder("partial").resolve("partial.cairn");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <console format="2">
                  <snap-ins>
                    <snap-in id="com.example.gone" name="Gone Snap-in"><setting key="k" value="v"/></snap-in>
                    <snap-in id="org.cairn.console.folder" name="Folder"><setting key="name" value="Kept"/></snap-in>
                  </snap-ins>
                </console>
                """);
        console.window().bot().menu("File").menu("Open...").click();
        SWTBotShell open = console.bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        SWTBotShell warning = console.bot.shell("Open");
        String message = String.join("\n", console.labels(warning));
        assertTrue(message.contains("newer version of Cairn"), message);
        assertTrue(message.contains("Gone Snap-in (com.example.gone) is not installed"), message);
        warning.bot().button("OK").click();
        assertEquals(List.of("Gone Snap-in (not available)", "Kept"), console.consoleRoot().getNodes());
    }
}
