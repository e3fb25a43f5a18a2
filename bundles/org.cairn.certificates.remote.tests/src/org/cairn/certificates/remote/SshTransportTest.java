package org.cairn.certificates.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH transport against a real sshd on 127.0.0.1: host keys (unknown refused until accepted, changed refused),
 * logins (refused, wrong passphrase), a remote without Cairn, an older Cairn, an unreachable computer, and the
 * temporary folder through which files cross. The whole command line over SSH is checked on the built product by
 * releng/check-ssh.sh.
 */
class SshTransportTest {

    @TempDir
    static Path work;

    private static Sshd sshd;
    private static Path home;
    private static String user;

    @BeforeAll
    static void startServer() throws Exception {
        home = work.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        Sshd.keygen(ssh.resolve("id_ed25519"), "ed25519", "");
        Sshd.keygen(work.resolve("encrypted"), "ecdsa", "right passphrase");
        Sshd.keygen(work.resolve("stranger"), "ed25519", "");
        Sshd.keygen(work.resolve("agentkey"), "ed25519", "");
        Path authorized = work.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(ssh.resolve("id_ed25519.pub"))
                + Files.readString(work.resolve("encrypted.pub")) + Files.readString(work.resolve("agentkey.pub")));
        sshd = Sshd.start(work.resolve("sshd"), authorized);
        user = System.getProperty("user.name");
        Files.writeString(ssh.resolve("config"), String.join("\n",
                "Host remote",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + user,
                "Host encrypted",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + user,
                "  IdentitiesOnly yes",
                "  IdentityFile " + work.resolve("encrypted"),
                "Host stranger",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + user,
                "  IdentitiesOnly yes",
                "  IdentityFile " + work.resolve("stranger"),
                ""));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static SshSettings settings(Path knownHosts, String remoteCairn) throws Exception {
        Path h = Files.createDirectories(knownHosts.getParent().resolve("h"));
        Path ssh = Files.createDirectories(h.resolve(".ssh"));
        for (String f : List.of("id_ed25519", "id_ed25519.pub", "config")) {
            Files.copy(home.resolve(".ssh").resolve(f), ssh.resolve(f));
        }
        if (Files.exists(knownHosts)) {
            Files.copy(knownHosts, ssh.resolve("known_hosts"));
        }
        return new SshSettings(ssh, ssh.resolve("config"), Optional.empty(), remoteCairn, Duration.ofSeconds(20),
                Duration.ofSeconds(60));
    }

