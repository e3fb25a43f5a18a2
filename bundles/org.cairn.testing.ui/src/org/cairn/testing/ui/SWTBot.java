package org.cairn.testing.ui;

import static org.cairn.testing.ui.WidgetMatcherFactory.allOf;
import static org.cairn.testing.ui.WidgetMatcherFactory.widgetOfType;
import static org.cairn.testing.ui.WidgetMatcherFactory.withLabel;
import static org.cairn.testing.ui.WidgetMatcherFactory.withStyle;
import static org.cairn.testing.ui.WidgetMatcherFactory.withText;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.Widget;

/**
 * Finds shells, menus and widgets by label, text and type, and waits for conditions, from a thread
 * other than the UI thread; named and shaped like SWTBot's {@code SWTBot}.
 * <p>
 * A bot made from a {@link Display} searches the active shell (or, without a window manager, the most
 * recently shown or activated visible shell); one made from a widget ({@link SWTBotShell#bot()})
 * searches inside that widget. Only visible controls are found. Every find waits up to
 * {@link #defaultTimeout()} for its widget to appear, then throws {@link WidgetNotFoundException}
 * listing what was there. Not final, so that an application bot can add its own finders.
 */
public class SWTBot {

    private final Display display;
    private final Widget parent;

    /**
     * A bot for the active shell of the running display: the application's under Tycho's UI harness.
     *
     * @throws IllegalStateException if no display is running
     */
    public SWTBot() {
        this(UIThreadRunnable.runningDisplay().orElseThrow(() -> new IllegalStateException(
                "No SWT display is running: start the application (Tycho useUIHarness) or a DisplayThread first")));
    }

    /** A bot for the active shell of {@code display}. */
    public SWTBot(Display display) {
        this(Objects.requireNonNull(display, "display"), null);
    }

    /** A bot searching inside {@code parent} (a shell or composite). */
    public SWTBot(Widget parent) {
        this(parent.getDisplay(), parent);
    }

    private SWTBot(Display display, Widget parent) {
        this.display = display;
        this.parent = parent;
        UIThreadRunnable.syncExec(display, () -> {
            ShellTracker.of(display);
        });
    }

    /**
     * @return milliseconds each find and wait lasts at most: system property {@code cairn.bot.timeout},
     *         default 5000
     */
    public static long defaultTimeout() {
        return Wait.timeout();
    }

    /** @return the display this bot drives */
    public Display display() {
        return display;
    }

    // ---- shells

    /** @return the visible shell titled {@code title}, waiting for it to open */
    public SWTBotShell shell(String title) {
        return Wait.find(display, "a visible shell '" + title + "'",
                () -> UIThreadRunnable.syncExec(display, () -> Widgets.visibleShells(display).stream()
                        .filter(s -> title.equals(s.getText())).findFirst().map(SWTBotShell::new)),
                () -> UIThreadRunnable.syncExec(display, () -> "Visible shells: " + Widgets.visibleShellTitles(display)));
    }

    /** @return the visible shells, now */
    public SWTBotShell[] shells() {
        return UIThreadRunnable.syncExec(display,
                () -> Widgets.visibleShells(display).stream().map(SWTBotShell::new).toArray(SWTBotShell[]::new));
    }

    /** @return the active shell, or without a window manager the most recently shown or activated one */
    public SWTBotShell activeShell() {
        return Wait.find(display, "an active shell",
                () -> UIThreadRunnable.syncExec(display, () -> ShellTracker.activeShell(display).map(SWTBotShell::new)),
                () -> "No shell is visible.");
    }

    // ---- menus

    /** @return the item {@code text} of the menu bar of this bot's shell, e.g. {@code menu("Action")} */
    public SWTBotMenu menu(String text) {
        return Wait.find(display, "menu '" + text + "' in the menu bar", () -> UIThreadRunnable.syncExec(display,
                () -> menuBar().flatMap(bar -> SWTBotMenu.findItem(bar, text)).map(SWTBotMenu::new)),
                () -> UIThreadRunnable.syncExec(display, () -> scopeShell().map(shell -> "Shell '" + shell.getText()
                        + menuBar().map(bar -> "' has menu bar items " + SWTBotMenu.itemTexts(bar))
                                .orElse("' has no menu bar"))
                        .orElse("No shell is visible.")));
    }

