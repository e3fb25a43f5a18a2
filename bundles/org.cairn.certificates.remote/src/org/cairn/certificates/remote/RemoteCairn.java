package org.cairn.certificates.remote;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.cairn.certificates.remote.internal.HostKeyCheck;
import org.cairn.certificates.remote.internal.Passphrases;
import org.cairn.certificates.remote.internal.UnixSocketAgent;

/**
 * Opens a connection to the Cairn command line of another computer over SSH (Apache MINA SSHD), with what the user
 * already has: {@code ~/.ssh/config} (Host, HostName, User, Port, IdentityFile, ProxyJump, UserKnownHostsFile), the
 * SSH agent, the default key files with their passphrases, and {@code known_hosts}. Nothing listens on a port and nothing of
 * Cairn's runs on the other computer but its own {@code cairn cert}.
 */
public final class RemoteCairn {

    /**
     * The version of the request/response protocol this side speaks (and {@code cairn cert protocol} reports). 1:
     * list, show, export, import, delete with {@code --json}; passwords on standard input through
     * {@code --password-file /dev/stdin}. 2: {@code list --json} (and every certificate summary) also gives
     * {@code sha256} and {@code properties}, which the console's "Another computer" needs. 3: {@code set} (friendly
     * name, description, extended properties) and {@code delete --key-only}, with which the console changes another
     * computer's certificates.
     */
    public static final int PROTOCOL = 3;

    /**
     * The oldest protocol this side still works with, for reading and export ({@link RemoteConnection#checkProtocol}
     * refuses an older one); the changes of a later version are refused with "update Cairn there"
     * ({@link RemoteConnection#requireProtocol}).
     *
     * @since 1.2
     */
    public static final int OLDEST_PROTOCOL = 2;

    private RemoteCairn() {
    }

    /**
     * Connects and logs in; does not yet run anything.
     *
     * @param computer    the computer
     * @param settings    where the user's SSH files are
     * @param hostKeys    asked when the host key is unknown
     * @param passphrases asked for encrypted key files
     * @return the open connection; close it
     * @throws RemoteException when the computer does not answer, its key is unknown or changed, or the login fails
     */
    public static RemoteConnection connect(RemoteComputer computer, SshSettings settings, HostKeyPrompt hostKeys,
            PassphrasePrompt passphrases) throws RemoteException {
        HostConfigEntry entry = resolve(computer, settings);
        Path knownHosts = knownHosts(entry, settings);
        HostKeyCheck check = new HostKeyCheck(computer, knownHosts, hostKeys);
        Passphrases keys = new Passphrases(passphrases);
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(check);
        client.setFilePasswordProvider(keys);
        settings.agent().ifPresent(socket -> client.setAgentFactory(UnixSocketAgent.factory(socket)));
        try {
            // the default identities (id_ed25519, id_ecdsa, id_rsa ...) of ~/.ssh, besides IdentityFile entries
            SshClient.setKeyPairProvider(client, settings.sshDirectory(), false, true, keys);
        } catch (IOException | GeneralSecurityException e) {
            throw new RemoteException(RemoteException.Reason.LOGIN_REFUSED, "cannot read the key files in "
                    + settings.sshDirectory() + ": " + e.getMessage(), e);
        }
        client.start();
        ClientSession session = null;
        try {
            ConnectFuture connecting = client.connect(entry, null, null);
            connecting.verify(settings.connectTimeout());
            session = connecting.getSession();
            session.auth().verify(settings.connectTimeout());
            return new RemoteConnection(computer, client, session, settings);
        } catch (IOException | RuntimeException e) {
            RemoteException failure = failure(computer, entry, check, keys, e);
            if (session != null) {
                session.close(true);
            }
            client.stop();
            throw failure;
        }
    }

