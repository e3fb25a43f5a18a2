package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Action → Export List... writes the details pane's rows; View → Customize Columns... changes which columns. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ExportListUiTest {

    private final ConsoleBot console = new ConsoleBot();
    private SWTBotTable table;

    @BeforeEach
    void showFourNotes() {
        showNotes(4, 0);
    }

    /** A new console with Test Notes listing {@code count} notes, each remark costing {@code remarkMillis} of CPU. */
    private void showNotes(int count, int remarkMillis) {
        console.newConsole();
        console.addTestNotes(configure -> {
            configure.bot().radio("This number of notes:").click();
            configure.bot().textWithLabel("Number of notes:").setText(Integer.toString(count));
            configure.bot().textWithLabel("Milliseconds to compute a remark:").setText(Integer.toString(remarkMillis));
        });
        console.consoleRoot().expand().getNode("Notes").select();
        table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, count));
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private void export(Path file, String type, boolean selectedOnly) {
        save(file, type, selectedOnly);
        console.bot.waitUntil(Conditions.condition(file + " is written", () -> Files.exists(file)));
    }

    private void save(Path file, String type, boolean selectedOnly) {
        console.window().bot().menu("Action").menu("Export List...").click();
        SWTBotShell dialog = console.bot.shell("Export List");
        dialog.bot().textWithLabel("File name:").setText(file.toString());
        dialog.bot().comboBoxWithLabel("Save as type:").setSelection(type);
        if (selectedOnly) {
            dialog.bot().checkBox("Save only selected rows").select();
        }
        // The type chooses the extension, as in Windows.
        dialog.bot().textWithLabel("File name:").setText(file.toString());
        dialog.bot().button("Save").click();
        console.bot.waitUntil(Conditions.shellCloses(dialog));
    }

    /**
     * A list whose cells cost time to compute (2,000 notes, 2 ms of CPU per remark: 4 s in all) is exported while the
     * window goes on answering (the watchdog on this class fails a stall of the UI thread over 250 ms): the cells are
     * asked for in short turns of the UI thread, the file is written in the background, a progress dialog says so.
     */
    @Test
    void aListWhoseCellsAreSlowIsExportedWithoutFreezingTheWindow() throws Exception {
        showNotes(2_000, 2);
        Path file = ConsoleBot.folder("export-slow").resolve("notes.csv");
        save(file, "Text (Comma Delimited) (*.csv)", false);
        SWTBotShell progress = console.bot.shell("Progress Information");
        assertTrue(progress.bot().label("Exporting the list...").isVisible());
        console.bot.waitUntil(Conditions.shellCloses(progress), 60_000);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2_001, lines.size());
        assertEquals("Name,Size,\"Remark, quoted\"", lines.get(0));
        assertEquals("Note 2000,1 KB,\"even, \"\"round\"\"\"", lines.get(2_000));
    }

    /** Cancel in the progress dialog stops the export and leaves no file, not even a partial or temporary one. */
    @Test
    void aCancelledExportLeavesNothing() throws Exception {
        showNotes(5_000, 2);
        Path folder = ConsoleBot.folder("export-cancelled");
        Path file = folder.resolve("notes.txt");
        save(file, "Text (Tab Delimited) (*.txt)", false);
        SWTBotShell progress = console.bot.shell("Progress Information");
        progress.bot().button("Cancel").click();
        console.bot.waitUntil(Conditions.shellCloses(progress), 30_000);
        try (var left = Files.list(folder)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void allRowsCommaSeparated() throws Exception {
        Path file = ConsoleBot.folder("export").resolve("notes.csv");
        export(file, "Text (Comma Delimited) (*.csv)", false);
        assertEquals(List.of("Name,Size,\"Remark, quoted\"", "Note 1,8 KB,odd", "Note 2,5 KB,\"even, \"\"round\"\"\"",
                "Note 3,2 KB,odd", "Note 4,9 KB,\"even, \"\"round\"\"\""), Files.readAllLines(file));
    }

    @Test
    void selectedRowsTabSeparatedWithTheCustomizedColumns() throws Exception {
        console.window().bot().menu("View").menu("Customize Columns...").click();
        SWTBotShell columns = console.bot.shell("Add/Remove Columns");
        org.eclipse.swt.widgets.Table list = columns.bot().table().widget;
        org.cairn.testing.ui.UIThreadRunnable.syncExec(console.bot.display(), () -> {
            list.getItem(1).setChecked(false);
            list.setSelection(2);
        });
        columns.bot().button("Move Up").click();
        columns.bot().button("Move Up").click();
        columns.bot().button("OK").click();
        console.bot.waitUntil(Conditions.shellCloses(columns));
        console.bot.waitUntil(Conditions.condition("Size is hidden, Remark first",
                () -> console.window().bot().table().columns().equals(List.of("Remark, quoted", "Name"))));
        table = console.window().bot().table();
        table.select(1, 3);

        Path file = ConsoleBot.folder("export-selected").resolve("notes.txt");
        export(file, "Text (Tab Delimited) (*.txt)", true);
        assertEquals(List.of("Remark, quoted\tName", "even, \"round\"\tNote 2", "even, \"round\"\tNote 4"),
                Files.readAllLines(file));
    }
}
