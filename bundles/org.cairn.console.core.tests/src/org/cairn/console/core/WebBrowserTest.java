package org.cairn.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.core.internal.XdgOpenBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's browser launcher, run against a real program named xdg-open first on the search path. */
class WebBrowserTest {

    @TempDir
    Path bin;

    private Path script(String body) throws Exception {
        Path script = bin.resolve("xdg-open");
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void theAddressReachesXdgOpen() throws Exception {
        Path received = bin.resolve("received.txt");
        script("printf '%s' \"$1\" > '" + received + "'");
        new XdgOpenBrowser(bin + File.pathSeparator + System.getenv("PATH")).open(URI.create("https://example.org/a?b=c"));
        assertEquals("https://example.org/a?b=c", Files.readString(received));
    }

    @Test
    void aFailureOfXdgOpenIsReportedWithWhatToDo() throws Exception {
        script("exit 3");
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> new XdgOpenBrowser(bin.toString()).open(URI.create("https://example.org/")));
        assertTrue(e.getMessage().contains("found no program to open web addresses with"), e.getMessage());
        assertTrue(e.getMessage().contains("BROWSER"), e.getMessage());
    }

    @Test
    void withoutXdgOpenTheMessageSaysWhatToInstall() {
        ConsoleException e = assertThrows(ConsoleException.class,
                () -> new XdgOpenBrowser(bin.toString()).open(URI.create("https://example.org/")));
        assertTrue(e.getMessage().contains("Install xdg-utils"), e.getMessage());
    }
}
