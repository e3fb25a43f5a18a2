package org.cairn.certificates.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.cairn.certificates.remote.internal.BoundedOutput;
import org.cairn.certificates.remote.internal.Shell;

/**
 * A logged-in SSH connection to another computer: runs its {@code cairn cert} (the protocol is that command line's
 * {@code --json} output, {@link RemoteCairn#PROTOCOL}), and moves files through a private temporary folder there
 * that is removed afterwards. Every command runs with the remote account's own rights (never sudo).
 */
public final class RemoteConnection implements AutoCloseable {

    /** The most a remote command may write to standard output (an exported PFX, a list of thousands). */
    public static final long MAX_OUTPUT = 64L * 1024 * 1024;
    private static final long MAX_ERROR = 64 * 1024;
    private static final Pattern PROTOCOL_FIELD = Pattern.compile("\"protocol\"\\s*:\\s*([0-9]{1,4})");

    private final RemoteComputer computer;
    private final SshClient client;
    private final ClientSession session;
    private final SshSettings settings;
    /** What {@link #checkProtocol()} saw; 0 before. */
    private volatile int protocol;

    RemoteConnection(RemoteComputer computer, SshClient client, ClientSession session, SshSettings settings) {
        this.computer = computer;
        this.client = client;
        this.session = session;
        this.settings = settings;
    }

    /** @return the computer this connection goes to */
    public RemoteComputer computer() {
        return computer;
    }

    /**
     * Checks that the remote has Cairn and that it speaks at least {@link RemoteCairn#OLDEST_PROTOCOL}, and keeps
     * the version it speaks ({@link #protocol()}).
     *
     * @return the remote's protocol version
     * @throws RemoteException {@link RemoteException.Reason#NO_CAIRN} or {@link RemoteException.Reason#PROTOCOL}
     */
    public int checkProtocol() throws RemoteException {
        RemoteResult r = cairn(List.of("protocol", "--json"), new byte[0]);
        if (r.exitStatus() == 0) {
            Matcher m = PROTOCOL_FIELD.matcher(r.outText());
            if (m.find()) {
                int version = Integer.parseInt(m.group(1));
                if (version < RemoteCairn.OLDEST_PROTOCOL) {
                    throw new RemoteException(RemoteException.Reason.PROTOCOL, "the Cairn on " + computer
                            + " speaks protocol " + version + "; this one needs " + RemoteCairn.OLDEST_PROTOCOL
                            + " or later. Update Cairn there.");
                }
                protocol = version;
                return version;
            }
        }
        if (r.exitStatus() == 2 && r.err().contains("unknown subcommand")) {
            throw new RemoteException(RemoteException.Reason.PROTOCOL, "the Cairn on " + computer + " is older than "
                    + "protocol " + RemoteCairn.OLDEST_PROTOCOL + " (it has no 'cairn cert protocol'); update Cairn "
                    + "there.");
        }
        throw new RemoteException(RemoteException.Reason.TRANSPORT, "the Cairn on " + computer + " did not answer "
                + "'cairn cert protocol' (exit status " + r.exitStatus() + "): " + firstLines(r.err()));
    }

    /**
     * @return the protocol version the remote reported to {@link #checkProtocol()}; 0 before it was asked
     * @since 1.2
     */
    public int protocol() {
        return protocol;
    }

    /**
     * Refuses what needs a later protocol than the remote reported to {@link #checkProtocol()}.
     *
     * @param version the protocol {@code what} needs
     * @param what    what the user asked for, as a message names it
     * @throws RemoteException {@link RemoteException.Reason#PROTOCOL}, saying to update Cairn there
     * @since 1.2
     */
    public void requireProtocol(int version, String what) throws RemoteException {
        if (protocol < version) {
            throw new RemoteException(RemoteException.Reason.PROTOCOL, protocolRefusal(computer, protocol, version,
                    what));
        }
    }

    /**
     * @return the refusal of {@code what}, which needs protocol {@code version}, on a computer whose Cairn speaks
     *         {@code spoken}
     * @since 1.2
     */
    public static String protocolRefusal(RemoteComputer computer, int spoken, int version, String what) {
        return what + " needs protocol " + version + " on " + computer + ", whose Cairn speaks " + spoken
                + ": update Cairn on " + computer + ".";
    }

