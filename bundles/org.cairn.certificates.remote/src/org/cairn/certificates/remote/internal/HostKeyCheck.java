package org.cairn.certificates.remote.internal;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;

import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.RemoteComputer;

/**
 * known_hosts as OpenSSH keeps it (SSHD's verifier reads and appends it): a known key passes, an unknown one is
 * put to the {@link HostKeyPrompt} and appended only when accepted, a changed one is refused without asking. What
 * was refused is kept so the caller can say it with the fingerprint.
 */
public final class HostKeyCheck extends KnownHostsServerKeyVerifier {

    /** What the check refused: the key's type and fingerprint, and whether it replaced a known key. */
    public record Refusal(String keyType, String fingerprint, boolean changed, Optional<String> knownFingerprint) {
    }

    private volatile Refusal refusal;

    public HostKeyCheck(RemoteComputer computer, Path knownHosts, HostKeyPrompt prompt) {
        this(new Holder(), computer, knownHosts, prompt);
    }

    private HostKeyCheck(Holder holder, RemoteComputer computer, Path knownHosts, HostKeyPrompt prompt) {
        super((session, address, key) -> {
            String type = KeyUtils.getKeyType(key);
            String fingerprint = KeyUtils.getFingerPrint(key);
            boolean accepted = prompt.accept(computer, type, fingerprint);
            if (!accepted) {
                holder.check.refusal = new Refusal(type, fingerprint, false, Optional.empty());
            }
            return accepted;
        }, knownHosts);
        holder.check = this;
        setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> {
            refusal = new Refusal(KeyUtils.getKeyType(actual), KeyUtils.getFingerPrint(actual), true,
                    Optional.ofNullable(expected).map(KeyUtils::getFingerPrint));
            return false;
        });
    }

    /** @return what was refused, if anything */
    public Optional<Refusal> refusal() {
        return Optional.ofNullable(refusal);
    }

    @Override
    protected boolean acceptIncompleteHostKeys(org.apache.sshd.client.session.ClientSession session,
            SocketAddress remoteAddress, PublicKey serverKey, Throwable reason) {
        // an unreadable known_hosts is not a reason to trust any key
        return false;
    }

    /** The verifier's delegate runs inside the super constructor call, before {@code this} can be named. */
    private static final class Holder {
        HostKeyCheck check;
    }
}