    /** @return the Host entries of the configuration file (no wildcard patterns), for a Browse list */
    public static List<String> configuredHosts(SshSettings settings) throws RemoteException {
        try {
            if (!java.nio.file.Files.exists(settings.config())) {
                return List.of();
            }
            if (!java.nio.file.Files.isRegularFile(settings.config())) {
                throw new RemoteException(RemoteException.Reason.TRANSPORT, settings.config() + " is not a file");
            }
            return HostConfigEntry.readHostConfigEntries(settings.config()).stream()
                    .map(HostConfigEntry::getHost).filter(h -> h != null && !h.contains("*") && !h.contains("?"))
                    .flatMap(h -> java.util.Arrays.stream(h.split("[ ,]+"))).filter(h -> !h.isEmpty()).distinct()
                    .toList();
        } catch (IOException | RuntimeException e) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot read " + settings.config() + ": "
                    + e.getMessage(), e);
        }
    }

    private static HostConfigEntry resolve(RemoteComputer computer, SshSettings settings) throws RemoteException {
        int port = computer.port().orElse(0);
        String user = computer.user().orElse(null);
        HostConfigEntry entry;
        try {
            entry = java.nio.file.Files.isRegularFile(settings.config())
                    ? new ConfigFileHostEntryResolver(settings.config()).resolveEffectiveHost(computer.host(), port, null,
                            user, null, null)
                    : null;
        } catch (IOException | RuntimeException e) {
            throw new RemoteException(RemoteException.Reason.TRANSPORT, "cannot read the SSH configuration "
                    + settings.config() + ": " + e.getMessage(), e);
        }
        if (entry == null) {
            entry = new HostConfigEntry(computer.host(), computer.host(), port > 0 ? port : 22, user);
        }
        if (computer.port().isPresent()) {
            entry.setPort(port);
        } else if (entry.getPort() <= 0) {
            entry.setPort(22);
        }
        if (computer.user().isPresent()) {
            entry.setUsername(user);
        } else if (entry.getUsername() == null || entry.getUsername().isEmpty()) {
            entry.setUsername(System.getProperty("user.name"));
        }
        return entry;
    }

    private static Path knownHosts(HostConfigEntry entry, SshSettings settings) {
        String configured = entry.getProperty("UserKnownHostsFile");
        if (configured != null && !configured.isBlank()) {
            String first = HostConfigEntry.parseConfigValue(configured).get(0);
            if (first.startsWith("~/")) {
                return settings.sshDirectory().getParent().resolve(first.substring(2));
            }
            return Path.of(first);
        }
        return settings.sshDirectory().resolve("known_hosts");
    }

    private static RemoteException failure(RemoteComputer computer, HostConfigEntry entry, HostKeyCheck check,
            Passphrases keys, Exception e) {
        String where = computer + (entry.getHostName() != null && !entry.getHostName().equals(computer.host())
                ? " (" + entry.getHostName() + ":" + entry.getPort() + ")" : "");
        Optional<HostKeyCheck.Refusal> refused = check.refusal();
        if (refused.isPresent()) {
            HostKeyCheck.Refusal r = refused.get();
            if (r.changed()) {
                return new RemoteException(RemoteException.Reason.HOST_KEY_CHANGED, "the host key of " + where
                        + " has CHANGED: it is now " + r.keyType() + " " + r.fingerprint()
                        + r.knownFingerprint().map(k -> ", known_hosts holds " + k).orElse("")
                        + ". Someone may be intercepting the connection, or the computer was reinstalled. Refused; "
                        + "if the new key is right, remove the old one (ssh-keygen -R HOST) and connect again.", e);
            }
            return new RemoteException(RemoteException.Reason.HOST_KEY_UNKNOWN, "the host key of " + where
                    + " is not known: " + r.keyType() + " " + r.fingerprint() + ". Check this fingerprint with the "
                    + "computer's administrator, then accept it (--accept-host-key " + r.fingerprint() + ").", e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException || root instanceof NoRouteToHostException
                || root instanceof UnknownHostException || root instanceof java.net.SocketTimeoutException
                || e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timeout")) {
            return new RemoteException(RemoteException.Reason.UNAVAILABLE, where + " is unavailable: "
                    + (root instanceof UnknownHostException ? "the name is not known" : root.getMessage()), e);
        }
        Optional<String> passphrase = keys.failure();
        if (passphrase.isPresent()) {
            return new RemoteException(RemoteException.Reason.PASSPHRASE, "the login to " + where + " failed: "
                    + passphrase.get() + ".", e);
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("authentication") || message.contains("No more authentication methods")) {
            return new RemoteException(RemoteException.Reason.LOGIN_REFUSED, "the login as " + entry.getUsername()
                    + " to " + where + " was refused: none of the keys (~/.ssh, IdentityFile in ~/.ssh/config) is "
                    + "in that account's authorized_keys.", e);
        }
        return new RemoteException(RemoteException.Reason.UNAVAILABLE, where + " is unavailable: " + message, e);
    }
}
