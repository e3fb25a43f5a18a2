package org.cairn.certificates.ui.importing.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotWizard;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Label;

/** The Certificate Import Wizard as a user sees it: its pages, buttons and the dialogs it opens. */
final class ImportWizardBot extends SWTBotWizard {

    static final String TITLE = "Certificate Import Wizard";
    static final String WELCOME = "Welcome to the Certificate Import Wizard";
    static final String FILE = "File to Import";
    static final String KEY = "Private key protection";
    static final String STORE = "Certificate Store";
    static final String COMPLETING = "Completing the Certificate Import Wizard";
    static final String EXPORTABLE = "Mark this key as exportable. This will allow you to back up or transport your "
            + "keys at a later time.";
    static final String EXTENDED = "Include all extended properties.";
    static final String AUTOMATIC = "Automatically select the certificate store based on the type of certificate";
    static final String PLACE = "Place all certificates in the following store";

    ImportWizardBot(SWTBot bot) {
        super(bot, TITLE);
    }

    /** Welcome → File to Import with {@code file} typed → Next; returns once the next page (or a message) shows. */
    void chooseFile(Path file) {
        waitForPage(WELCOME);
        clickNext(FILE);
        page().textWithLabel("File name:").setText(file.toString());
        next().click();
    }

    /** Types the password and goes on to the Certificate Store page. */
    void password(String password) {
        waitForPage(KEY);
        page().textWithLabel("Password:").setText(password);
        clickNext(STORE);
    }

    /** Finish, then the message box: returns its text after OK, once the wizard has closed. */
    String finishSuccessfully() {
        finish().click();
        SWTBotShell done = dialog();
        String text = text(done);
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(shell()));
        return text;
    }

    /** @return the text of a message box: its labels, joined */
    String text(SWTBotShell box) {
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            List<String> texts = new ArrayList<>();
            for (Label label : box.bot().findWidgets(WidgetMatcherFactory.<Label>widgetOfType(Label.class))) {
                if (!label.getText().isEmpty()) {
                    texts.add(label.getText());
                }
            }
            return String.join("\n", texts);
        });
    }

    /** Closes the message box over the wizard with OK and returns its text. */
    String dismissMessage() {
        return dismissMessage(null);
    }

    /** Saves the message box over the wizard as {@code screenshot} (when not null), closes it, returns its text. */
    String dismissMessage(String screenshot) {
        SWTBotShell box = dialog();
        if (screenshot != null) {
            screenshot(box, screenshot);
        }
        String text = text(box);
        box.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(box));
        return text;
    }

    /** @return the rows of the Completing page's summary, as "name: value" */
    List<String> summary() {
        var table = page().table();
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            rows.add(table.cell(row, 0) + ": " + table.cell(row, 1));
        }
        return rows;
    }

    /**
     * Checks that the wizard shows every control whole (issue 12), then saves it as the gallery picture
     * {@code name} ({@link Gallery}).
     */
    Path screenshot(String name) {
        return screenshot(shell(), name);
    }

    /** Checks that {@code window} shows every control whole, then saves it as the gallery picture {@code name}. */
    static Path screenshot(SWTBotShell window, String name) {
        window.assertNothingClipped();
        return Gallery.capture(window, name);
    }
}
