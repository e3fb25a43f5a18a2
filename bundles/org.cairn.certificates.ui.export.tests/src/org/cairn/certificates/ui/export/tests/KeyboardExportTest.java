package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.function.Predicate;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.KeyStroke;
import org.cairn.testing.ui.Keyboard;
import org.cairn.testing.ui.Keystrokes;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Certificate Export Wizard with the keyboard alone (issue 12), real key events posted to the display: Enter is
 * Next, Alt+N Next, Alt+B Back, Alt+F Finish, Tab moves between controls, Space chooses a radio button, Esc is
 * Cancel. The test only reads the screen (which control has the focus, which page shows); every action is a key.
 */
@ExtendWith(ScreenshotOnFailure.class)
class KeyboardExportTest {

    private static final String PASSWORD = "Keyboard-Only-7";
    private static final KeyStroke ALT_N = KeyStroke.of('n').with(SWT.ALT);
    private static final KeyStroke ALT_B = KeyStroke.of('b').with(SWT.ALT);
    private static final KeyStroke ALT_F = KeyStroke.of('f').with(SWT.ALT);

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    private final Keyboard keyboard = new Keyboard(bot.display());

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private ExportWizardBot openWizard() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        console.selectInPersonal(root, leaf.issuedTo());
        console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();
        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        wizard.shell().activate();
        return wizard;
    }

    @Test
    void aPfxIsExportedWithTheKeyboardAlone() throws Exception {
        Path file = Fixture.exportFolder("keyboard").resolve("keyboard.pfx");
        ExportWizardBot wizard = openWizard();

        press(Keystrokes.CR);
        wizard.waitForPage("Export Private Key");
        tabTo("the radio button 'Yes, export the private key'", c -> c instanceof Button b
                && (b.getStyle() & SWT.RADIO) != 0 && b.getText().equals("Yes, export the private key"));
        press(KeyStroke.of(' '));
        assertTrue(wizard.page().radio("Yes, export the private key").isSelected(), "Space chose Yes");
        press(ALT_N);
        wizard.waitForPage("Export File Format");
        assertTrue(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isSelected());
        press(ALT_N);
        wizard.waitForPage("Security");
        press(ALT_B);
        wizard.waitForPage("Export File Format");
        press(ALT_N);
        wizard.waitForPage("Security");
        tabTo("the Password field", c -> c instanceof Text t && (t.getStyle() & SWT.PASSWORD) != 0
                && t.getCharCount() == 0 && c == firstPasswordField(t));
        keyboard.typeText(PASSWORD);
        press(Keystrokes.TAB);
        keyboard.typeText(PASSWORD);
        bot.waitUntil(Conditions.condition("Next is enabled", () -> wizard.next().isEnabled()));
        press(ALT_N);
        wizard.waitForPage("File to Export");
        tabTo("the File name field",
                c -> c instanceof Text t && t.getEditable() && (t.getStyle() & SWT.PASSWORD) == 0);
        keyboard.typeText(file.toString());
        press(Keystrokes.CR);
        wizard.waitForPage("Completing the Certificate Export Wizard");
        assertFalse(Files.exists(file), "nothing is written before Finish");
        press(ALT_F);
        SWTBotShell done = wizard.dialog();
        assertTrue(done.bot().label("The export was successful.").isVisible());
        done.activate();
        press(Keystrokes.CR);
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));

        // Read back by the JDK's own PKCS #12 reader: the key and its certificate, under the typed password.
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD.toCharArray());
        }
        assertEquals(1, Collections.list(store.aliases()).stream().filter(alias -> isKey(store, alias)).count());
    }

    @Test
    void escapeCancelsTheWizardOnAnyPage() throws Exception {
        ExportWizardBot wizard = openWizard();
        press(ALT_N);
        wizard.waitForPage("Export Private Key");
        press(Keystrokes.ESC);
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (java.security.KeyStoreException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first password field of the page {@code field} is on (the Password, not the confirmation). */
    private static Control firstPasswordField(Text field) {
        for (Control sibling : field.getParent().getChildren()) {
            if (sibling instanceof Text t && (t.getStyle() & SWT.PASSWORD) != 0) {
                return sibling;
            }
        }
        return null;
    }

    private void press(KeyStroke stroke) {
        keyboard.pressShortcut(stroke);
    }

    /** Presses Tab until the focus is on a control {@code wanted} accepts (at most 30 times). */
    private void tabTo(String what, Predicate<Control> wanted) {
        java.util.List<String> visited = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            if (UIThreadRunnable.syncExec(bot.display(), () -> {
                Control focus = bot.display().getFocusControl();
                visited.add(String.valueOf(focus));
                return focus != null && wanted.test(focus);
            })) {
                return;
            }
            press(Keystrokes.TAB);
        }
        throw new AssertionError("Tab did not reach " + what + "; the focus went to " + visited);
    }
}
