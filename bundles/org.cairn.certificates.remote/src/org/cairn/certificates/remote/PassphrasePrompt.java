package org.cairn.certificates.remote;

import java.util.Optional;

/**
 * Gives the passphrase of an encrypted private key file (from the terminal, a file or a dialog). Asked again, with a
 * higher {@code attempt}, when the previous one was wrong, at most three times.
 */
@FunctionalInterface
public interface PassphrasePrompt {

    /** Has no passphrase: encrypted key files are skipped. */
    PassphrasePrompt NONE = (keyFile, attempt) -> Optional.empty();

    /**
     * @param keyFile the key file, as named in ~/.ssh/config or the default identities
     * @param attempt 0 for the first question
     * @return the passphrase (the caller clears it after use), or empty to skip this key
     */
    Optional<char[]> passphrase(String keyFile, int attempt);
}
