package org.cairn.console.core.internal;

import java.io.IOException;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.core.WebBrowser;
import org.osgi.service.component.annotations.Component;

/**
 * Opens addresses with {@code xdg-open} (freedesktop.org xdg-utils), found on the {@code PATH}: it hands the
 * address to the desktop's default browser, or to {@code $BROWSER} outside a desktop.
 */
@Component(service = WebBrowser.class)
public final class XdgOpenBrowser implements WebBrowser {

    static final String COMMAND = "xdg-open";
    /** How long to wait for xdg-open to report a failure; it normally returns at once, leaving the browser running. */
    private static final long WAIT_SECONDS = 3;

    private final String searchPath;

    /** The service: xdg-open from the console's own {@code PATH}. */
    public XdgOpenBrowser() {
        this(Optional.ofNullable(System.getenv("PATH")).orElse(""));
    }

    /** @param searchPath the directories to look for xdg-open in, separated as in {@code PATH} */
    public XdgOpenBrowser(String searchPath) {
        this.searchPath = searchPath;
    }

    @Override
    public void open(URI address) throws ConsoleException {
        Path program = find().orElseThrow(() -> new ConsoleException("No web browser could be started for " + address
                + ": the program xdg-open was not found. Install xdg-utils (and a web browser), then try again."));
        Process process;
        try {
            process = new ProcessBuilder(program.toString(), address.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new ConsoleException("No web browser could be started for " + address + ": " + e.getMessage());
        }
        try {
            if (process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new ConsoleException("No web browser could be started for " + address + " (xdg-open "
                        + reason(process.exitValue()) + "). Set a default web browser for your desktop, or the "
                        + "BROWSER environment variable, then try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Path> find() {
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (!directory.isEmpty()) {
                Path candidate = Path.of(directory, COMMAND);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The exit codes of xdg-open(1). */
    private static String reason(int exitCode) {
        return switch (exitCode) {
            case 1 -> "reported an error in its arguments";
            case 2 -> "could not find a file it needs";
            case 3 -> "found no program to open web addresses with";
            case 4 -> "says opening the address failed";
            default -> "ended with code " + exitCode;
        };
    }
}
