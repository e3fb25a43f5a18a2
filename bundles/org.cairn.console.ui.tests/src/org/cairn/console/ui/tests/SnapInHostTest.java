package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotMenu;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The snap-in host: Add/Remove Snap-in, configuration on Add, dynamic snap-ins, All Tasks contributions. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class SnapInHostTest {

    private static final String ALL_TASKS_LINK = "<a>All Tasks</a> \u25B8";

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
    void addRemoveAndReorderSnapIns() {
        SWTBotShell dialog = console.openAddRemove();
        assertTrue(dialog.bot().table().containsItem("Folder"));
        assertEquals("Cairn", dialog.bot().table().cell(dialog.bot().table().indexOf("Folder"), "Vendor"));
        console.add(dialog, "Folder");
        // With the Console Root selected on the right, the link goes beneath it rather than into the folder.
        dialog.bot().tree().getTreeItem("Console Root").select();
        console.addLink(dialog, "Example", "https://example.org/");
        dialog.bot().button("Move Up").click();
        console.ok(dialog);

        SWTBotTreeItem root = console.consoleRoot().expand();
        console.bot.waitUntil(Conditions.condition("both snap-ins in the tree",
                () -> root.getNodes().equals(List.of("Example", "New Folder"))));
        assertEquals("Cairn* - [Console Root]", console.title());

        dialog = console.openAddRemove();
        dialog.bot().tree().getTreeItem("Console Root").getNode("New Folder").select();
        dialog.bot().button("Remove").click();
        console.ok(dialog);
        console.bot.waitUntil(Conditions.condition("the folder is gone",
                () -> console.consoleRoot().getNodes().equals(List.of("Example"))));
    }

    @Test
    void snapInIsConfiguredWhenAddedAndShowsItsList() {
        SWTBotShell dialog = console.openAddRemove();
        dialog.bot().table().select("Test Notes");
        assertTrue(dialog.bot().text("Lists numbered notes; for the console's tests.").isVisible());
        dialog.bot().button("Add >").click();
        SWTBotShell configure = console.bot.shell("Test Notes");
        assertFalse(configure.bot().textWithLabel("Number of notes:").isEnabled());
        configure.bot().radio("This number of notes:").click();
        assertTrue(configure.bot().textWithLabel("Number of notes:").isEnabled());
        configure.bot().textWithLabel("Number of notes:").setText("five");
        console.bot.waitUntil(Conditions.condition("Finish is refused for a bad number",
                () -> !configure.bot().button("Finish").isEnabled()));
        configure.bot().textWithLabel("Number of notes:").setText("5");
        configure.bot().textWithLabel("Title:").setText("Five Notes");
        configure.bot().button("Finish").click();
        console.ok(dialog);

        console.consoleRoot().expand().getNode("Five Notes").select();
        console.bot.waitUntil(Conditions.condition("the title names the node",
                () -> console.title().equals("Cairn* - [Console Root\\Five Notes]")));
        SWTBotTable table = console.window().bot().table();
        assertEquals(List.of("Name", "Size", "Remark, quoted"), table.columns());
        assertEquals(5, table.rowCount());
        assertTrue(console.window().bot().label("5 item(s)").isVisible());

        // Sorting by Size sorts by value (1 KB ... 10 KB), not by text.
        console.bot.display().syncExec(() -> table.widget.getColumn(1).notifyListeners(org.eclipse.swt.SWT.Selection,
                new org.eclipse.swt.widgets.Event()));
        console.bot.waitUntil(Conditions.condition("sorted by size", () -> table.cell(0, 0).equals("Note 3")));
        assertEquals("Note 4", table.cell(4, 0));
    }

    @Test
    void dimmedRowsAreDrawnGrey() {
        console.addTestNotes(configure -> {
            configure.bot().radio("This number of notes:").click();
            configure.bot().textWithLabel("Number of notes:").setText("6");
        });
        console.consoleRoot().expand().getNode("Notes").select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 6));
        // Note 5 says it is dimmed (RowStyle.DIMMED); its neighbours are normal.
        assertEquals("Note 5", table.cell(4, 0));
        assertEquals("Note 4", table.cell(3, 0));
        var colors = org.cairn.testing.ui.UIThreadRunnable.syncExec(console.bot.display(), () -> List.of(
                table.widget.getItem(4).getForeground(0).getRGB(), table.widget.getItem(3).getForeground(0).getRGB(),
                console.bot.display().getSystemColor(org.eclipse.swt.SWT.COLOR_WIDGET_DISABLED_FOREGROUND).getRGB()));
        assertEquals(colors.get(2), colors.get(0), "the dimmed row is grey");
        assertFalse(colors.get(1).equals(colors.get(2)), "a normal row is not grey");
    }

    @Test
    void largeListsUseAVirtualTable() {
        console.addTestNotes(configure -> {
            configure.bot().radio("Many notes").click();
        });
        long start = System.nanoTime();
        console.consoleRoot().expand().getNode("Notes").select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 20_000));
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5_000, "20,000 rows shown within 5 s");
        assertTrue(org.cairn.testing.ui.UIThreadRunnable.syncExec(console.bot.display(),
                () -> (table.widget.getStyle() & org.eclipse.swt.SWT.VIRTUAL) != 0));
        assertEquals("Note 20000", table.cell(19_999, 0));
    }

    @Test
    void snapInOfABundleStartedAtRunTimeAppearsInTheOpenDialog() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(org.cairn.console.testsnapin.NotesSnapIn.class);
        SWTBotShell dialog = console.openAddRemove();
        assertTrue(dialog.bot().table().containsItem("Test Notes"));
        try {
            bundle.stop();
            console.bot.waitUntil(Conditions.condition("Test Notes leaves the list",
                    () -> !dialog.bot().table().containsItem("Test Notes")));
        } finally {
            bundle.start();
        }
        console.bot.waitUntil(Conditions.condition("Test Notes comes back",
                () -> dialog.bot().table().containsItem("Test Notes")));
        dialog.bot().button("Cancel").click();
    }

    @Test
    void snapInWhoseBundleStopsIsStoodInForAndComesBackWithItsSettings() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(org.cairn.console.testsnapin.NotesSnapIn.class);
        java.nio.file.Path file = ConsoleBot.folder("coming-and-going").resolve("notes.cairn");
        console.addTestNotes(configure -> {
            configure.bot().radio("This number of notes:").click();
            configure.bot().textWithLabel("Number of notes:").setText("4");
            configure.bot().textWithLabel("Title:").setText("Kept Notes");
        });
        console.consoleRoot().expand().getNode("Kept Notes").select();
        console.bot.waitUntil(Conditions.tableHasRows(console.window().bot().table(), 4));
        try {
            bundle.stop();
            console.bot.waitUntil(Conditions.condition("a stand-in replaces the snap-in's node",
                    () -> console.consoleRoot().getNodes().equals(List.of("Test Notes (not available)"))));
            console.bot.waitUntil(Conditions.condition("the stand-in is selected and says what is missing",
                    () -> console.title().endsWith("[Console Root\\Test Notes (not available)]")));
            assertTrue(console.window().bot().label(
                    "The snap-in Test Notes (org.cairn.console.testsnapin.notes) was stopped or uninstalled while the "
                            + "console was open. Its node comes back when the snap-in is installed and started again; "
                            + "its settings are kept when you save the console.").isVisible());
            // Saved meanwhile, the console keeps the snap-in's settings.
            console.window().bot().menu("File").menu("Save As...").click();
            SWTBotShell saveAs = console.bot.shell("Save As");
            saveAs.bot().textWithLabel("File name:").setText(file.toString());
            saveAs.bot().button("Save").click();
            console.bot.waitUntil(Conditions.condition("saved", () -> console.title().startsWith("notes.cairn - ")));
            String saved = java.nio.file.Files.readString(file);
            assertTrue(saved.contains("<setting key=\"title\" value=\"Kept Notes\"/>"), saved);
        } finally {
            bundle.start();
        }
        console.bot.waitUntil(Conditions.condition("the snap-in's node comes back",
                () -> console.consoleRoot().getNodes().equals(List.of("Kept Notes"))));
        console.consoleRoot().getNode("Kept Notes").select();
        console.bot.waitUntil(Conditions.tableHasRows(console.window().bot().table(), 4));
    }

    @Test
    void allTasksEntryOfAnotherBundleShowsOnFolderNodesOnly() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);

        SWTBotMenu allTasks = console.window().bot().menu("Action").menu("All Tasks");
        assertEquals(List.of("(Empty)"), allTasks.menuItems());

        console.consoleRoot().expand().getNode("New Folder").select();
        console.bot.waitUntil(Conditions.condition("the folder is selected",
                () -> console.title().endsWith("[Console Root\\New Folder]")));
        SWTBotMenu tasks = console.window().bot().menu("Action").menu("All Tasks");
        assertEquals(List.of("Folder Report..."), tasks.menuItems());
        tasks.menu("Folder Report...").click();
        SWTBotShell report = console.bot.shell("Folder Report");
        assertTrue(console.labels(report).contains(
                "Folder New Folder (org.cairn.console.node.folder), 0 item(s) selected."), console.labels(report)::toString);
        report.bot().button("OK").click();

        // The context menu of the tree mirrors the Action menu, contributions included.
        SWTBotMenu contextTasks = console.window().bot().tree().contextMenu("All Tasks");
        assertEquals(List.of("Folder Report..."), contextTasks.menuItems());
        assertTrue(console.window().bot().tree().contextMenu("Properties").isEnabled());
        assertTrue(console.window().bot().tree().contextMenu("Rename...").isEnabled());
    }

    @Test
    void actionsPaneOffersAllTasksForTheSelection() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        dialog.bot().tree().getTreeItem("Console Root").select();
        console.add(dialog, "Test Notes");
        console.bot.shell("Test Notes").bot().button("Finish").click();
        console.ok(dialog);

        console.consoleRoot().expand().getNode("New Folder").select();
        org.cairn.testing.ui.SWTBotLink allTasks = console.window().bot().link(ALL_TASKS_LINK);
        allTasks.click();
        console.bot.waitUntil(Conditions.condition("the All Tasks menu shows", allTasks::isContextMenuShown));
        allTasks.shownContextMenu("Folder Report...").click();
        SWTBotShell shown = console.bot.shell("Folder Report");
        assertTrue(console.labels(shown).contains(
                "Folder New Folder (org.cairn.console.node.folder), 0 item(s) selected."), console.labels(shown)::toString);
        shown.bot().button("OK").click();
        allTasks.hideContextMenu();

        // No task for the Notes node itself: no All Tasks; its notes have one.
        console.consoleRoot().getNode("Notes").select();
        console.bot.waitUntil(Conditions.condition("no All Tasks for the Notes node", () -> console.window().bot()
                .findWidgets(org.cairn.testing.ui.WidgetMatcherFactory.withText(ALL_TASKS_LINK)).isEmpty()));
        SWTBotTable table = console.window().bot().table();
        table.select(1);
        org.cairn.testing.ui.SWTBotLink itemTasks = console.window().bot().link(ALL_TASKS_LINK);
        itemTasks.click();
        console.bot.waitUntil(Conditions.condition("the items' All Tasks menu shows", itemTasks::isContextMenuShown));
        itemTasks.shownContextMenu("Note Report...").click();
        SWTBotShell notes = console.bot.shell("Note Report");
        assertTrue(console.labels(notes).contains("Notes: Note 2"), console.labels(notes)::toString);
        notes.bot().button("OK").click();
        console.bot.waitUntil(Conditions.shellCloses(notes));
        itemTasks.hideContextMenu();
    }

    @Test
    void itemTypeContributionReceivesTheSelectedItems() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Test Notes");
        console.bot.shell("Test Notes").bot().button("Finish").click();
        console.ok(dialog);
        console.consoleRoot().expand().getNode("Notes").select();
        SWTBotTable table = console.window().bot().table();
        assertEquals(List.of("(Empty)"), console.window().bot().menu("Action").menu("All Tasks").menuItems());

        // The node's own action, at the top of the Action menu while no item is selected.
        console.window().bot().menu("Action").menu("Say Hello...").click();
        SWTBotShell hello = console.bot.shell("Hello");
        assertTrue(console.labels(hello).contains("Hello from Notes, 0 item(s) selected."), console.labels(hello)::toString);
        hello.bot().button("OK").click();

        table.select(0, 2);
        SWTBotMenu tasks = table.contextMenu("All Tasks");
        assertEquals(List.of("Note Report..."), tasks.menuItems());
        tasks.menu("Note Report...").click();
        SWTBotShell report = console.bot.shell("Note Report");
        assertTrue(console.labels(report).contains("Notes: Note 1, Note 3"), console.labels(report)::toString);
        report.bot().button("OK").click();

    }

    @Test
    void customViewIsDrawnBySnapInAndPublishesItsSelection() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Test Canvas");
        // The snap-in draws its configuration step itself; Finish waits for a caption.
        SWTBotShell setup = console.bot.shell("Canvas Setup");
        assertFalse(setup.bot().button("Finish").isEnabled());
        setup.bot().textWithLabel("Caption:").setText("My Canvas");
        setup.bot().button("Finish").click();
        console.ok(dialog);
        console.consoleRoot().expand().getNode("My Canvas").select();
        assertTrue(console.window().bot().label("Drawn by the Test Canvas snap-in").isVisible());
        console.window().bot().button("Pick Note 2").click();
        SWTBotMenu tasks = console.window().bot().menu("Action").menu("All Tasks");
        assertEquals(List.of("Note Report..."), tasks.menuItems());
        tasks.menu("Note Report...").click();
        SWTBotShell report = console.bot.shell("Note Report");
        assertTrue(console.labels(report).contains("Notes: Note 2"), console.labels(report)::toString);
        report.bot().button("OK").click();
    }

    @Test
    void aboutListsInstalledSnapInsWithVersions() {
        console.window().bot().menu("Help").menu("About Cairn...").click();
        SWTBotShell about = console.bot.shell("About Cairn");
        String text = String.join("\n", console.labels(about));
        assertTrue(text.contains("Test Notes  2.5.0  (Cairn Tests)"), text);
        assertTrue(text.contains("Folder  1.0.0  (Cairn)"), text);
        about.bot().button("OK").click();
    }

    @Test
    void openingARowOfTheDetailsPaneSelectsItsNodeAndTheDeleteKeyRemovesIt() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.consoleRoot().select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 1));
        assertEquals("New Folder", table.cell(0, "Name"));
        table.doubleClick(0);
        console.bot.waitUntil(Conditions.condition("the folder is opened",
                () -> console.title().endsWith("[Console Root\\New Folder]")));

        console.tree().pressShortcut(org.cairn.testing.ui.Keystrokes.DELETE);
        console.bot.shell("Delete").bot().button("Yes").click();
        console.bot.waitUntil(Conditions.condition("the folder is removed",
                () -> console.consoleRoot().getNodes().isEmpty()));
    }

    @Test
    void deleteRemovesASnapInAfterConfirmation() {
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.ok(dialog);
        console.consoleRoot().expand().getNode("New Folder").select();
        console.window().bot().menu("Action").menu("Delete").click();
        console.bot.shell("Delete").bot().button("Yes").click();
        console.bot.waitUntil(Conditions.condition("the folder is removed",
                () -> console.consoleRoot().getNodes().isEmpty()));
    }
}
