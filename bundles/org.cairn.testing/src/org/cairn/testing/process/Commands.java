package org.cairn.testing.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs another program (openssl, keytool, certutil, softhsm2-util, p11tool ...) and hands back what it printed. */
public final class Commands {

    /** Longer than any of the tests' tools takes on a loaded machine. */
    private static final long TIMEOUT_SECONDS = 300;

    private Commands() {
    }

    /**
     * @param dir     the working folder
     * @param env     added to this process's environment (and {@code LC_ALL=C.UTF-8} unless it says otherwise)
     * @param command the program and its arguments
     * @return its standard output and error, together
     * @throws IOException when it cannot be started, does not end in time, or ends with a status other than 0 (the
     *                     message holds the command and its output)
     */
    public static String run(Path dir, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8"); // the tools' words in English, whatever the machine's locale
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within " + TIMEOUT_SECONDS + " s:\n" + out);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " ended with status " + process.exitValue() + ":\n" + out);
        }
        return out;
    }

    /** {@link #run(Path, Map, String...)} with a command built as a list. */
    public static String run(Path dir, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        return run(dir, env, command.toArray(String[]::new));
    }
}
