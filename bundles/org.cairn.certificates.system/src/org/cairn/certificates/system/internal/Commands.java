package org.cairn.certificates.system.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateStoreException;

/**
 * Runs the system's update commands as real processes and turns a failure into an error that carries their output.
 * Callers are store operations, which the console runs in the background.
 */
final class Commands {

    /** The update rebuilds Java's cacerts through a JVM on Debian: allow it minutes, not forever. */
    static final long TIMEOUT_SECONDS = 300;
    /** Output kept for the error message; the rest is dropped. */
    static final int MAX_OUTPUT = 16 * 1024;

    private Commands() {
    }

    /**
     * @param layout  the command path, for the command's own children
     * @param command the executable
     * @param args    its arguments
     * @return its output (standard output and error)
     * @throws CertificateStoreException when it cannot start, times out or exits with a non-zero status
     */
    static String run(SystemLayout layout, Path command, List<String> args) throws CertificateStoreException {
        return run(layout, command, args, new byte[0]);
    }

    /**
     * @param input what the command reads on its standard input
     * @see #run(SystemLayout, Path, List)
     */
    static String run(SystemLayout layout, Path command, List<String> args, byte[] input) throws CertificateStoreException {
        List<String> line = new ArrayList<>();
        line.add(command.toString());
        line.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("PATH", layout.pathVariable());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot run " + String.join(" ", line) + ": " + e.getMessage(), e);
        }
        String output;
        try {
            try (java.io.OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            output = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CertificateStoreException(String.join(" ", line) + " did not finish within " + TIMEOUT_SECONDS
                        + " seconds and was stopped. Output:\n" + output);
            }
        } catch (IOException e) {
            process.destroyForcibly();
            throw new CertificateStoreException("Cannot read the output of " + String.join(" ", line) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateStoreException("Interrupted while " + String.join(" ", line) + " was running; run it again"
                    + " by hand to be sure the system's trust is complete.", e);
        }
        if (process.exitValue() != 0) {
            throw new CertificateStoreException(String.join(" ", line) + " failed with exit status " + process.exitValue()
                    + ". Output:\n" + output.strip());
        }
        return output;
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int room = MAX_OUTPUT - kept.size();
            if (room > 0) {
                kept.write(buffer, 0, Math.min(room, n));
            }
        }
        return kept.toString(StandardCharsets.UTF_8);
    }
}
