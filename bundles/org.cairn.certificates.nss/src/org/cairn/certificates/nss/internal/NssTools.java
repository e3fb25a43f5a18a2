package org.cairn.certificates.nss.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateStoreException;

/**
 * Writes to an NSS database through NSS's own tools, {@code certutil} and {@code pk12util}, as the database's owner
 * (this process's user). NSS has no other supported writer: the tools take the database lock, update both files and
 * keep the trust objects consistent, which writing PKCS #11 objects here would have to copy. Passwords never appear
 * on a command line: they go into files of mode 0600 in a private temporary folder (mode 0700), deleted after the
 * command.
 */
final class NssTools {

    private static final long TIMEOUT_SECONDS = 120;
    private static final int MAX_OUTPUT = 64 * 1024;

    private NssTools() {
    }

    /** @return the tool's path on {@code PATH}, if installed */
    static Optional<Path> find(String tool) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(path == null ? List.of() : Arrays.asList(path.split(":")));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** A private temporary folder for password and transport files; deleted with its content when closed. */
    static final class Workspace implements AutoCloseable {
        final Path dir;

        Workspace() throws CertificateStoreException {
            try {
                dir = Files.createTempDirectory("cairn-nss-", PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot make a private temporary folder for the NSS tools in "
                        + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + ". Free space there, or set TMPDIR.", e);
            }
        }

        /** Writes a password file (mode 0600) as the NSS tools read it: the password and a new line. */
        Path password(String name, char[] password) throws CertificateStoreException {
            java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
            byte[] line = new byte[encoded.remaining() + 1];
            encoded.get(line, 0, line.length - 1);
            line[line.length - 1] = '\n';
            byte[] bytes = encoded.array();
            try {
                return file(name, line);
            } finally {
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(line, (byte) 0);
            }
        }

        /** Writes a file of mode 0600. */
        Path file(String name, byte[] content) throws CertificateStoreException {
            Path p = dir.resolve(name);
            try {
                Files.createFile(p, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(p, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                return p;
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot write a temporary file for the NSS tools in " + dir + ": "
                        + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // the folder is private to this user; nothing else can be done about a file that will not go
            }
        }
    }

    /**
     * Runs an NSS tool to completion.
     *
     * @param what     what is being done, for the error message ("add the certificate ... to ...")
     * @param command  the command (no passwords in it: only password files)
     * @return its output
     * @throws CertificateStoreException when the tool is missing, fails or does not end
     */
    static String run(String what, List<String> command) throws CertificateStoreException {
        String tool = command.get(0);
        Path executable = find(tool).orElseThrow(() -> new CertificateStoreException("Cannot " + what + ": the NSS tool "
                + tool + " is not installed (apt-get install libnss3-tools)."));
        List<String> full = new ArrayList<>(command);
        full.set(0, executable.toString());
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        // the tools' messages in English, whatever the user's locale, for the error text
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readNBytes(MAX_OUTPUT);
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new CertificateStoreException("Cannot " + what + ": " + tool + " did not finish in "
                        + TIMEOUT_SECONDS + " seconds; another program may hold the database.");
            }
            String text = new String(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                throw new CertificateStoreException("Cannot " + what + ": " + tool + " failed (exit code "
                        + process.exitValue() + ")" + (text.isEmpty() ? "." : ": " + text));
            }
            return text;
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot " + what + ": " + tool + " could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CertificateStoreException("Cannot " + what + ": interrupted while " + tool + " ran.", e);
        }
    }
}
