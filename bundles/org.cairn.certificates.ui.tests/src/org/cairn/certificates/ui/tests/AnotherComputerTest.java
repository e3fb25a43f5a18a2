package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ssh.OtherComputer;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificates → Computer account → "Another computer" (issue 18) in the real console window, against a real sshd on
 * 127.0.0.1 whose "cairn" is this runtime's command line on a store root of its own ({@link OtherComputer}): the
 * host key asked and accepted, the root named after the computer, the other computer's certificates listed; an
 * unreachable computer shown as unavailable with the reason; a name that is not one refused on the page.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class AnotherComputerTest {

    private static OtherComputer other;

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeAll
    static void startTheOtherComputer() throws Exception {
        other = OtherComputer.start(Files.createTempDirectory("cairn-other-computer"));
    }

    @AfterAll
    static void stopTheOtherComputer() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void startFromANewConsole() throws Exception {
        // each test meets the host key anew
        Files.deleteIfExists(OtherComputer.consoleSsh().resolve("known_hosts"));
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private SWTBotTreeItem addAnotherComputer(String name, String screenshot) {
        SWTBotShell configure = console.anotherComputerPage(name);
        App.screenshot(configure.widget, screenshot);
        return console.finishAdding(configure, "Certificates (" + name + ")");
    }

    @Test
    void anotherComputerShowsItsCertificatesOnceItsHostKeyIsAccepted() throws Exception {
        String name = App.unique("Fabrikam Remote").replace(' ', '-');
        String created = other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name, "--json");
        assertTrue(created.contains(name), created);

        SWTBotTreeItem root = addAnotherComputer(other.name(), "another-computer-page");
        root.select();
        root.expand();
        // the connection is made in the background; the unknown host key is asked about first
        bot.waitUntil(Conditions.condition("the host key question", () -> console.hasShell("Unknown Host Key")), 60_000);
        SWTBotShell question = bot.shell("Unknown Host Key");
        assertTrue(Widgets.labels(question.bot()).stream().anyMatch(text -> text.contains("SHA256:")),
                Widgets.labels(question.bot()).toString());
        App.screenshot(question.widget, "another-computer-host-key");
        question.bot().button("Accept and Connect").click();
        bot.waitUntil(Conditions.shellCloses(question));

        bot.waitUntil(Conditions.condition("the logical stores of the other computer",
                () -> root.expand().getNodes().size() == 10), 120_000);
        assertEquals("Personal", root.getNodes().getFirst());
        root.getNode("Personal").expand().getNode("Certificates").select();
        // read over the connection by the other computer's own command line: seconds, not milliseconds
        bot.waitUntil(Conditions.condition("the list is read", () -> !console.shell().bot()
                .findWidgets(WidgetMatcherFactory.widgetOfType(org.eclipse.swt.widgets.Table.class)).isEmpty()),
                120_000);
        SWTBotTable table = console.details();
        bot.waitUntil(Conditions.condition("the other computer's certificate is listed",
                () -> ConsoleWindow.rowOf(table, name) >= 0), 120_000);
        int row = ConsoleWindow.rowOf(table, name);
        assertEquals(name, table.cell(row, "Issued By"));
        table.select(row);
        App.screenshot(console.shell().widget, "another-computer-personal");
        assertTrue(Files.readString(OtherComputer.consoleSsh().resolve("known_hosts")).contains("[127.0.0.1]:"),
                "the accepted key is in known_hosts");

        // the certificate dialog: the certificate itself comes over the connection
        table.doubleClick(row);
        bot.waitUntil(Conditions.condition("the certificate dialog", () -> console.hasShell("Certificate")), 120_000);
        SWTBotShell certificate = bot.shell("Certificate");
        assertEquals(name, certificate.bot().textWithLabel("Issued to:").getText());
        App.screenshot(certificate.widget, "another-computer-certificate");
        certificate.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(certificate));

        // Delete: done there, by that computer's own command line (the list was read again after the dialog)
        bot.waitUntil(Conditions.condition("the list is read again", () -> {
            try {
                return ConsoleWindow.rowOf(console.details(), name) >= 0;
            } catch (RuntimeException stillReading) {
                return false;
            }
        }), 120_000);
        SWTBotTable again = console.details();
        again.select(ConsoleWindow.rowOf(again, name));
        console.shell().bot().menu("Action").menu("Delete").click();
        bot.shell("Delete").bot().button("Yes").click();
        // it was the only one there: the store says it is empty
        bot.waitUntil(Conditions.condition("the certificate is gone from the list", () -> Widgets
                .labels(console.shell().bot()).stream().anyMatch(t -> t.startsWith("There are no certificates in this store."))),
                120_000);
        assertFalse(other.cairn("list", "--scope", "computer", "--json").contains(name), "deleted there");
    }

    @Test
    void aComputerThatDoesNotAnswerIsShownUnavailableWithTheReason() throws Exception {
        String nobody = "127.0.0.1:" + OtherComputer.freePort();
        SWTBotTreeItem root = addAnotherComputer(nobody, "another-computer-unreachable-page");
        root.select();
        bot.waitUntil(Conditions.condition("the root says the computer is unavailable",
                () -> Widgets.labels(console.shell().bot()).stream()
                        .anyMatch(text -> text.contains("unavailable") && text.contains(nobody))), 60_000);
        String text = Widgets.labels(console.shell().bot()).stream().filter(t -> t.contains("unavailable"))
                .findFirst().orElseThrow();
        assertTrue(text.contains("Connection refused") || text.toLowerCase().contains("refused"), text);
        assertTrue(root.expand().getNodes().isEmpty(), "no stores under a computer that does not answer");
        App.screenshot(console.shell().widget, "another-computer-unavailable");
    }

    @Test
    void aNameThatIsNotAComputerIsRefusedOnThePage() {
        SWTBotShell configure = console.anotherComputerPage("not a computer!");
        // the dialog's message area (a read-only text of JFace's title area)
        bot.waitUntil(Conditions.condition("the page says what is wrong", () -> Widgets.texts(configure.bot())
                .stream().anyMatch(text -> text.contains("is not a computer name"))));
        assertFalse(configure.bot().button("Finish").isEnabled());
        App.screenshot(configure.widget, "another-computer-invalid-name");
        configure.bot().text(1).setText("admin@web1.example.org:2222");
        bot.waitUntil(Conditions.widgetIsEnabled(configure.bot().button("Finish")));
        configure.close();
        for (SWTBotShell shell : bot.shells()) {
            if (shell.getText().equals("Add or Remove Snap-ins")) {
                shell.close();
            }
        }
    }

    @Test
    void aConsoleFileWithSeveralComputersReopensThemAll() throws Exception {
        Files.writeString(OtherComputer.consoleSsh().resolve("known_hosts"), other.knownHostsLine() + "\n");
        String nobody = "127.0.0.1:" + OtherComputer.freePort();
        addAnotherComputer(other.name(), "another-computer-first");
        addAnotherComputer(nobody, "another-computer-second");
        java.nio.file.Path file = java.nio.file.Path.of(System.getProperty("cairn.store.root"))
                .resolveSibling("consoles").resolve(App.unique("computers").replace(' ', '-') + ".cairn");
        Files.createDirectories(file.getParent());
        console.shell().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = bot.shell("Save As");
        saveAs.bot().textWithLabel("File name:").setText(file.toString());
        saveAs.bot().button("Save").click();
        bot.waitUntil(Conditions.condition("the console is saved", () -> Files.exists(file)));
        String saved = Files.readString(file);
        assertTrue(saved.contains("<setting key=\"computer\" value=\"" + other.name() + "\"/>"), saved);
        assertTrue(saved.contains("<setting key=\"computer\" value=\"" + nobody + "\"/>"), saved);

        console.newConsole();
        console.shell().bot().menu("File").menu("Open...").click();
        SWTBotShell open = bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        SWTBotTreeItem consoleRoot = console.shell().bot().tree().getTreeItem("Console Root").expand();
        bot.waitUntil(Conditions.condition("both computers are back", () -> consoleRoot.getNodes().equals(
                java.util.List.of("Certificates (" + other.name() + ")", "Certificates (" + nobody + ")"))));
        SWTBotTreeItem first = consoleRoot.getNode("Certificates (" + other.name() + ")");
        first.select();
        bot.waitUntil(Conditions.condition("the first computer's stores",
                () -> first.expand().getNodes().contains("Personal")), 120_000);
        consoleRoot.getNode("Certificates (" + nobody + ")").select();
        bot.waitUntil(Conditions.condition("the second computer is unavailable",
                () -> Widgets.labels(console.shell().bot()).stream()
                        .anyMatch(text -> text.contains("unavailable") && text.contains(nobody))), 60_000);
        App.screenshot(console.shell().widget, "another-computer-console-file");
    }
}
