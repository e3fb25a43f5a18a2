package org.cairn.certificates.ui.importing.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotButton;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** The Certificate Import Wizard as a user sees it: its pages, buttons and the dialogs it opens. */
final class ImportWizardBot {

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

    private final SWTBot bot;
    private final SWTBotShell shell;

    ImportWizardBot(SWTBot bot) {
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
    boolean shows(String text) {
        return UIThreadRunnable.syncExec(bot.display(), () -> shell.bot()
                .findWidgets(WidgetMatcherFactory.<Control>withText(text)).stream().anyMatch(Control::isVisible));
    }

    void waitForPage(String title) {
        bot.waitUntil(Conditions.condition("the wizard shows the page '" + title + "'", () -> shows(title)));
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
        bot.waitUntil(Conditions.shellCloses(shell));
        return text;
    }

    /** Waits for a message box the wizard opens over itself (titled as the wizard too) and returns it. */
    SWTBotShell dialog() {
        bot.waitUntil(Conditions.condition("a message box over the wizard", () -> findDialog(TITLE) != null));
        return new SWTBotShell(findDialog(TITLE));
    }

    /** Waits for a dialog titled {@code title} over the wizard. */
    SWTBotShell dialog(String title) {
        bot.waitUntil(Conditions.condition("the dialog " + title, () -> findDialog(title) != null));
        return new SWTBotShell(findDialog(title));
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
            screenshot(bot, box.widget, screenshot);
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

    private Shell findDialog(String title) {
        SWTBotShell[] shells = bot.shells();
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(shells).map(s -> s.widget)
                .filter(s -> !s.isDisposed() && s != shell.widget && s.getParent() == shell.widget
                        && title.equals(s.getText()))
                .findFirst().orElse(null));
    }

    /** Saves the wizard's window as {@code target/screenshots/<name>.png}, after it has painted. */
    Path screenshot(String name) {
        return screenshot(bot, shell.widget, name);
    }

    static Path screenshot(SWTBot bot, Shell window, String name) {
        Path file = Path.of(System.getProperty("user.dir"), "target", "screenshots", name + ".png");
        for (int i = 0; i < 3; i++) {
            UIThreadRunnable.syncExec(bot.display(), () -> {
                org.eclipse.swt.graphics.Point size = window.getSize();
                window.redraw(0, 0, size.x, size.y, true);
                window.update();
            });
            bot.sleep(100);
        }
        UIThreadRunnable.syncExec(bot.display(), () -> {
            Display display = window.getDisplay();
            while (display.readAndDispatch()) {
                // let pending paints happen before the copy
            }
            Rectangle bounds = window.getBounds();
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
                ImageData data = image.getImageData();
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] {data};
                Files.createDirectories(file.getParent());
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot write " + file, e);
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
        return file;
    }
}
