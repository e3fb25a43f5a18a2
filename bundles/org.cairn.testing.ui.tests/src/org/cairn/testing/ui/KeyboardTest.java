package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real key events through {@link Keyboard} and {@code pressShortcut}: what the controls and GTK do with them. */
class KeyboardTest extends UiTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private Tree tree;
    private Menu menu;

    @BeforeEach
    void openShellWithTextAndTree() {
        onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText("Keys");
            shell.setLayout(new FillLayout(SWT.VERTICAL));
            Text text = new Text(shell, SWT.BORDER);
            text.addListener(SWT.KeyDown, event -> events.add("text key " + event.character));
            tree = new Tree(shell, SWT.SINGLE | SWT.BORDER);
            for (String name : List.of("Console Root", "Favorites")) {
                TreeItem item = new TreeItem(tree, SWT.NONE);
                item.setText(name);
                new TreeItem(item, SWT.NONE).setText(name + " child");
            }
            tree.addListener(SWT.KeyDown, event -> events.add("tree key " + event.keyCode
                    + ((event.stateMask & SWT.ALT) != 0 ? " alt" : "") + ((event.stateMask & SWT.SHIFT) != 0 ? " shift" : "")));
            tree.addListener(SWT.DefaultSelection, event -> events.add("open " + ((TreeItem) event.item).getText()));
            tree.addListener(SWT.Expand, event -> events.add("expand " + ((TreeItem) event.item).getText()));
            tree.addListener(SWT.MenuDetect, event -> events.add("menu detect " + (event.detail == SWT.MENU_KEYBOARD
                    ? "keyboard" : "mouse")));
            menu = new Menu(tree);
            MenuItem open = new MenuItem(menu, SWT.PUSH);
            open.setText("Open");
            open.addListener(SWT.Selection, event -> events.add("menu Open"));
            tree.setMenu(menu);
            shell.setSize(300, 300);
            shell.open();
        });
    }

    private List<String> events(String prefix) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
    }

    @Test
    void typedTextArrivesInTheFocusedField() {
        SWTBotText text = bot.text();
        text.pressShortcut(KeyStroke.of('a'));
        new Keyboard(display).typeText("b1");
        bot.waitUntil(Conditions.condition("three characters typed", () -> "ab1".equals(text.getText())));
        // GTK's input method hands each character back to SWT, which reports it again: keep the order only.
        assertEquals(List.of("text key a", "text key b", "text key 1"), events("text").stream().distinct().toList());
    }

    @Test
    void arrowsMoveAndExpandInTheTreeAsGtkDoes() {
        SWTBotTreeItem root = bot.tree().getTreeItem("Console Root").select();
        root.pressShortcut(Keystrokes.DOWN);
        bot.waitUntil(Conditions.condition("Favorites selected by the arrow",
                () -> bot.tree().selection().equals(List.of("Favorites"))));
        bot.tree().pressShortcut(Keystrokes.RIGHT);
        bot.waitUntil(Conditions.condition("Favorites expanded by the right arrow",
                () -> bot.tree().getTreeItem("Favorites").isExpanded()));
        bot.tree().pressShortcut(Keystrokes.UP);
        bot.waitUntil(Conditions.condition("back up", () -> bot.tree().selection().equals(List.of("Console Root"))));
        assertTrue(events.contains("expand Favorites"), events::toString);
    }

    @Test
    void enterOpensAndModifiersAreHeld() {
        bot.tree().getTreeItem("Favorites").pressShortcut(Keystrokes.CR, Keystrokes.ALT_ENTER, Keystrokes.DELETE,
                Keystrokes.F5);
        bot.waitUntil(Conditions.condition(() -> "five key presses: " + events, () -> events("tree key").size() == 5));
        // The Alt key is pressed on its own first, as on a real keyboard.
        assertEquals(List.of("tree key " + (int) SWT.CR, "tree key " + SWT.ALT + " alt", "tree key " + (int) SWT.CR + " alt",
                "tree key " + (int) SWT.DEL, "tree key " + SWT.F5), events("tree key"));
        assertEquals(List.of("open Favorites"), events("open"));
    }

    @Test
    void shiftF10AndTheMenuKeyOpenTheContextMenu() {
        SWTBotTree botTree = bot.tree();
        botTree.getTreeItem("Console Root").select();
        for (KeyStroke key : List.of(Keystrokes.SHIFT_F10, Keystrokes.MENU)) {
            events.clear();
            botTree.pressShortcut(key);
            bot.waitUntil(Conditions.condition("the context menu shows after " + key, botTree::isContextMenuShown));
            assertEquals(List.of("menu detect keyboard"), events("menu detect"));
            // Escape goes to the menu, which holds the keyboard while it shows.
            new Keyboard(display).pressShortcut(Keystrokes.ESC);
            bot.waitWhile(Conditions.condition("the context menu closes after " + key, botTree::isContextMenuShown));
        }
        botTree.pressShortcut(Keystrokes.SHIFT_F10);
        botTree.shownContextMenu("Open").click();
        botTree.hideContextMenu();
        assertEquals(List.of("menu Open"), events("menu Open"));
        assertFalse(botTree.isContextMenuShown());
    }

    @Test
    void swtKeyConstantsThatAreCharactersAreKeyCodes() {
        assertEquals(KeyStroke.of(0, SWT.CR), KeyStroke.of(SWT.CR));
        assertEquals(SWT.DEL, KeyStroke.of(SWT.DEL).keyCode());
        assertEquals(0, KeyStroke.of('a').keyCode());
    }

    @Test
    void aKeyStrokeNeedsAKey() {
        assertThrows(IllegalArgumentException.class, () -> new KeyStroke(0, 0, (char) 0));
        assertThrows(IllegalArgumentException.class, () -> new KeyStroke(1 << 3, SWT.F5, (char) 0));
        assertEquals("Alt+Shift+key " + SWT.F10, Keystrokes.SHIFT_F10.with(SWT.ALT).toString());
    }
}
