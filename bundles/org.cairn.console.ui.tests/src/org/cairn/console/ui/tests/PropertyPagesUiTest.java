package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cairn.console.testsnapin.FolderComments;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A property sheet extension: the test snap-in's Comment page (a part descriptor of its fragment.e4xmi, tagged for
 * the Folder node type) in the Properties dialog of the built-in Folder snap-in.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class PropertyPagesUiTest {

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
    void pageOfAnotherBundleIsSavedOnOkAndApplyButNotOnCancel() {
        String first = "Web servers " + System.nanoTime();
        String second = "Mail servers " + System.nanoTime();
        String third = "Print servers " + System.nanoTime();
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.consoleRoot().expand().getNode("New Folder").select();

        SWTBotShell properties = openProperties();
        // The folder's own General page is still there, first.
        assertEquals("New Folder", properties.bot().textWithLabel("Name:").getText());
        properties.bot().tabItem("Comment").activate();
        properties.bot().textWithLabel("Comment:").setText(first);
        properties.bot().button("OK").click();
        console.bot.waitUntil(Conditions.shellCloses(properties));
        assertEquals(first, FolderComments.read("New Folder"));

        properties = openProperties();
        properties.bot().tabItem("Comment").activate();
        assertEquals(first, properties.bot().textWithLabel("Comment:").getText());
        properties.bot().textWithLabel("Comment:").setText(second);
        properties.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(properties));
        assertEquals(first, FolderComments.read("New Folder"), "Cancel saves nothing");

        properties = openProperties();
        properties.bot().tabItem("Comment").activate();
        properties.bot().textWithLabel("Comment:").setText(third);
        properties.bot().button("Apply").click();
        console.bot.waitUntil(Conditions.condition("Apply saves", () -> third.equals(FolderComments.read("New Folder"))));
        properties.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(properties));
        assertEquals(third, FolderComments.read("New Folder"));
    }

    private SWTBotShell openProperties() {
        console.window().bot().menu("Action").menu("Properties").click();
        return console.bot.shell("New Folder Properties");
    }
}
