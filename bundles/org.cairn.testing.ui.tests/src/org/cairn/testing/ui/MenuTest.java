package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MenuTest extends UiTest {

    /** Ids of the items that received SWT.Selection, in order. */
    private final List<String> clicked = new CopyOnWriteArrayList<>();
    /** Show and Hide events of the Action menu and its submenus, in order. */
    private final List<String> menuEvents = new CopyOnWriteArrayList<>();
    private final AtomicInteger recentShows = new AtomicInteger();

    @BeforeEach
    void openShellWithMenuBar() {
        onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText("Cairn - [Console Root]");
            Menu bar = new Menu(shell, SWT.BAR);
            shell.setMenuBar(bar);

            Menu file = cascade(bar, "&File", "file");
            item(file, SWT.PUSH, "&Open...\tCtrl+O", "file.open");
            new MenuItem(file, SWT.SEPARATOR);
            item(file, SWT.PUSH, "E&xit", "file.exit");

            Menu action = cascade(bar, "&Action", "action");
            Menu allTasks = cascade(action, "All Tas&ks", "allTasks");
            item(allTasks, SWT.PUSH, "&Export...", "export");
            item(allTasks, SWT.PUSH, "&Import...", "import");
            item(action, SWT.PUSH, "&Refresh\tF5", "refresh");
            Menu recent = cascade(action, "Recent", "recent");
            recent.addListener(SWT.Show, event -> {
                // Rebuilt on every Show, as e4 renders dynamic menu contributions.
                recentShows.incrementAndGet();
                for (MenuItem old : recent.getItems()) {
                    old.dispose();
                }
                item(recent, SWT.PUSH, "Recent 1", "recent.1");
                item(recent, SWT.PUSH, "Recent 2", "recent.2");
            });

            Menu view = cascade(bar, "&View", "view");
            item(view, SWT.CHECK, "Actions &Pane", "pane").setSelection(true);
            item(view, SWT.RADIO, "&Large Icons", "large");
            item(view, SWT.RADIO, "&Small Icons", "small").setSelection(true);
            new MenuItem(view, SWT.SEPARATOR);
            item(view, SWT.PUSH, "&Customize...", "customize").setEnabled(false);

            shell.setSize(400, 300);
            shell.open();
        });
    }

    private Menu cascade(Menu parent, String text, String id) {
        MenuItem item = new MenuItem(parent, SWT.CASCADE);
        item.setText(text);
        Menu menu = new Menu(item);
        item.setMenu(menu);
        menu.addListener(SWT.Show, event -> menuEvents.add("show " + id));
        menu.addListener(SWT.Hide, event -> menuEvents.add("hide " + id));
        return menu;
    }

    private MenuItem item(Menu parent, int style, String text, String id) {
        MenuItem item = new MenuItem(parent, style);
        item.setText(text);
        item.addListener(SWT.Selection, event -> clicked.add(id + (item.getSelection() ? "+" : "")));
        return item;
    }

    @ParameterizedTest
    @CsvSource({
        "File, Open..., , file.open",
        "&File, E&xit, , file.exit",
        "Action, All Tasks, Export..., export",
        "Action, All Tasks, &Import..., import",
        "Action, Refresh, , refresh",
    })
    void clickFindsItemsByTextIgnoringMnemonicsAndAccelerators(String top, String second, String third, String id) {
        SWTBotMenu menu = bot.menu(top).menu(second);
        if (third != null) {
            menu = menu.menu(third);
        }

        menu.click();

        assertEquals(List.of(id), clicked);
    }

    @Test
    void submenuFilledOnShowIsShownBeforeItsItemsAreRead() {
        SWTBotMenu recent = bot.menu("Action").menu("Recent");

        assertEquals(List.of("Recent 1", "Recent 2"), recent.menuItems());
        recent.menu("Recent 2").click();

        assertEquals(List.of("recent.2"), clicked);
        assertTrue(recentShows.get() >= 2, "Show was sent " + recentShows + " times");
    }

    @Test
    void clickHidesTheShownMenusInnermostFirst() {
        bot.menu("Action").menu("All Tasks").menu("Export...").click();

        assertEquals(List.of("show action", "show allTasks", "hide allTasks", "hide action"), menuEvents);
    }

    @Test
    void clickTogglesCheckItemAndMovesRadioSelection() {
        SWTBotMenu pane = bot.menu("View").menu("Actions Pane");
        assertTrue(pane.isChecked());

        pane.click();
        bot.menu("View").menu("Large Icons").click();

        assertFalse(pane.isChecked());
        assertTrue(bot.menu("View").menu("Large Icons").isChecked());
        assertFalse(bot.menu("View").menu("Small Icons").isChecked());
        assertEquals(List.of("pane", "small", "large+"), clicked);
    }

    @Test
    void disabledItemIsNotClickedAndTheTimeoutSaysWhy() {
        SWTBotMenu customize = bot.menu("View").menu("Customize...");
        assertFalse(customize.isEnabled());

        try (var timeout = shortTimeout()) {
            TimeoutException e = assertThrows(TimeoutException.class, customize::click);
            assertTrue(e.getMessage().contains("MenuItem 'Customize...' stayed disabled"), e.getMessage());
        }
        assertEquals(List.of(), clicked);
    }

    @Test
    void missingSubmenuItemIsReportedWithTheItemsThatExist() {
        try (var timeout = shortTimeout()) {
            WidgetNotFoundException e = assertThrows(WidgetNotFoundException.class,
                    () -> bot.menu("Action").menu("All Tasks").menu("Delete"));
            assertTrue(e.getMessage().contains("'Delete'"), e.getMessage());
            assertTrue(e.getMessage().contains("[Export..., Import...]"), e.getMessage());
        }
    }

    @Test
    void missingMenuBarItemIsReportedWithTheMenuBar() {
        try (var timeout = shortTimeout()) {
            WidgetNotFoundException e = assertThrows(WidgetNotFoundException.class, () -> bot.menu("Tools"));
            assertTrue(e.getMessage().contains("'Cairn - [Console Root]' has menu bar items [File, Action, View]"),
                    e.getMessage());
        }
    }
}
