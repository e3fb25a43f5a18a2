package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.cairn.testing.process.Repository;

/**
 * Runs the independent readers: the repository's {@code releng/pfx-readers} and {@code openssl}. Passwords go
 * through the environment, never on a command line.
 */
final class ExternalTools {

    /** Environment variable that carries the password to the child process. */
    static final String PASSWORD_VARIABLE = "CAIRN_EXPORT_TEST_PASSWORD";

    private ExternalTools() {
    }

    /** The output and exit status of a finished process. */
    record Run(int exitCode, String output) {
    }

    /**
     * @return {@code releng/pfx-readers}, found from -Dcairn.repo.root (or the working directory) and its parents
     */
    static Path interopCheck() {
        return Repository.file("releng/pfx-readers");
    }

    /**
     * @param command  the command
     * @param password put into {@link #PASSWORD_VARIABLE}, or {@code null}
     * @return exit code and combined output
     */
    static Run run(List<String> command, char[] password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        if (password != null) {
            environment.put(PASSWORD_VARIABLE, new String(password));
        }
        environment.put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * Runs releng/pfx-readers on a file.
     *
     * @param file         the PKCS #12 file
     * @param password     its password
     * @param certificates the number of certificates it must hold
     * @param keyType      rsa, ec, ed25519 or none
     * @param friendlyName a friendlyName that must be found
     * @param readers      the readers to run and require
     */
    static Run interopCheck(Path file, char[] password, int certificates, String keyType, String friendlyName,
            List<String> readers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(interopCheck().toString(), "--password-env", PASSWORD_VARIABLE,
                "--expect-certs", Integer.toString(certificates), "--expect-key", keyType,
                "--expect-friendly-name", friendlyName, "--require-modern",
                "--tools", String.join(",", readers), "--require-tools", String.join(",", readers)));
        command.add(file.toString());
        return run(command, password);
    }

    /**
     * @param arguments openssl arguments; use {@code env:} + {@link #PASSWORD_VARIABLE} for passwords
     * @param password  the password, or {@code null}
     */
    static Run openssl(List<String> arguments, char[] password) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(arguments);
        return run(command, password);
    }
}