    private Optional<Menu> menuBar() {
        return scopeShell().map(Shell::getMenuBar);
    }

    private Optional<Shell> scopeShell() {
        if (parent == null) {
            return ShellTracker.activeShell(display);
        }
        return parent.isDisposed() ? Optional.empty()
                : Optional.ofNullable(parent instanceof Control control ? control.getShell() : null);
    }

    // ---- controls

    /** @return the push button labelled {@code label} (mnemonics ignored) */
    public SWTBotButton button(String label) {
        return button(label, 0);
    }

    /** @return the {@code index}th push button labelled {@code label} */
    public SWTBotButton button(String label, int index) {
        return new SWTBotButton(widget(allOf(widgetOfType(Button.class), withStyle(SWT.PUSH, "SWT.PUSH"),
                withText(label)), index));
    }

    /** @return the check box labelled {@code label} */
    public SWTBotCheckBox checkBox(String label) {
        return new SWTBotCheckBox(widget(allOf(widgetOfType(Button.class), withStyle(SWT.CHECK, "SWT.CHECK"),
                withText(label))));
    }

    /** @return the radio button labelled {@code label} */
    public SWTBotRadio radio(String label) {
        return new SWTBotRadio(widget(allOf(widgetOfType(Button.class), withStyle(SWT.RADIO, "SWT.RADIO"),
                withText(label))));
    }

    /** @return the first text field */
    public SWTBotText text() {
        return text(0);
    }

    /** @return the {@code index}th text field */
    public SWTBotText text(int index) {
        return new SWTBotText(widget(widgetOfType(Text.class), index));
    }

    /** @return the text field whose content is {@code content} */
    public SWTBotText text(String content) {
        return new SWTBotText(widget(allOf(widgetOfType(Text.class), withText(content))));
    }

    /** @return the text field after the Label {@code label} in the same composite, e.g. "Password:" */
    public SWTBotText textWithLabel(String label) {
        return new SWTBotText(widget(allOf(widgetOfType(Text.class), withLabel(label))));
    }

    /** @return the label showing {@code text} */
    public SWTBotLabel label(String text) {
        return new SWTBotLabel(widget(allOf(widgetOfType(Label.class), withText(text))));
    }

    /** @return the link whose text, tags included, is {@code text}, e.g. {@code link("<a>All Tasks</a>")} */
    public SWTBotLink link(String text) {
        return new SWTBotLink(widget(allOf(widgetOfType(Link.class), withText(text))));
    }

    /** @return the first tree */
    public SWTBotTree tree() {
        return tree(0);
    }

    /** @return the {@code index}th tree */
    public SWTBotTree tree(int index) {
        return new SWTBotTree(widget(widgetOfType(Tree.class), index));
    }

    /** @return the first table */
    public SWTBotTable table() {
        return table(0);
    }

    /** @return the {@code index}th table */
    public SWTBotTable table(int index) {
        return new SWTBotTable(widget(widgetOfType(Table.class), index));
    }

    /** @return the first combo box */
    public SWTBotCombo comboBox() {
        return comboBox(0);
    }

    /** @return the {@code index}th combo box */
    public SWTBotCombo comboBox(int index) {
        return new SWTBotCombo(widget(widgetOfType(Combo.class), index));
    }

    /** @return the combo box after the Label {@code label} in the same composite */
    public SWTBotCombo comboBoxWithLabel(String label) {
        return new SWTBotCombo(widget(allOf(widgetOfType(Combo.class), withLabel(label))));
    }

    /** @return the CTabFolder tab titled {@code text} (e4 part stacks are CTabFolders) */
    public SWTBotCTabItem cTabItem(String text) {
        return new SWTBotCTabItem(widget(allOf(widgetOfType(CTabItem.class), withText(text))));
    }

    /** @return the TabFolder tab titled {@code text} */
    public SWTBotTabItem tabItem(String text) {
        return new SWTBotTabItem(widget(allOf(widgetOfType(TabItem.class), withText(text))));
    }

