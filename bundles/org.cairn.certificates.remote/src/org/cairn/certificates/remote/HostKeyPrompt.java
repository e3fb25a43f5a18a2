package org.cairn.certificates.remote;

/**
 * Asks the user whether to trust a computer whose host key is not in known_hosts (the command line's terminal
 * question or {@code --accept-host-key}; the console's dialog). A changed key is never asked about: it is refused.
 */
@FunctionalInterface
public interface HostKeyPrompt {

    /** Refuses every unknown host key. */
    HostKeyPrompt REFUSE = (computer, keyType, fingerprint) -> false;

    /**
     * @param computer    the computer as it was named
     * @param keyType     the key's type, for example {@code ssh-ed25519}
     * @param fingerprint its SHA-256 fingerprint as OpenSSH shows it ({@code SHA256:...})
     * @return whether the user accepts it; it is then added to known_hosts
     */
    boolean accept(RemoteComputer computer, String keyType, String fingerprint);
}
