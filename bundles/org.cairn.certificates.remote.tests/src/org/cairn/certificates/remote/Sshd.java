package org.cairn.certificates.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server for the tests: on 127.0.0.1, on a free port, with a host key and authorized keys made in a
 * temporary folder and a configuration there ({@code sshd -f}); no system file is read or changed. As root, sshd
 * wants its privilege separation folder /run/sshd: it then runs in a private mount namespace ({@code unshare -m})
 * with a fresh tmpfs on /run, so nothing of the machine's /run is touched. As another user it runs as that user and
 * accepts only that user's logins.
 */
final class Sshd implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path folder;
    private final int port;
    private final Process process;

    private Sshd(Path folder, int port, Process process) {
        this.folder = folder;
        this.port = port;
        this.process = process;
    }

    /** Makes a key pair with ssh-keygen: {@code file} and {@code file.pub}. */
    static void keygen(Path file, String type, String passphrase) throws IOException, InterruptedException {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "cairn-test", "-f", file.toString()));
    }

    /** Starts sshd with its own host key; {@code authorizedKeys} lists the public keys allowed to log in. */
    static Sshd start(Path folder, Path authorizedKeys) throws IOException, InterruptedException {
        if (!Files.isExecutable(SSHD) || !Files.isExecutable(Path.of("/usr/bin/ssh-keygen"))) {
            throw new IllegalStateException("The SSH tests need OpenSSH's server and client: apt-get install "
                    + "openssh-server openssh-client (.ci/run does).");
        }
        Files.createDirectories(folder);
        Path hostKey = folder.resolve("host_ed25519");
        if (!Files.exists(hostKey)) {
            keygen(hostKey, "ed25519", "");
        }
        int port = freePort();
        Path config = folder.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + authorizedKeys,
                "PidFile " + folder.resolve("sshd.pid"),
                "StrictModes no",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "LogLevel VERBOSE",
                "") );
        List<String> command = new ArrayList<>();
        String sshd = SSHD + " -D -e -f " + config;
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-m", "sh", "-c",
                    "mount -t tmpfs cairn-test-run /run && mkdir -m 755 /run/sshd && exec " + sshd));
        } else {
            command.addAll(List.of("sh", "-c", "exec " + sshd));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("sshd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd stopped: " + Files.readString(folder.resolve("sshd.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Sshd(folder, port, process);
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("sshd did not listen within 20 s: " + Files.readString(folder.resolve("sshd.log")));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    /** @return the host's public key line ({@code ssh-ed25519 AAAA... comment}) */
    String hostKeyLine() throws IOException {
        return Files.readString(folder.resolve("host_ed25519.pub")).strip();
    }

    String log() throws IOException {
        return Files.readString(folder.resolve("sshd.log"));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
