package org.cairn.certificates.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where the command line reads and writes: standard input, output and error, the terminal (for a password
 * prompt without echo) and the environment. Passwords come only from a file, an environment variable or
 * standard input, never from an argument.
 *
 * @param in      standard input
 * @param out     standard output (results)
 * @param err     standard error (messages)
 * @param console the terminal, when standard input is one
 * @param env     the environment
 */
record Io(InputStream in, PrintStream out, PrintStream err, Optional<Console> console, Map<String, String> env) {

    /**
     * Where a secret was said to be: the two options that name a file or an environment variable, and what they
     * were given (each empty when not given).
     *
     * @param fileOption the option naming a file whose first line is the secret
     * @param file       its value
     * @param envOption  the option naming an environment variable that holds it
     * @param env        its value
     */
    record SecretSource(String fileOption, Optional<String> file, String envOption, Optional<String> env) {

        /** @return whether either option was given */
        boolean given() {
            return file.isPresent() || env.isPresent();
        }
    }

    /**
     * @param source   {@code --password-file}, {@code --password-env}
     * @param prompt   the prompt when asking on the terminal
     * @param useStdin whether to read standard input when neither option is given
     * @return the password (empty for none); the caller clears it
     */
    char[] password(SecretSource source, String prompt, boolean useStdin) throws UsageException, CommandException {
        Optional<char[]> given = secret(source);
        if (given.isPresent()) {
            return given.get();
        }
        if (!useStdin) {
            return new char[0];
        }
        if (console.isPresent()) {
            char[] typed = console.get().readPassword("%s", prompt);
            return typed == null ? new char[0] : typed;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
        } catch (IOException e) {
            throw new CommandException("Cannot read the password from standard input: " + e.getMessage());
        }
        byte[] bytes = line.toByteArray();
        try {
            return decode(withoutLineEnd(bytes, bytes.length));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * @param source the two options and their values
     * @return the secret from whichever of the two options was given, or empty; the caller clears it
     */
    Optional<char[]> secret(SecretSource source) throws UsageException, CommandException {
        String fileOption = source.fileOption();
        String envOption = source.envOption();
        if (source.file().isPresent() && source.env().isPresent()) {
            throw new UsageException("Give the password one way only: --" + fileOption + " or --" + envOption + ".");
        }
        if (source.file().isPresent()) {
            Path file = Path.of(source.file().get());
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new CommandException("Cannot read the password file " + file + ": " + e.getMessage());
            }
            try {
                return Optional.of(decode(withoutLineEnd(bytes, bytes.length)));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        }
        if (source.env().isPresent()) {
            String name = source.env().get();
            String value = env.get(name);
            if (value == null) {
                throw new CommandException("The environment variable " + name + " (--" + envOption + ") is not set. "
                        + "Set it (it may be empty for no password) or use --" + fileOption + ".");
            }
            return Optional.of(value.toCharArray());
        }
        return Optional.empty();
    }

    private static ByteBuffer withoutLineEnd(byte[] bytes, int length) {
        int end = length;
        if (end > 0 && bytes[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        return ByteBuffer.wrap(bytes, 0, end);
    }

    private static char[] decode(ByteBuffer bytes) throws CommandException {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new CommandException("The password is not valid UTF-8 text; save the password file as UTF-8.");
        }
    }
}
