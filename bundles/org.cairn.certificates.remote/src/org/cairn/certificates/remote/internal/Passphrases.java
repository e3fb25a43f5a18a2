package org.cairn.certificates.remote.internal;

import java.util.Arrays;
import java.util.Optional;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.cairn.certificates.remote.PassphrasePrompt;

/**
 * Key file passphrases from a {@link PassphrasePrompt}, three tries per file. SSHD's API takes the passphrase as a
 * {@code String} (it cannot be cleared); it lives only for the decoding of the key file and is never logged.
 */
public final class Passphrases implements FilePasswordProvider {

    private static final int TRIES = 3;

    private final PassphrasePrompt prompt;
    private volatile String failedKey;
    private volatile String failure;

    public Passphrases(PassphrasePrompt prompt) {
        this.prompt = prompt;
    }

    @Override
    public String getPassword(SessionContext session, NamedResource resourceKey, int retryIndex) {
        Optional<char[]> given = prompt.passphrase(resourceKey.getName(), retryIndex);
        if (given.isEmpty()) {
            if (retryIndex == 0) {
                failedKey = resourceKey.getName();
                failure = "no passphrase was given";
            } // else: no other one to try after a wrong one; the failure stays "wrong"
            return null;
        }
        char[] p = given.get();
        try {
            return new String(p);
        } finally {
            Arrays.fill(p, '\0');
        }
    }

    @Override
    public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resourceKey,
            int retryIndex, String password, Exception err) {
        if (err == null) {
            return ResourceDecodeResult.TERMINATE;
        }
        failedKey = resourceKey.getName();
        failure = "the passphrase is wrong";
        return retryIndex + 1 < TRIES ? ResourceDecodeResult.RETRY : ResourceDecodeResult.IGNORE;
    }

    /** @return the key file whose passphrase failed, and why, if one did */
    public Optional<String> failure() {
        String key = failedKey;
        return key == null ? Optional.empty() : Optional.of(failure + " for the key file " + key);
    }
}
