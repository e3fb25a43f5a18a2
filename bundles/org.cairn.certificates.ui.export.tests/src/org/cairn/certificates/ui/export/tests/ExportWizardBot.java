package org.cairn.certificates.ui.export.tests;

import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotButton;
import org.cairn.testing.ui.SWTBotCheckBox;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** The Certificate Export Wizard as a user sees it: its pages, buttons and the dialogs it opens. */
final class ExportWizardBot {

    static final String TITLE = "Certificate Export Wizard";
    static final String CHAIN = "Include all certificates in the certification path if possible";

    private final SWTBot bot;
    private final SWTBotShell shell;

    ExportWizardBot(SWTBot bot) {
        this.bot = bot;
        this.shell = bot.shell(TITLE);
    }

    SWTBotShell shell() {
        return shell;
    }

    SWTBot page() {
        return shell.bot();
    }

    /** @return whether a visible label or text of the wizard shows {@code text}: the page title, its message */
    boolean showsPage(String text) {
        return UIThreadRunnable.syncExec(bot.display(), () -> shell.bot()
                .findWidgets(WidgetMatcherFactory.<Control>withText(text)).stream()
                .anyMatch(Control::isVisible));
    }

    void waitForPage(String title) {
        bot.waitUntil(Conditions.condition("the wizard shows the page '" + title + "'", () -> showsPage(title)));
    }

    SWTBotButton next() {
        return page().button("Next >");
    }

    SWTBotButton back() {
        return page().button("< Back");
    }

    SWTBotButton finish() {
        return page().button("Finish");
    }

    void clickNext(String expectedPage) {
        next().click();
        waitForPage(expectedPage);
    }

    void cancel() {
        page().button("Cancel").click();
        bot.waitUntil(Conditions.shellCloses(shell));
    }

    /** @return the visible check box {@code text} on the current page; {@code index} among equal labels */
    SWTBotCheckBox checkBox(String text, int index) {
        List<Button> found = UIThreadRunnable.syncExec(bot.display(),
                () -> shell.bot().findWidgets(WidgetMatcherFactory.<Button>withText(text)));
        return new SWTBotCheckBox(found.get(index));
    }

    /** Waits for a message box the wizard opens over itself (titled as the wizard too) and returns it. */
    SWTBotShell dialog() {
        bot.waitUntil(Conditions.condition("a message box over the wizard", () -> findDialog() != null));
        return new SWTBotShell(findDialog());
    }

    private Shell findDialog() {
        SWTBotShell[] shells = bot.shells();
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            for (SWTBotShell candidate : shells) {
                if (!candidate.widget.isDisposed() && candidate.widget != shell.widget
                        && candidate.widget.getParent() == shell.widget && TITLE.equals(candidate.widget.getText())) {
                    return candidate.widget;
                }
            }
            return null;
        });
    }
}
