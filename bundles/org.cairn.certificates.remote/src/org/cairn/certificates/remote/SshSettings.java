package org.cairn.certificates.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the SSH client finds what the user already has, and how the remote Cairn is started.
 *
 * @param sshDirectory   the user's {@code ~/.ssh}: default identities ({@code id_ed25519}, {@code id_ecdsa},
 *                       {@code id_rsa}) and, unless {@code config} says otherwise, {@code known_hosts}
 * @param config         the OpenSSH client configuration ({@code ~/.ssh/config}); a missing file is an empty one
 * @param agent          the SSH agent's socket ({@code SSH_AUTH_SOCK}), empty for none
 * @param remoteCairn    the command that starts Cairn on the other computer, as the remote shell reads it
 *                       ({@code cairn} on its PATH by default; a path, or a wrapper that sets a store root)
 * @param connectTimeout how long to wait for the computer to answer and the login to finish
 * @param commandTimeout how long one remote command may run
 */
public record SshSettings(Path sshDirectory, Path config, Optional<Path> agent, String remoteCairn,
        Duration connectTimeout, Duration commandTimeout) {

    /** The environment variable naming the remote command, when {@code --remote-cairn} is not given. */
    public static final String REMOTE_CAIRN_VARIABLE = "CAIRN_REMOTE_CAIRN";

    public SshSettings {
        Objects.requireNonNull(sshDirectory, "sshDirectory");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(remoteCairn, "remoteCairn");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (remoteCairn.isBlank() || remoteCairn.indexOf('\n') >= 0 || remoteCairn.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the remote Cairn command is empty or has a line break");
        }
    }

    /**
     * @param env         the environment ({@code HOME}, {@code SSH_AUTH_SOCK}, {@link #REMOTE_CAIRN_VARIABLE})
     * @param config      {@code ssh -F FILE}, or empty for {@code ~/.ssh/config}
     * @param remoteCairn the remote command, or empty for {@link #REMOTE_CAIRN_VARIABLE} or {@code cairn}
     * @return the user's settings: {@code ~} is {@code $HOME} (else the account's home folder)
     */
    public static SshSettings of(Map<String, String> env, Optional<Path> config, Optional<String> remoteCairn) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path ssh = Path.of(home, ".ssh");
        return new SshSettings(ssh, config.orElse(ssh.resolve("config")),
                Optional.ofNullable(env.get("SSH_AUTH_SOCK")).filter(s -> !s.isBlank()).map(Path::of),
                remoteCairn.or(() -> Optional.ofNullable(env.get(REMOTE_CAIRN_VARIABLE)).filter(s -> !s.isBlank()))
                        .orElse("cairn"),
                Duration.ofSeconds(20), Duration.ofMinutes(5));
    }
}
