package org.cairn.testing.ui;

import java.util.Objects;
import java.util.Optional;

import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.swt.widgets.Widget;

/**
 * Base of the widget wrappers: reads widgets on the UI thread and sends them events the way SWTBot's
 * {@code AbstractSWTBot} does. Methods may be called from any thread but waits need a non-UI thread.
 *
 * @param <T> the wrapped widget's type
 */
public abstract class AbstractSWTBot<T extends Widget> {

    /** The wrapped widget; touch it only on the UI thread ({@link #syncExec(Result)}). */
    public final T widget;

    /** The wrapped widget's display. */
    protected final Display display;

    /** Wraps {@code widget}, which must not be disposed. */
    protected AbstractSWTBot(T widget) {
        this.widget = Objects.requireNonNull(widget, "widget");
        this.display = widget.getDisplay();
    }

    /** Runs {@code toExecute} on the UI thread and returns its value. */
    protected <R> R syncExec(Result<R> toExecute) {
        return UIThreadRunnable.syncExec(display, toExecute);
    }

    /** Runs {@code toExecute} on the UI thread. */
    protected void syncExec(VoidResult toExecute) {
        UIThreadRunnable.syncExec(display, toExecute);
    }

    /**
     * Runs {@code action} on the UI thread without blocking the test thread if it opens a modal dialog,
     * then returns once it ran or entered the dialog's event loop; skipped if the widget is disposed.
     */
    protected void post(VoidResult action) {
        UIThreadRunnable.postAndWait(display, () -> {
            if (!widget.isDisposed()) {
                action.run();
            }
        });
    }

    /** Sends an event of {@code eventType} to the widget via {@link #post(VoidResult)}. */
    protected void notify(int eventType) {
        notify(eventType, new Event(), widget);
    }

    /** Sends {@code event} as {@code eventType} to {@code target} via {@link #post(VoidResult)}. */
    protected void notify(int eventType, Event event, Widget target) {
        post(() -> {
            if (!target.isDisposed()) {
                target.notifyListeners(eventType, event);
            }
        });
    }

    /** Waits for the widget to be enabled, else throws {@link TimeoutException}. */
    protected void waitForEnabled() {
        long timeout = Wait.timeout();
        if (Wait.poll(display, timeout, () -> Optional.of(true).filter(ignored -> isEnabled())).value().isEmpty()) {
            throw new TimeoutException(this + " stayed disabled for " + timeout + " ms", null);
        }
    }

    /** @return the widget's text; for buttons, labels and menu items as shown, with any '&' mnemonics */
    public String getText() {
        return syncExec(() -> Widgets.textOf(widget));
    }

    /** @return the widget's tooltip, or null */
    public String getToolTipText() {
        return syncExec(() -> Widgets.toolTipOf(widget));
    }

    /** @return whether the widget and its ancestors are enabled */
    public boolean isEnabled() {
        return syncExec(() -> switch (widget) {
            case Control control -> control.isEnabled();
            case MenuItem item -> item.isEnabled();
            case TreeItem item -> item.getParent().isEnabled();
            case TableItem item -> item.getParent().isEnabled();
            case CTabItem item -> item.getParent().isEnabled();
            case TabItem item -> item.getParent().isEnabled();
            default -> !widget.isDisposed();
        });
    }

    /** @return whether the widget is a visible control (items count as visible) */
    public boolean isVisible() {
        return syncExec(() -> widget instanceof Control control ? control.isVisible() : !widget.isDisposed());
    }

    /** Gives the widget keyboard focus, if it is a control. */
    public void setFocus() {
        syncExec(() -> {
            if (widget instanceof Control control) {
                control.setFocus();
            }
        });
    }

    /**
     * Presses real keys on this widget (SWTBot's {@code pressShortcut}): activates its shell, gives the focus to
     * its control (a tree or table for an item), waits until it has it and until a key reaches it (a menu that just
     * closed may still hold the keyboard for a moment), then posts the keys with a {@link Keyboard}. Returns even if a key opens a modal dialog.
     *
     * @throws TimeoutException when the control does not get the focus
     */
    public AbstractSWTBot<T> pressShortcut(KeyStroke... strokes) {
        Control control = keyControl();
        syncExec(() -> {
            control.getShell().forceActive();
            control.setFocus();
        });
        long timeout = Wait.timeout();
        if (Wait.poll(display, timeout, () -> Optional.of(true).filter(ignored -> syncExec(
                () -> !control.isDisposed() && display.getFocusControl() == control))).value().isEmpty()) {
            throw new TimeoutException(this + " did not get the keyboard focus within " + timeout + " ms; it went to "
                    + syncExec(() -> String.valueOf(display.getFocusControl())), null);
        }
        Keyboard keyboard = new Keyboard(display);
        keyboard.waitUntilKeysReach(control, timeout);
        keyboard.pressShortcut(strokes);
        return this;
    }

    /**
     * @return the control that takes this widget's keys: the widget itself; an item selects itself and answers its
     *         tree or table. Called on the test thread.
     */
    protected Control keyControl() {
        if (widget instanceof Control control) {
            return control;
        }
        throw new UnsupportedOperationException(this + " takes no keys of its own");
    }

    /** @return whether this widget's context menu is showing now (opened by the mouse or keyboard, not faked) */
    public boolean isContextMenuShown() {
        Control control = keyControl();
        return syncExec(() -> {
            Menu menu = control.isDisposed() ? null : control.getMenu();
            return menu != null && !menu.isDisposed() && menu.isVisible();
        });
    }

    /** @return the item {@code text} of the context menu showing now, waiting for the menu to show */
    public SWTBotMenu shownContextMenu(String text) {
        return SWTBotMenu.shownContextMenu(keyControl(), text);
    }

    /** Hides this widget's context menu if it shows (nothing to do when the widget is gone). */
    public void hideContextMenu() {
        Control control = keyControl();
        syncExec(() -> {
            Menu menu = control.isDisposed() ? null : control.getMenu();
            if (menu != null && !menu.isDisposed() && menu.isVisible()) {
                menu.setVisible(false);
            }
        });
    }

    /** @return the item {@code text} of this widget's context menu, after firing SWT.MenuDetect and SWT.Show */
    public SWTBotMenu contextMenu(String text) {
        return SWTBotMenu.contextMenu(contextControl(), text);
    }

    /** @return the control whose context menu {@link #contextMenu(String)} opens */
    protected Control contextControl() {
        if (widget instanceof Control control) {
            return control;
        }
        throw new UnsupportedOperationException(this + " has no context menu of its own");
    }

    @Override
    public String toString() {
        try {
            return syncExec(() -> Widgets.describe(widget));
        } catch (RuntimeException e) {
            return widget.getClass().getSimpleName();
        }
    }
}
