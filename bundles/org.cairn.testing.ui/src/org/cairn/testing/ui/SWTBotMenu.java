package org.cairn.testing.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * A menu item of a menu bar or context menu (SWTBot's {@code SWTBotMenu}):
 * {@code bot.menu("Action").menu("All Tasks").menu("Export...").click()}.
 * <p>
 * Menus are read the way SWT shows them: SWT.Show is sent to a menu before its items are read, because
 * e4 and JFace create items lazily in Show listeners; {@link #click()} sends SWT.Hide to those menus
 * afterwards. Items are found by text ignoring '&' mnemonics and the accelerator after a tab.
 */
public final class SWTBotMenu extends AbstractSWTBot<MenuItem> {

    /** The menus Show was sent to on the way to this item, outermost first. */
    private final List<Menu> shownMenus;

    /** Wraps {@code item}. */
    public SWTBotMenu(MenuItem item) {
        this(item, List.of());
    }

    private SWTBotMenu(MenuItem item, List<Menu> shownMenus) {
        super(item);
        this.shownMenus = List.copyOf(shownMenus);
    }

    /** @return the item {@code text} of this item's submenu, waiting for it to appear */
    public SWTBotMenu menu(String text) {
        return Wait.find(display, "menu item '" + text + "' in the submenu of " + this, () -> syncExec(() -> {
            Optional<Menu> submenu = showSubmenu();
            return submenu.flatMap(menu -> findItem(menu, text)).map(item -> new SWTBotMenu(item, with(submenu.get())));
        }), () -> syncExec(() -> Widgets.describe(widget)
                + showSubmenu().map(menu -> " has items " + itemTexts(menu)).orElse(" has no submenu")));
    }

    /** @return the texts of this item's submenu items (after SWT.Show), without mnemonics; empty if none */
    public List<String> menuItems() {
        return syncExec(() -> showSubmenu().map(SWTBotMenu::itemTexts).orElse(List.of()));
    }

    /**
     * Waits until enabled, toggles a CHECK item or selects a RADIO item, sends SWT.Selection, then
     * SWT.Hide to the menus shown on the way; returns even if the click opens a modal dialog.
     */
    public SWTBotMenu click() {
        waitForEnabled();
        post(() -> {
            if ((widget.getStyle() & SWT.CHECK) != 0) {
                widget.setSelection(!widget.getSelection());
            } else if ((widget.getStyle() & SWT.RADIO) != 0) {
                deselectRadioGroup();
                widget.setSelection(true);
            }
            widget.notifyListeners(SWT.Selection, new Event());
        });
        // Posted separately so the menus still hide while a dialog opened by the click is showing.
        UIThreadRunnable.postAndWait(display, () -> {
            for (int i = shownMenus.size() - 1; i >= 0; i--) {
                if (!shownMenus.get(i).isDisposed()) {
                    shownMenus.get(i).notifyListeners(SWT.Hide, new Event());
                }
            }
        });
        return this;
    }

    /** @return whether a CHECK or RADIO item is selected */
    public boolean isChecked() {
        return syncExec(widget::getSelection);
    }

    /** A RADIO item's group is the run of adjacent RADIO items around it. */
    private void deselectRadioGroup() {
        MenuItem[] items = widget.getParent().getItems();
        int index = Arrays.asList(items).indexOf(widget);
        for (int step : new int[] {-1, 1}) {
            for (int i = index + step; i >= 0 && i < items.length && (items[i].getStyle() & SWT.RADIO) != 0; i += step) {
                if (items[i].getSelection()) {
                    items[i].setSelection(false);
                    items[i].notifyListeners(SWT.Selection, new Event());
                }
            }
        }
    }

    private Optional<Menu> showSubmenu() {
        Menu submenu = widget.isDisposed() ? null : widget.getMenu();
        if (submenu == null || submenu.isDisposed()) {
            return Optional.empty();
        }
        show(submenu);
        return Optional.of(submenu);
    }

    private List<Menu> with(Menu menu) {
        List<Menu> menus = new ArrayList<>(shownMenus);
        menus.add(menu);
        return menus;
    }

    /** Finds the context menu item {@code text} of {@code control}, waiting for it. */
    static SWTBotMenu contextMenu(Control control, String text) {
        Display display = control.getDisplay();
        return Wait.find(display, "context menu item '" + text + "'",
                () -> UIThreadRunnable.syncExec(display, () -> popup(control)
                        .flatMap(menu -> findItem(menu, text).map(item -> new SWTBotMenu(item, List.of(menu))))),
                () -> UIThreadRunnable.syncExec(display, () -> Widgets.describe(control) + popup(control)
                        .map(menu -> " has context menu items " + itemTexts(menu)).orElse(" has no context menu")));
    }

    /** Finds the item {@code text} of the context menu {@code control} shows now, waiting for it to show. */
    static SWTBotMenu shownContextMenu(Control control, String text) {
        Display display = control.getDisplay();
        return Wait.find(display, "item '" + text + "' of the shown context menu of " + control,
                () -> UIThreadRunnable.syncExec(display, () -> Optional.ofNullable(control.getMenu())
                        .filter(menu -> !menu.isDisposed() && menu.isVisible())
                        .flatMap(menu -> findItem(menu, text).map(item -> new SWTBotMenu(item, List.of())))),
                () -> UIThreadRunnable.syncExec(display, () -> Widgets.describe(control) + Optional
                        .ofNullable(control.getMenu()).filter(menu -> !menu.isDisposed())
                        .map(menu -> (menu.isVisible() ? " shows" : " does not show") + " its context menu, items "
                                + itemTexts(menu))
                        .orElse(" has no context menu")));
    }

    /** Sends SWT.MenuDetect as a right click in the middle of the control would, then shows its menu. */
    private static Optional<Menu> popup(Control control) {
        if (control.isDisposed()) {
            return Optional.empty();
        }
        Point center = control.toDisplay(control.getSize().x / 2, control.getSize().y / 2);
        Event detect = new Event();
        detect.x = center.x;
        detect.y = center.y;
        detect.detail = SWT.MENU_MOUSE;
        control.notifyListeners(SWT.MenuDetect, detect);
        Menu menu = control.isDisposed() ? null : control.getMenu();
        if (!detect.doit || menu == null || menu.isDisposed()) {
            return Optional.empty();
        }
        show(menu);
        return Optional.of(menu);
    }

    static Optional<MenuItem> findItem(Menu menu, String text) {
        return Arrays.stream(menu.getItems())
                .filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0 && Widgets.textMatches(item.getText(), text))
                .findFirst();
    }

    static List<String> itemTexts(Menu menu) {
        return Arrays.stream(menu.getItems()).filter(item -> (item.getStyle() & SWT.SEPARATOR) == 0)
                .map(item -> Widgets.normalize(item.getText())).toList();
    }

    private static void show(Menu menu) {
        menu.notifyListeners(SWT.Show, new Event());
    }
}
