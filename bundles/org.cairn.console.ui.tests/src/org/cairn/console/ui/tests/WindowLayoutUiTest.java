package org.cairn.console.ui.tests;

import static org.cairn.testing.ui.WidgetMatcherFactory.allOf;
import static org.cairn.testing.ui.WidgetMatcherFactory.widgetOfType;
import static org.cairn.testing.ui.WidgetMatcherFactory.withText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.ui.model.application.ui.MElementContainer;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The window layout a console file records comes back when it is opened: window size, the console tree's width,
 * hidden panes, column widths, the expanded and selected nodes.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class WindowLayoutUiTest {

    private static final int SIZE_WIDTH = 137;
    private static final int TREE_WEIGHT = 41;

    private final ConsoleBot console = new ConsoleBot();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsoleWithAllPanes() {
        console.newConsole();
        // A new console shows every pane again (the default layout).
        console.bot.waitUntil(Conditions.condition("the Action Pane is back",
                () -> console.window().bot().menu("View").menu("Action Pane").isChecked()));
    }

    @Test
    void layoutIsRestoredWhenTheConsoleIsOpened() throws Exception {
        Path file = ConsoleBot.folder("layout").resolve("layout.cairn");
        SWTBotShell dialog = console.openAddRemove();
        console.add(dialog, "Folder");
        console.addLink(dialog, "Example", "https://example.org/");
        dialog.bot().tree().getTreeItem("Console Root").select();
        console.add(dialog, "Test Notes");
        console.bot.shell("Test Notes").bot().button("Finish").click();
        console.ok(dialog);
        console.consoleRoot().expand().getNode("New Folder").expand();
        console.consoleRoot().getNode("Notes").select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 3));

        // The user widens the Size column and the console tree (the sash between the panes: its weight in the
        // window model, as dragging it sets it), hides the Action Pane and the status bar, and makes the window
        // smaller.
        UIThreadRunnable.syncExec(console.bot.display(), () -> table.widget.getColumn(1).setWidth(SIZE_WIDTH));
        setTreeWeight(TREE_WEIGHT);
        console.window().bot().menu("View").menu("Action Pane").click();
        console.window().bot().menu("View").menu("Status Bar").click();
        setWindowSize(new Point(900, 600));
        console.bot.waitUntil(Conditions.condition("the Action Pane is hidden", () -> !actionsPaneShown()));

        console.window().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = console.bot.shell("Save As");
        saveAs.bot().textWithLabel("File name:").setText(file.toString());
        saveAs.bot().button("Save").click();
        console.bot.waitUntil(Conditions.condition("saved", () -> console.title().startsWith("layout.cairn - ")));

        // Another console, another size: nothing of the layout is left in the window.
        console.newConsole();
        setWindowSize(new Point(1100, 720));
        console.bot.waitUntil(Conditions.condition("all panes shown again", this::actionsPaneShown));
        assertFalse(Integer.toString(TREE_WEIGHT).equals(treeWeight()), "a new console has the default tree width");

        console.window().bot().menu("File").menu("Open...").click();
        SWTBotShell open = console.bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        console.bot.waitUntil(Conditions.condition("the console with its selection",
                () -> console.title().equals("layout.cairn - [Console Root\\Notes]")));

        console.bot.waitUntil(Conditions.condition(() -> "the window's size, now " + windowSize(),
                () -> windowSize().equals(new Point(900, 600))));
        assertFalse(actionsPaneShown(), "the Action Pane stays hidden");
        assertFalse(console.window().bot().menu("View").menu("Action Pane").isChecked());
        assertFalse(console.window().bot().menu("View").menu("Status Bar").isChecked());
        assertTrue(console.window().bot().menu("View").menu("Console Tree").isChecked());
        SWTBotTable reopened = console.window().bot().table();
        assertEquals(List.of("Name", "Size", "Remark, quoted"), reopened.columns());
        assertEquals(SIZE_WIDTH, (int) UIThreadRunnable.syncExec(console.bot.display(),
                () -> reopened.widget.getColumn(1).getWidth()));
        assertEquals(Integer.toString(TREE_WEIGHT), treeWeight(), "the console tree's share of the window");
        assertTrue(console.consoleRoot().isExpanded());
        assertTrue(console.consoleRoot().getNode("New Folder").isExpanded(), "the folder is expanded again");
        assertEquals(List.of("Notes"), console.tree().selection());
    }

    /**
     * Dragging a column's edge resizes it many times a second, and each resize publishes the list's layout again:
     * the Action Pane keeps its links then (rebuilding them each time kept the UI thread busy), and follows only
     * what it shows, the selected item's name from the first column.
     */
    @Test
    void resizingAColumnKeepsTheActionPaneAndMovingTheFirstColumnRenamesTheItem() {
        console.addTestNotes(configure -> { });
        console.consoleRoot().expand().getNode("Notes").select();
        SWTBotTable table = console.window().bot().table();
        console.bot.waitUntil(Conditions.tableHasRows(table, 3));
        table.select(1);
        console.bot.waitUntil(Conditions.condition("the Action Pane names the note", () -> !actionLabels("Note 2")
                .isEmpty()));
        Label heading = actionLabels("Note 2").get(0);

        UIThreadRunnable.syncExec(console.bot.display(), () -> {
            for (int width = 100; width < 160; width += 3) { // a drag: one resize event each
                table.widget.getColumn(1).setWidth(width);
            }
        });
        assertTrue(UIThreadRunnable.syncExec(console.bot.display(), () -> !heading.isDisposed()),
                "the Action Pane was not built again for a column's width");
        assertEquals(List.of(heading), actionLabels("Note 2"));

        // the Size column moved first: the pane names the item by it, as MMC does
        UIThreadRunnable.syncExec(console.bot.display(), () -> table.widget.setColumnOrder(new int[] {1, 0, 2}));
        String size = table.cell(1, "Size");
        console.bot.waitUntil(Conditions.condition("the Action Pane names the item by the first column",
                () -> !actionLabels(size).isEmpty() && actionLabels("Note 2").isEmpty()));
    }

    private List<Label> actionLabels(String text) {
        return console.window().bot().findWidgets(allOf(widgetOfType(Label.class), withText(text)));
    }

    /** The console tree part of the window model (e4 keeps the model element in the shell's data); UI thread. */
    private static MUIElement treePart(Shell shell) {
        return find((MWindow) shell.getData("modelElement"), "org.cairn.console.part.tree");
    }

    private static MUIElement find(MUIElement element, String id) {
        if (id.equals(element.getElementId())) {
            return element;
        }
        if (element instanceof MElementContainer<?> container) {
            for (MUIElement child : container.getChildren()) {
                MUIElement found = find(child, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private void setTreeWeight(int weight) {
        Shell shell = console.window().widget;
        UIThreadRunnable.syncExec(console.bot.display(), () -> treePart(shell).setContainerData(Integer.toString(weight)));
    }

    private String treeWeight() {
        Shell shell = console.window().widget;
        return UIThreadRunnable.syncExec(console.bot.display(), () -> treePart(shell).getContainerData());
    }

    private boolean actionsPaneShown() {
        return !console.window().bot().findWidgets(allOf(widgetOfType(Label.class), withText("Actions"))).isEmpty();
    }

    private void setWindowSize(Point size) {
        Shell shell = console.window().widget;
        UIThreadRunnable.syncExec(console.bot.display(), () -> shell.setSize(size));
        console.bot.waitUntil(Conditions.condition("the window is resized", () -> windowSize().equals(size)));
    }

    private Point windowSize() {
        Shell shell = console.window().widget;
        return UIThreadRunnable.syncExec(console.bot.display(), shell::getSize);
    }
}
