package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Keystrokes;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A list read in the background (console API 1.2, {@code BackgroundView}): the details pane says "Reading..." at
 * once while the window keeps answering (the watchdog checks that), fills in when the list arrives, and leaving the
 * node or F5 cancels the load; a result for a node no longer shown is dropped. The Test Notes snap-in reads its
 * number of notes from a file in the background and holds the load while {@code FILE.hold} exists.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class BackgroundListUiTest {

    private final ConsoleBot console = new ConsoleBot();
    private Path count;
    private Path hold;
    private Path canceled;

    @BeforeEach
    void startFromANewConsole() throws Exception {
        console.newConsole();
        count = ConsoleBot.folder("background").resolve("count.txt");
        hold = count.resolveSibling("count.txt.hold");
        canceled = count.resolveSibling("count.txt.canceled");
        Files.writeString(count, "4");
    }

    @AfterEach
    void leaveANewConsole() throws Exception {
        Files.deleteIfExists(hold);
        console.newConsole();
    }

    private SWTBotTreeItem addNotes() {
        console.addTestNotes(configure -> {
            configure.bot().radio("The number written in a file:").click();
            configure.bot().textWithLabel("File with the number:").setText(count.toString());
        });
        return console.consoleRoot().expand().getNode("Notes");
    }

    private boolean reading() {
        return console.labels(console.window()).stream().anyMatch(text -> text.startsWith("Reading..."));
    }

    private int rows() {
        return console.window().bot().table().rowCount();
    }

    @Test
    void theListIsReadInTheBackgroundAndLeavingTheNodeCancelsIt() throws Exception {
        SWTBotTreeItem notes = addNotes();
        Files.writeString(hold, "hold");
        notes.select();
        console.bot.waitUntil(Conditions.condition("the details pane says Reading...", this::reading));

        // leaving the node cancels the load; its result, when it comes, is not shown in the other node's pane
        console.consoleRoot().select();
        console.bot.waitUntil(Conditions.condition("the load saw that it was cancelled", () -> Files.exists(canceled)));
        Files.delete(hold);
        console.bot.waitUntil(Conditions.condition("the Console Root lists its snap-in", () -> rows() == 1));
        assertEquals("Notes", console.window().bot().table().cell(0, 0));
        assertFalse(reading());

        Files.delete(canceled);
        notes.select();
        console.bot.waitUntil(Conditions.condition("4 notes", () -> !reading() && rows() == 4));
        assertFalse(Files.exists(canceled), "a load that finished was not cancelled");
    }

    @Test
    void f5CancelsTheLoadAndReadsAgain() throws Exception {
        SWTBotTreeItem notes = addNotes();
        notes.select();
        console.bot.waitUntil(Conditions.condition("4 notes", () -> !reading() && rows() == 4));

        Files.writeString(hold, "hold");
        console.tree().pressShortcut(Keystrokes.F5);
        console.bot.waitUntil(Conditions.condition("the details pane says Reading...", this::reading));
        Files.writeString(count, "6");
        console.tree().pressShortcut(Keystrokes.F5);
        console.bot.waitUntil(Conditions.condition("F5 cancelled the first load", () -> Files.exists(canceled)));
        assertTrue(reading(), "the second load is still held");
        Files.delete(hold);
        console.bot.waitUntil(Conditions.condition("6 notes after F5", () -> !reading() && rows() == 6));
    }
}
