package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a person sees of the console's own dialogs (issue 12): Add or Remove Snap-ins and the snap-ins'
 * configuration steps, Properties, Add/Remove Columns, Export List, Open, Save As and About, each opened as a user
 * opens it, show every control whole at the size they open with. Runs at the default scale and, in the bundle's
 * second test run, at GDK_DPI_SCALE=1.5. Saves each for the gallery.
 */
@ExtendWith(ScreenshotOnFailure.class)
class DialogsWholeTest {

    private final ConsoleBot console = new ConsoleBot();
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
    void everyConsoleDialogShowsEveryControlWhole() {
        SWTBotShell addRemove = console.openAddRemove();
        look(addRemove, "console-add-remove-snap-ins");
        console.add(addRemove, "Link to Web Address");
        SWTBotShell link = console.bot.shell("Link to Web Address");
        look(link, "console-configure-link");
        link.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(link));
        console.add(addRemove, "Test Notes");
        SWTBotShell notes = console.bot.shell("Test Notes");
        look(notes, "console-configure-test-notes");
        notes.bot().radio("This number of notes:").click();
        notes.bot().textWithLabel("Number of notes:").setText("4");
        notes.bot().button("Finish").click();
        console.bot.waitUntil(Conditions.shellCloses(notes));
        console.add(addRemove, "Folder");
        look(addRemove, "console-add-remove-snap-ins-chosen");
        console.ok(addRemove);

        console.consoleRoot().expand().getNode("New Folder").select();
        console.window().bot().menu("Action").menu("Properties").click();
        SWTBotShell properties = console.bot.shell("New Folder Properties");
        look(properties, "console-properties");
        properties.bot().tabItem("Comment").activate();
        look(properties, "console-properties-comment");
        close(properties, "Cancel");

        console.consoleRoot().expand().getNode("Notes").select();
        console.bot.waitUntil(Conditions.tableHasRows(console.window().bot().table(), 4));
        console.window().bot().menu("View").menu("Customize Columns...").click();
        SWTBotShell columns = console.bot.shell("Add/Remove Columns");
        look(columns, "console-customize-columns");
        close(columns, "Cancel");
        console.window().bot().menu("Action").menu("Export List...").click();
        SWTBotShell export = console.bot.shell("Export List");
        look(export, "console-export-list");
        close(export, "Cancel");

        console.window().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = console.bot.shell("Save As");
        look(saveAs, "console-save-as");
        close(saveAs, "Cancel");
        console.window().bot().menu("File").menu("Open...").click();
        if (console.hasShell("Cairn")) {
            console.bot.shell("Cairn").bot().button("No").click();
        }
        SWTBotShell open = console.bot.shell("Open");
        look(open, "console-open");
        close(open, "Cancel");

        console.window().bot().menu("Help").menu("About Cairn...").click();
        SWTBotShell about = console.bot.shell("About Cairn");
        look(about, "console-about");
        close(about, "OK");

        assertTrue(faults.isEmpty(), () -> "Console dialogs that a person does not see whole (" + scale() + "):\n"
                + String.join("\n", faults));
    }

    private void close(SWTBotShell dialog, String button) {
        dialog.bot().button(button).click();
        console.bot.waitUntil(Conditions.shellCloses(dialog));
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