    private static String fingerprint() throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f",
                work.resolve("sshd/host_ed25519.pub").toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.split(" ")[1];
    }

    @Test
    void refusesAnUnknownHostKeyUntilItIsAcceptedThenKnowsIt(@TempDir Path dir) throws Exception {
        SshSettings settings = settings(dir.resolve("none"), "cairn");
        Path knownHosts = settings.sshDirectory().resolve("known_hosts");
        List<String> asked = new ArrayList<>();
        RemoteException refused = assertThrows(RemoteException.class, () -> RemoteCairn.connect(
                RemoteComputer.parse("remote"), settings, (c, type, fp) -> asked.add(type + " " + fp) && false,
                PassphrasePrompt.NONE));
        assertEquals(RemoteException.Reason.HOST_KEY_UNKNOWN, refused.reason());
        assertTrue(refused.getMessage().contains(fingerprint()), refused.getMessage());
        assertEquals(List.of("ssh-ed25519 " + fingerprint()), asked);
        assertFalse(Files.exists(knownHosts), "nothing is written when the key is refused");

        String expected = fingerprint();
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"), settings,
                (computer, type, fp) -> fp.equals(expected), PassphrasePrompt.NONE)) {
            String folder = c.createTemporaryFolder();
            assertEquals("/", folder.substring(0, 1));
            c.removeFolder(folder); // (it was left in /tmp by every run)
        }
        assertTrue(Files.readString(knownHosts).contains("[127.0.0.1]:" + sshd.port()), Files.readString(knownHosts));
        assertTrue(Files.readString(knownHosts).contains(sshd.hostKeyLine().split(" ")[1]));
        // known now: no question
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"), settings, (computer, type, fp) -> {
            throw new AssertionError("asked about a known key");
        }, PassphrasePrompt.NONE)) {
            assertEquals(RemoteComputer.parse("remote"), c.computer());
        }
    }

    @Test
    void refusesAChangedHostKeyWithoutAsking(@TempDir Path dir) throws Exception {
        Sshd.keygen(dir.resolve("other"), "ed25519", "");
        String other = Files.readString(dir.resolve("other.pub")).strip().split(" ")[1];
        String line = "[127.0.0.1]:" + sshd.port() + " ssh-ed25519 " + other + "\n";
        Files.writeString(dir.resolve("known_hosts"), line);
        SshSettings settings = settings(dir.resolve("known_hosts"), "cairn");
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.connect(RemoteComputer.parse("remote"),
                settings, (c, type, fp) -> {
                    throw new AssertionError("asked about a changed key");
                }, PassphrasePrompt.NONE));
        assertEquals(RemoteException.Reason.HOST_KEY_CHANGED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains(fingerprint()), e.getMessage());
        assertEquals(line, Files.readString(settings.sshDirectory().resolve("known_hosts")), "known_hosts unchanged");
    }

    @Test
    void saysWhenTheLoginIsRefused(@TempDir Path dir) throws Exception {
        SshSettings settings = settings(dir.resolve("none"), "cairn");
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.connect(
                RemoteComputer.parse("stranger"), settings, (c, t, fp) -> true, PassphrasePrompt.NONE));
        assertEquals(RemoteException.Reason.LOGIN_REFUSED, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
    }

    @Test
    void saysWhenAKeyPassphraseIsWrongAndLogsInWithTheRightOne(@TempDir Path dir) throws Exception {
        SshSettings settings = settings(dir.resolve("none"), "cairn");
        List<Integer> attempts = new ArrayList<>();
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.connect(
                RemoteComputer.parse("encrypted"), settings, (c, t, fp) -> true, (file, attempt) -> {
                    attempts.add(attempt);
                    return Optional.of("wrong".toCharArray());
                }));
        assertEquals(RemoteException.Reason.PASSPHRASE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("passphrase is wrong") && e.getMessage().contains("encrypted"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong\""));
        assertEquals(List.of(0, 1, 2), attempts);
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("encrypted"), settings, (x, t, fp) -> true,
                (file, attempt) -> Optional.of("right passphrase".toCharArray()))) {
            assertEquals("encrypted", c.computer().host());
        }
    }

    @Test
    void saysWhenTheComputerHasNoCairnOrAnOlderOne(@TempDir Path dir) throws Exception {
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"),
                settings(dir.resolve("none"), "/nonexistent/cairn"), (x, t, fp) -> true, PassphrasePrompt.NONE)) {
            RemoteException e = assertThrows(RemoteException.class, c::checkProtocol);
            assertEquals(RemoteException.Reason.NO_CAIRN, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("--remote-cairn"), e.getMessage());
        }
        // what a Cairn from before the protocol answers (a real process saying it)
        Path old = dir.resolve("old-cairn");
        Files.writeString(old, "#!/bin/sh\necho \"cairn cert: unknown subcommand '$2'.\" >&2\nexit 2\n");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(dir.resolve("2"));
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"),
                settings(dir.resolve("2/none"), old.toString()), (x, t, fp) -> true, PassphrasePrompt.NONE)) {
            RemoteException e = assertThrows(RemoteException.class, c::checkProtocol);
            assertEquals(RemoteException.Reason.PROTOCOL, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("update Cairn there"), e.getMessage());
        }
    }

    @Test
    void saysAnUnreachableComputerIsUnavailableAtOnce(@TempDir Path dir) throws Exception {
        SshSettings settings = settings(dir.resolve("none"), "cairn");
        long start = System.nanoTime();
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.connect(
                RemoteComputer.parse(user + "@127.0.0.1:" + Sshd.freePort()), settings, (c, t, fp) -> true,
                PassphrasePrompt.NONE));
        assertEquals(RemoteException.Reason.UNAVAILABLE, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("unavailable"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 15);
    }

    @Test
    void movesFilesThroughAPrivateTemporaryFolderThatIsRemoved(@TempDir Path dir) throws Exception {
        try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"),
                settings(dir.resolve("none"), "cairn"), (x, t, fp) -> true, PassphrasePrompt.NONE)) {
            String folder = c.createTemporaryFolder();
            // the "remote" is this machine: its files can be checked directly
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(folder))));
            byte[] content = new byte[300_000];
            new java.util.Random(7).nextBytes(content);
            c.upload(folder + "/x.pfx", content);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(folder, "x.pfx"))));
            assertArrayEquals(content, Files.readAllBytes(Path.of(folder, "x.pfx")));
            assertArrayEquals(content, c.download(folder + "/x.pfx"));
            c.removeFolder(folder);
            assertFalse(Files.exists(Path.of(folder)));
            assertThrows(IllegalArgumentException.class, () -> c.removeFolder("/tmp"));
        }
    }

    @Test
    void logsInWithAKeyThatOnlyTheSshAgentHolds(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("agent.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(50);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", work.resolve("agentkey").toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            SshSettings files = settings(dir.resolve("none"), "cairn");
            // no key file: the authorized key is only in the agent
            Files.delete(files.sshDirectory().resolve("id_ed25519"));
            Files.delete(files.sshDirectory().resolve("id_ed25519.pub"));
            SshSettings withAgent = new SshSettings(files.sshDirectory(), files.config(), Optional.of(socket),
                    files.remoteCairn(), files.connectTimeout(), files.commandTimeout());
            RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.connect(
                    RemoteComputer.parse("remote"), files, (c, t, fp) -> true, PassphrasePrompt.NONE));
            assertEquals(RemoteException.Reason.LOGIN_REFUSED, e.reason(), e.getMessage());
            try (RemoteConnection c = RemoteCairn.connect(RemoteComputer.parse("remote"), withAgent,
                    (x, t, fp) -> true, PassphrasePrompt.NONE)) {
                String folder = c.createTemporaryFolder();
                c.removeFolder(folder);
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    @Test
    void listsTheHostEntriesOfTheConfiguration(@TempDir Path dir) throws Exception {
        assertEquals(List.of("remote", "encrypted", "stranger"),
                RemoteCairn.configuredHosts(settings(dir.resolve("none"), "cairn")));
        assertEquals(List.of(), RemoteCairn.configuredHosts(SshSettings.of(Map.of("HOME", dir.toString()),
                Optional.empty(), Optional.empty())), "no configuration: no computers");
        java.nio.file.Files.createDirectories(dir.resolve("odd/.ssh/config"));
        RemoteException e = assertThrows(RemoteException.class, () -> RemoteCairn.configuredHosts(
                SshSettings.of(Map.of("HOME", dir.resolve("odd").toString()), Optional.empty(), Optional.empty())));
        assertTrue(e.getMessage().endsWith("/odd/.ssh/config is not a file"), e.getMessage());
    }
}
