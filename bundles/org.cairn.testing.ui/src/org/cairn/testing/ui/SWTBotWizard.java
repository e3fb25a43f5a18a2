package org.cairn.testing.ui;

import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * A JFace wizard dialog as a user drives it: the current page, its Next, Back, Finish and Cancel buttons, and the
 * dialogs it opens over itself. Wizard-specific bots extend it with their pages' steps.
 */
public class SWTBotWizard {

    /** How long {@link #dialog(String)} waits for a dialog that reports the end of the wizard's work. */
    private static final long WORK_TIMEOUT_MS = 60_000;

    /** The bot the wizard was found with. */
    protected final SWTBot bot;
    private final SWTBotShell shell;

    /**
     * @param bot   a bot
     * @param title the wizard's window title; waits until a shell with it is open
     */
    public SWTBotWizard(SWTBot bot, String title) {
        this.bot = bot;
        this.shell = bot.shell(title);
    }

    /** @return the wizard's shell */
    public final SWTBotShell shell() {
        return shell;
    }

    /** @return a bot that searches the wizard (its current page and buttons) */
    public final SWTBot page() {
        return shell.bot();
    }

    /** @return whether a visible label or text of the wizard shows {@code text}: the page title, its message */
    public final boolean shows(String text) {
        return UIThreadRunnable.syncExec(bot.display(), () -> shell.bot()
                .findWidgets(WidgetMatcherFactory.<Control>withText(text)).stream().anyMatch(Control::isVisible));
    }

    /** Waits until the wizard shows the page titled {@code title}. */
    public final void waitForPage(String title) {
        bot.waitUntil(Conditions.condition("the wizard shows the page '" + title + "'", () -> shows(title)));
    }

    /** @return the Next button */
    public final SWTBotButton next() {
        return page().button("Next >");
    }

    /** @return the Back button */
    public final SWTBotButton back() {
        return page().button("< Back");
    }

    /** @return the Finish button */
    public final SWTBotButton finish() {
        return page().button("Finish");
    }

    /** Clicks Next and waits for the page titled {@code expectedPage}. */
    public final void clickNext(String expectedPage) {
        next().click();
        waitForPage(expectedPage);
    }

    /** Clicks Cancel and waits until the wizard has closed. */
    public final void cancel() {
        page().button("Cancel").click();
        bot.waitUntil(Conditions.shellCloses(shell));
    }

    /** @return the check box {@code text} of the wizard; {@code index} among those with equal labels */
    public final SWTBotCheckBox checkBox(String text, int index) {
        List<Button> found = UIThreadRunnable.syncExec(bot.display(),
                () -> shell.bot().findWidgets(WidgetMatcherFactory.<Button>withText(text)));
        return new SWTBotCheckBox(found.get(index));
    }

    /** Waits for a message box the wizard opens over itself (titled as the wizard too) and returns it. */
    public final SWTBotShell dialog() {
        return dialog(UIThreadRunnable.syncExec(bot.display(), shell.widget::getText));
    }

    /**
     * Waits for a dialog titled {@code title} over the wizard and returns it. Such a dialog often reports the end of
     * the wizard's work (an export with its read-back, an import), which a loaded machine may take well over the
     * usual find timeout for: this waits up to a minute.
     */
    public final SWTBotShell dialog(String title) {
        bot.waitUntil(Conditions.condition("the dialog '" + title + "' over the wizard", () -> findDialog(title) != null),
                Math.max(SWTBot.defaultTimeout(), WORK_TIMEOUT_MS));
        return new SWTBotShell(findDialog(title));
    }

    private Shell findDialog(String title) {
        SWTBotShell[] shells = bot.shells();
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(shells).map(s -> s.widget)
                .filter(s -> !s.isDisposed() && s != shell.widget && s.getParent() == shell.widget
                        && title.equals(s.getText()))
                .findFirst().orElse(null));
    }
}