    /**
     * Runs {@code REMOTE_CAIRN cert ARGS...} (each argument quoted for the remote shell).
     *
     * @param args  the arguments after {@code cert}; never a secret (they are visible in the remote's process list)
     * @param stdin what to send on its standard input (a password), then end of input
     * @return its exit status and output
     * @throws RemoteException {@link RemoteException.Reason#NO_CAIRN} when the command is not found there
     */
    public RemoteResult cairn(List<String> args, byte[] stdin) throws RemoteException {
        RemoteResult r = exec(Shell.command(settings.remoteCairn(), prepend("cert", args)), stdin, MAX_OUTPUT);
        if (r.exitStatus() == 127 || r.exitStatus() == 126) {
            throw new RemoteException(RemoteException.Reason.NO_CAIRN, computer + " has no Cairn command line: '"
                    + settings.remoteCairn() + "' " + (r.exitStatus() == 127 ? "was not found" : "cannot be run")
                    + " there (" + firstLines(r.err()) + "). Install Cairn on it, or say where it is with "
                    + "--remote-cairn PATH (or " + SshSettings.REMOTE_CAIRN_VARIABLE + ").");
        }
        return r;
    }

    /** @return a new private folder (mode 700) under the remote's temporary folder, for {@link #removeFolder} */
    public String createTemporaryFolder() throws RemoteException {
        RemoteResult r = exec("umask 077 && mktemp -d \"${TMPDIR:-/tmp}/cairn-remote.XXXXXXXXXX\"", new byte[0], 4096);
        String folder = r.outText().strip();
        if (r.exitStatus() != 0 || !Shell.isSafePath(folder)) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot make a temporary folder on " + computer
                    + ": " + firstLines(r.err()));
        }
        return folder;
    }

    /** Writes {@code content} to {@code file} on the remote (mode 600). */
    public void upload(String file, byte[] content) throws RemoteException {
        RemoteResult r = exec("umask 077 && cat > " + Shell.quote(file), content, 4096);
        if (r.exitStatus() != 0) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot write " + file + " on " + computer
                    + ": " + firstLines(r.err()));
        }
    }

    /** @return the content of {@code file} on the remote, at most {@link #MAX_OUTPUT} bytes */
    public byte[] download(String file) throws RemoteException {
        RemoteResult r = exec("cat " + Shell.quote(file), new byte[0], MAX_OUTPUT);
        if (r.exitStatus() != 0) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot read " + file + " on " + computer
                    + ": " + firstLines(r.err()));
        }
        return r.out();
    }

    /** Removes a folder made by {@link #createTemporaryFolder()} with all it holds. */
    public void removeFolder(String folder) throws RemoteException {
        if (!Shell.isSafePath(folder) || !folder.contains("/cairn-remote.")) {
            throw new IllegalArgumentException("not a folder this connection made: " + folder);
        }
        RemoteResult r = exec("rm -rf -- " + Shell.quote(folder), new byte[0], 4096);
        if (r.exitStatus() != 0) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot remove " + folder + " on " + computer
                    + ": " + firstLines(r.err()));
        }
    }

    private RemoteResult exec(String command, byte[] stdin, long maxOutput) throws RemoteException {
        BoundedOutput out = new BoundedOutput(maxOutput);
        BoundedOutput err = new BoundedOutput(MAX_ERROR);
        try (ChannelExec channel = session.createExecChannel(command)) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(settings.connectTimeout());
            try (OutputStream in = channel.getInvertedIn()) {
                in.write(stdin);
                in.flush();
            }
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED),
                    settings.commandTimeout());
            if (events.contains(ClientChannelEvent.TIMEOUT)) {
                throw new RemoteException(RemoteException.Reason.UNAVAILABLE, computer + " did not finish the command "
                        + "within " + settings.commandTimeout().toSeconds() + " seconds.");
            }
            Integer status = channel.getExitStatus();
            if (status == null) {
                throw new RemoteException(RemoteException.Reason.TRANSPORT, "the connection to " + computer
                        + " closed before the command ended.");
            }
            if (out.overflowed()) {
                throw new RemoteException(RemoteException.Reason.TRANSPORT, computer + " sent more than "
                        + maxOutput + " bytes; refused.");
            }
            return new RemoteResult(status, out.bytes(), new String(err.bytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "the connection to " + computer
                    + " broke: " + e.getMessage(), e);
        }
    }

    private static List<String> prepend(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    private static String firstLines(String text) {
        String t = text.strip();
        return t.length() > 500 ? t.substring(0, 500) + "..." : t.isEmpty() ? "no message" : t;
    }

    @Override
    public void close() {
        session.close(false);
        client.stop();
    }
}
