package org.cairn.certificates.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An import on another computer, as the command line ({@code cairn cert import --computer}) and the console's
 * "Another computer" make it: the file goes into a private temporary folder there
 * ({@link RemoteConnection#createTemporaryFolder()}, mode 700), the other computer's own {@code cairn cert import}
 * reads it with the password on its standard input (never in its arguments, which other users there can see), and
 * the folder is removed in every case. The import there is all or nothing, with the rights of the account logged in
 * with.
 *
 * @since 1.2
 */
public final class RemoteImport {

    private RemoteImport() {
    }

    /**
     * @param connection the connection
     * @param content    the file's bytes
     * @param extension  the file name extension the remote import sees ({@code .pfx}, {@code .cer}, ...; other
     *                   characters than letters, digits and the dot are dropped)
     * @param password   its password, sent on standard input; empty for none. Not kept, not changed.
     * @param options    the import's options before the file (--scope, --store, --exportable, --json, ...), never
     *                   a secret and never --password-file, which this adds
     * @return the remote import's exit status and output
     * @throws RemoteException when the connection fails
     */
    public static RemoteResult importFile(RemoteConnection connection, byte[] content, String extension,
            char[] password, List<String> options) throws RemoteException {
        String folder = connection.createTemporaryFolder();
        try {
            String file = folder + "/import" + extension.toLowerCase(Locale.ROOT).replaceAll("[^.a-z0-9]", "");
            connection.upload(file, content);
            List<String> args = new ArrayList<>(List.of("import", "--password-file", "/dev/stdin"));
            args.addAll(options);
            args.addAll(List.of("--", file));
            byte[] line = RemoteExport.passwordLine(password);
            try {
                return connection.cairn(args, line);
            } finally {
                java.util.Arrays.fill(line, (byte) 0);
            }
        } finally {
            connection.removeFolder(folder);
        }
    }
}
