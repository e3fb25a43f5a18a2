package org.cairn.console.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Link to Web Address → Open Link starts a real process: the xdg-open first on the console's PATH (this bundle's
 * pom puts target/fake-bin there; the test writes a script of that name that records its argument).
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class OpenLinkUiTest {

    private final ConsoleBot console = new ConsoleBot();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    @Test
    void openLinkHandsTheAddressToXdgOpen() throws Exception {
        Path bin = Path.of(System.getProperty("cairn.store.root")).resolveSibling("fake-bin");
        Files.createDirectories(bin);
        Path received = bin.resolve("opened.txt");
        Files.deleteIfExists(received);
        Path script = bin.resolve("xdg-open");
        Files.writeString(script, "#!/bin/sh\nprintf '%s' \"$1\" > '" + received + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        SWTBotShell dialog = console.openAddRemove();
        console.addLink(dialog, "Example", "https://example.org/docs?x=1");
        console.ok(dialog);
        console.consoleRoot().expand().getNode("Example").select();
        console.window().bot().menu("Action").menu("Open Link").click();
        console.bot.waitUntil(Conditions.condition("xdg-open received the address", () -> Files.exists(received)));
        console.bot.waitUntil(Conditions.condition("the whole address", () -> {
            try {
                return Files.readString(received).equals("https://example.org/docs?x=1");
            } catch (java.io.IOException e) {
                return false;
            }
        }));
        assertEquals("https://example.org/docs?x=1", Files.readString(received));
    }
}
