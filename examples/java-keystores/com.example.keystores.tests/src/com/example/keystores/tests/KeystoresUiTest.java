package com.example.keystores.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Java Keystores snap-in in an installed console, driven as a user would with Cairn's UI test driver
 * (org.cairn.testing.ui): a new console, File → Add/Remove Snap-in..., Certificates (My user account) and Java
 * Keystores (the folder) added; the keystore's entry listed; a certificate of Personal selected and Action → All
 * Tasks → Copy SHA-256 Fingerprint run; the clipboard holds the fingerprint. What to expect comes from the script
 * that started the console (system properties), which made the keystore with keytool and the fingerprint with
 * openssl: readers independent of Cairn and of this snap-in.
 */
@ExtendWith({ UiThreadWatchdog.class, ScreenshotOnFailure.class })
class KeystoresUiTest {

    private static final String NEW_TITLE = "Cairn - [Console Root]";
    private static final String USER_ROOT = "Certificates - Current User";

    private final SWTBot bot = new SWTBot(waitForDisplay());

    @Test
    void theKeystoreIsListedAndTheFingerprintCopied() {
        Path folder = Path.of(property("folder"));
        String alias = property("alias");
        String subject = property("subject");
        String certificate = property("certificate");
        String sha256 = property("sha256");

        newConsole();
        window().bot().menu("File").menu("Add/Remove Snap-in...").click();
        SWTBotShell dialog = bot.shell("Add or Remove Snap-ins");
        dialog.bot().table().select("Certificates");
        dialog.bot().button("Add >").click();
        SWTBotShell certificates = bot.shell("Certificates snap-in");
        certificates.bot().radio("My user account").click();
        certificates.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(certificates));
        dialog.bot().table().select("Java Keystores");
        dialog.bot().button("Add >").click();
        SWTBotShell keystores = bot.shell("Java Keystores");
        keystores.assertNothingClipped();
        keystores.bot().textWithLabel("Folder:").setText(folder.toString());
        keystores.bot().button("Finish").click();
        bot.waitUntil(Conditions.shellCloses(keystores));
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));

        SWTBotTreeItem consoleRoot = window().bot().tree().getTreeItem("Console Root").expand();
        String keystoresRoot = "Java Keystores (" + folder + ")";
        bot.waitUntil(Conditions.condition("both snap-ins in the tree",
                () -> consoleRoot.getNodes().containsAll(java.util.List.of(USER_ROOT, keystoresRoot))));

        // The keystore's entry, read in the background by the snap-in
        SWTBotTreeItem keystoreRoot = consoleRoot.getNode(keystoresRoot).expand();
        bot.waitUntil(Conditions.condition("the keystore file in the tree",
                () -> keystoreRoot.getNodes().contains(folder.resolve("example.jks").getFileName().toString())));
        keystoreRoot.getNode("example.jks").select();
        SWTBotTable entries = window().bot().table();
        bot.waitUntil(Conditions.condition("the entry " + alias + " listed", () -> entries.indexOf(alias) >= 0));
        int row = entries.indexOf(alias);
        assertEquals("Private key and certificate", entries.cell(row, "Entry Type"));
        assertEquals(subject, entries.cell(row, "Subject"));

        // The extension of the Certificates snap-in
        consoleRoot.getNode(USER_ROOT).expand().getNode("Personal").expand().getNode("Certificates").select();
        SWTBotTable table = window().bot().table();
        bot.waitUntil(Conditions.condition("the certificate " + certificate + " listed",
                () -> rowOf(table, certificate) >= 0));
        table.select(rowOf(table, certificate));
        assertTrue(window().bot().menu("Action").menu("All Tasks").menuItems().contains("Copy SHA-256 Fingerprint"),
                "All Tasks offers Copy SHA-256 Fingerprint on a certificate");
        window().bot().menu("Action").menu("All Tasks").menu("Copy SHA-256 Fingerprint").click();
        bot.waitUntil(Conditions.condition(() -> "the fingerprint on the clipboard (it holds " + clipboard() + ")",
                () -> sha256.equals(clipboard())));
        window().captureScreenshot(Path.of(property("screenshots"), "certificate-selected.png"));
        keystoreRoot.getNode("example.jks").select();
        bot.waitUntil(Conditions.condition("the entry listed again", () -> window().bot().table().indexOf(alias) >= 0));
        window().captureScreenshot(Path.of(property("screenshots"), "keystore-entries.png"));
    }

    private static String property(String name) {
        return Objects.requireNonNull(System.getProperty("com.example.keystores.tests." + name),
                "the console was started without -Dcom.example.keystores.tests." + name);
    }

    private static int rowOf(SWTBotTable table, String issuedTo) {
        for (int row = 0; row < table.rowCount(); row++) {
            if (table.cell(row, "Issued To").equals(issuedTo)) {
                return row;
            }
        }
        return -1;
    }

    private String clipboard() {
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            Clipboard clipboard = new Clipboard(bot.display());
            try {
                return (String) clipboard.getContents(TextTransfer.getInstance());
            } finally {
                clipboard.dispose();
            }
        });
    }

    /** @return the console window, whatever console it shows (its title has " - [") */
    private SWTBotShell window() {
        bot.waitUntil(Conditions.condition("the console window is open", () -> findWindow() != null));
        return new SWTBotShell(findWindow());
    }

    private Shell findWindow() {
        return UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(bot.display().getShells())
                .filter(s -> !s.isDisposed() && s.isVisible() && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElse(null));
    }

    /** File → New, answering No to "save changes?" */
    private void newConsole() {
        SWTBotShell window = window();
        window.activate();
        window.bot().menu("File").menu("New").click();
        bot.waitUntil(Conditions.condition("a new console or the question to save",
                () -> NEW_TITLE.equals(window().getText()) || hasShell("Cairn")));
        if (hasShell("Cairn")) {
            bot.shell("Cairn").bot().button("No").click();
        }
        bot.waitUntil(Conditions.condition("the new console's title", () -> NEW_TITLE.equals(window().getText())));
    }

    private boolean hasShell(String title) {
        return Arrays.stream(bot.shells()).anyMatch(shell -> title.equals(shell.getText()));
    }

    /** The console's display, once the console has made it (this test starts with the console, 3 minutes at most). */
    private static Display waitForDisplay() {
        long end = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < end) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                Display display = Display.findDisplay(thread);
                if (display != null && !display.isDisposed()) {
                    return display;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("The console made no display within 3 minutes");
    }
}
