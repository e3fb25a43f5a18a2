package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotMenu;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console window as an administrator first sees it: MMC's layout, menus and title. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleWindowTest {

    private static final String TITLE = "Cairn - [Console Root]";

    private SWTBot bot;
    private SWTBotShell window;

    @BeforeEach
    void findWindow() {
        bot = new SWTBot();
        // Other test classes share the application: start from a new console, as at start-up.
        new ConsoleBot().newConsole();
        window = bot.shell(TITLE);
        window.activate();
    }

    @Test
    void windowTitleNamesTheConsoleRoot() {
        assertEquals(TITLE, window.getText());
    }

    @Test
    void consoleTreeStartsWithConsoleRootSelected() {
        var tree = window.bot().tree();
        assertEquals(List.of("Console Root"), java.util.Arrays.stream(tree.getAllItems()).map(item -> item.getText()).toList());
        assertEquals(1, tree.selectionCount());
    }

    @Test
    void detailsPaneSaysThereIsNothingToShowForAnEmptyConsole() {
        assertTrue(window.bot().label("There are no items to show in this view.").isVisible());
    }

    @Test
    void menuBarHasFileActionViewAndHelp() {
        for (String menu : List.of("File", "Action", "View", "Help")) {
            assertTrue(window.bot().menu(menu).isEnabled(), menu);
        }
        assertTrue(window.bot().menu("File").menu("Exit").isEnabled());
        assertTrue(window.bot().menu("Help").menu("About Cairn...").isEnabled());
    }

    @Test
    void actionMenuHasAllTasksSubmenuWhichIsEmptyOnConsoleRoot() {
        SWTBotMenu allTasks = window.bot().menu("Action").menu("All Tasks");
        assertEquals(List.of("(Empty)"), allTasks.menuItems());
        assertFalse(allTasks.menu("(Empty)").isEnabled());
        assertTrue(window.bot().menu("Action").menu("Refresh").isEnabled());
    }

    @Test
    void viewMenuHidesAndShowsTheActionsPane() {
        assertTrue(window.bot().label("Actions").isVisible());
        SWTBotMenu actionPane = window.bot().menu("View").menu("Action Pane");
        assertTrue(actionPane.isChecked());

        actionPane.click();
        bot.waitUntil(Conditions.condition("the Actions pane is hidden",
                () -> window.bot().findWidgets(org.cairn.testing.ui.WidgetMatcherFactory.withText("Actions"))
                        .isEmpty()));
        assertFalse(window.bot().menu("View").menu("Action Pane").isChecked());

        window.bot().menu("View").menu("Action Pane").click();
        assertTrue(window.bot().label("Actions").isVisible());
        assertTrue(window.bot().menu("View").menu("Action Pane").isChecked());
    }

    @Test
    void statusBarSaysReadyAtTheBottomOfTheWindow() {
        var ready = window.bot().label("Ready");
        assertTrue(ready.isVisible());
        // Drawn, not only created: it has a height and lies inside the window, in its lower half.
        Rectangle[] label = new Rectangle[1];
        Rectangle shell = UIThreadRunnable.syncExec(bot.display(), () -> {
            label[0] = ready.widget.getDisplay().map(ready.widget.getParent(), null, ready.widget.getBounds());
            return ready.widget.getShell().getBounds();
        });
        String where = "status text at " + label[0] + " in the window at " + shell;
        assertTrue(label[0].height > 0, where);
        assertTrue(label[0].y + label[0].height <= shell.y + shell.height, where);
        assertTrue(label[0].y > shell.y + shell.height / 2, where);
    }

    @Test
    void treeDetailsAndActionsPanesAreWhite() {
        // The product starts without the workbench's CSS engine (org.cairn.console.app's plugin.xml says why): each
        // part paints its own composite white, as the style sheet did. The composites a part makes inside it have
        // no colour of their own (GTK draws the part's through them), so one of each pane's ancestors is white.
        List<Control> inPanes = List.of(window.bot().tree().widget,
                window.bot().label("There are no items to show in this view.").widget, window.bot().label("Actions").widget);
        for (Control control : inPanes) {
            String ancestors = UIThreadRunnable.syncExec(bot.display(), () -> {
                var white = control.getDisplay().getSystemColor(SWT.COLOR_WHITE).getRGB();
                StringBuilder seen = new StringBuilder();
                for (Control c = control.getParent(); c != null && !(c instanceof org.eclipse.swt.widgets.Shell); c = c.getParent()) {
                    if (c.getBackground().getRGB().equals(white)) {
                        return "";
                    }
                    seen.append(' ').append(c).append(' ').append(c.getBackground().getRGB());
                }
                return control + " is in no white pane:" + seen;
            });
            assertEquals("", ancestors);
        }
    }
}
