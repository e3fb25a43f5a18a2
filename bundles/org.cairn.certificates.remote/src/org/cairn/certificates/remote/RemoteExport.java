package org.cairn.certificates.remote;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An export on another computer, as the command line ({@code cairn cert export --computer}) and the console's
 * Certificate Export Wizard make it: the other computer's own {@code cairn cert export} writes the file into a
 * private temporary folder there and verifies it (its export service reads every file back), the bytes come back
 * over the connection and are compared with the SHA-256 that export reported, and the folder is removed, so
 * nothing stays there. The private key is deleted there only by {@link #deleteKey}, which the caller calls after
 * it wrote and verified its own copy. The password goes on the remote command's standard input, never into its
 * arguments.
 *
 * @since 1.1
 */
public final class RemoteExport {

    private static final Pattern SHA256 = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-fA-F]{64})\"");
    private static final Pattern KEY_WRITTEN = Pattern.compile("\"keyWritten\"\\s*:\\s*true");
    private static final Pattern KEY_DELETED = Pattern.compile("\"keyDeleted\"\\s*:\\s*true");

    private RemoteExport() {
    }

    /**
     * What the remote export answered, and the file it wrote.
     *
     * @param answer  the remote command's exit status and output ({@code --json})
     * @param content the file's bytes, verified against the SHA-256 the remote reported; empty when it failed
     */
    public record Exported(RemoteResult answer, byte[] content) {

        /** @return whether the remote export succeeded (and {@link #content()} is the file) */
        public boolean succeeded() {
            return answer.exitStatus() == 0;
        }

        /** @return SHA-256 of the file, lower-case hex, as the remote reported it */
        public String sha256() {
            Matcher m = SHA256.matcher(answer.outText());
            return m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        }

        /** @return whether the remote export wrote the private key into the file */
        public boolean keyWritten() {
            return KEY_WRITTEN.matcher(answer.outText()).find();
        }

        /** @return the remote's refusal, as it said it; for a failed export */
        public String message() {
            String message = answer.err().strip();
            return message.isEmpty() ? "the remote export failed (exit status " + answer.exitStatus() + ")" : message;
        }
    }

    /**
     * Exports there and brings the file back.
     *
     * @param connection the connection
     * @param args       the export's arguments besides --out, --json and --password-file: the thumbprint, --scope,
     *                   --store, --format, --chain, ... (never a secret)
     * @param extension  the file name extension there ({@code pfx}, {@code cer}, ...)
     * @param password   the PFX's password, sent on standard input; {@code null} for other formats. Not kept.
     * @return the answer and, when it succeeded, the file's bytes
     * @throws RemoteException when the connection fails, or the bytes that came back differ from what the remote
     *                         export verified ({@link RemoteException.Reason#TRANSPORT}; nothing may be written then)
     */
    public static Exported export(RemoteConnection connection, List<String> args, String extension, char[] password)
            throws RemoteException {
        String folder = connection.createTemporaryFolder();
        RemoteResult answer;
        byte[] content;
        try {
            String file = folder + "/export." + extension.replaceAll("[^A-Za-z0-9]", "");
            List<String> all = new ArrayList<>(List.of("export", "--out", file, "--json"));
            if (password != null) {
                all.addAll(List.of("--password-file", "/dev/stdin"));
            }
            all.addAll(args);
            answer = connection.cairn(all, password != null ? passwordLine(password) : new byte[0]);
            if (answer.exitStatus() != 0) {
                return new Exported(answer, new byte[0]);
            }
            content = connection.download(file);
        } finally {
            connection.removeFolder(folder);
        }
        Exported exported = new Exported(answer, content);
        if (exported.sha256().isEmpty()) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "the export on " + connection.computer()
                    + " did not report the file's SHA-256; nothing was written.");
        }
        if (!exported.sha256().equals(sha256(content))) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "the file that came over the connection "
                    + "differs from the one exported and verified on " + connection.computer() + " (SHA-256). Nothing "
                    + "was written.");
        }
        return exported;
    }

    /**
     * Deletes the private key there, once the caller wrote and verified its copy of an export with the key: the
     * remote exports again with {@code --delete-key} (its export service deletes only after its own read-back) into
     * a temporary folder that is then removed.
     *
     * @param args     as for {@link #export} (the certificate and its options, without --delete-key)
     * @param password a password for that throw-away PFX, sent on standard input
     * @return why the key was not deleted; empty when it was
     * @throws RemoteException when the connection fails
     */
    public static Optional<String> deleteKey(RemoteConnection connection, List<String> args, char[] password)
            throws RemoteException {
        String folder = connection.createTemporaryFolder();
        try {
            List<String> all = new ArrayList<>(List.of("export", "--out", folder + "/delete-key.pfx", "--json",
                    "--password-file", "/dev/stdin", "--delete-key"));
            all.addAll(args);
            RemoteResult r = connection.cairn(all, passwordLine(password));
            if (r.exitStatus() != 0) {
                return Optional.of(r.err().strip());
            }
            return KEY_DELETED.matcher(r.outText()).find() ? Optional.empty() : Optional.of("the remote export did "
                    + "not delete it (" + r.outText().strip().replace('\n', ' ') + ")");
        } finally {
            connection.removeFolder(folder);
        }
    }

    /** @return the password as UTF-8 with a line end, for the remote's {@code --password-file /dev/stdin} */
    public static byte[] passwordLine(char[] password) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[b.remaining() + 1];
        b.get(bytes, 0, b.remaining());
        bytes[bytes.length - 1] = '\n';
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return bytes;
    }

    /** @return SHA-256 of {@code content}, lower-case hex */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
