package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        console.newConsole();
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Test Notes");
        SWTBotShell configure = console.bot.shell("Test Notes");
        configure.bot().radio("This number of notes:").click();
        configure.bot().textWithLabel("Number of notes:").setText("4");
        configure.bot().button("Finish").click();
        console.ok(dialog);
        console.consoleRoot().expand().getNode("Notes").select();
        table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 4));
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private void export(Path file, String type, boolean selectedOnly) {
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
        console.bot.waitUntil(Conditions.condition(file + " is written", () -> Files.exists(file)));
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