    // ---- generic finding

    /** @return the first widget {@code matcher} matches, waiting for it */
    public <T extends Widget> T widget(Matcher<T> matcher) {
        return widget(matcher, 0);
    }

    /** @return the {@code index}th widget {@code matcher} matches, in depth-first order, waiting for it */
    public <T extends Widget> T widget(Matcher<T> matcher, int index) {
        String what = "widget " + matcher + (index > 0 ? " (index " + index + ")" : "");
        return Wait.find(display, what, () -> Optional.of(findWidgets(matcher)).filter(found -> found.size() > index)
                .map(found -> found.get(index)), this::describeScope);
    }

    /** @return all widgets {@code matcher} matches, waiting until there is at least one */
    public <T extends Widget> List<T> widgets(Matcher<T> matcher) {
        return Wait.find(display, "widget " + matcher,
                () -> Optional.of(findWidgets(matcher)).filter(found -> !found.isEmpty()), this::describeScope);
    }

    /** @return all widgets {@code matcher} matches now, without waiting; empty if none */
    @SuppressWarnings("unchecked") // the matcher vouches for T
    public <T extends Widget> List<T> findWidgets(Matcher<T> matcher) {
        return UIThreadRunnable.syncExec(display, () -> scope()
                .map(scope -> Widgets.descendants(scope).stream().filter(matcher::matches).map(w -> (T) w).toList())
                .orElse(List.of()));
    }

    private Optional<Widget> scope() {
        if (parent == null) {
            return ShellTracker.activeShell(display).map(Widget.class::cast);
        }
        return parent.isDisposed() ? Optional.empty() : Optional.of(parent);
    }

    private String describeScope() {
        return UIThreadRunnable.syncExec(display, () -> scope()
                .map(scope -> "Searched " + Widgets.describe(scope) + ", which holds "
                        + Widgets.describeAll(Widgets.descendants(scope)) + ".")
                .orElse("Nothing to search: " + (parent == null ? "no shell is visible." : "the parent is disposed."))
                + " Visible shells: " + Widgets.visibleShellTitles(display));
    }

    // ---- waits

    /** Waits until {@code condition} holds, for {@link #defaultTimeout()} ms. */
    public void waitUntil(ICondition condition) {
        waitUntil(condition, defaultTimeout());
    }

    /** Waits until {@code condition} holds, else throws {@link TimeoutException} after {@code timeoutMs}. */
    public void waitUntil(ICondition condition, long timeoutMs) {
        await(condition, timeoutMs, true);
    }

    /** Waits while {@code condition} holds, for {@link #defaultTimeout()} ms. */
    public void waitWhile(ICondition condition) {
        waitWhile(condition, defaultTimeout());
    }

    /** Waits while {@code condition} holds, else throws {@link TimeoutException} after {@code timeoutMs}. */
    public void waitWhile(ICondition condition, long timeoutMs) {
        await(condition, timeoutMs, false);
    }

    private void await(ICondition condition, long timeoutMs, boolean until) {
        condition.init(this);
        Wait.Poll<Boolean> poll = Wait.poll(display, timeoutMs,
                () -> condition.test() == until ? Optional.of(Boolean.TRUE) : Optional.empty());
        if (poll.value().isEmpty()) {
            throw new TimeoutException("Timed out after " + timeoutMs + " ms " + (until ? "waiting until: " : "waiting while: ")
                    + Wait.safely(condition::getFailureMessage), poll.lastError());
        }
    }

    /** Sleeps {@code millis} on the test thread; prefer {@link #waitUntil(ICondition)}. */
    public void sleep(long millis) {
        Wait.sleep(millis);
    }

    // ---- screenshots

    /** Saves the whole display as a PNG at {@code file}, creating its directory; @return {@code file} */
    public Path captureScreenshot(Path file) {
        return Screenshots.capture(display, file);
    }

    @Override
    public String toString() {
        return parent == null ? "SWTBot(active shell)" : "SWTBot(" + parent + ")";
    }
}
