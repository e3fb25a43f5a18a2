package org.cairn.certificates.importing;

import java.util.Objects;

/**
 * The one exception of the import service. Its message says what is wrong with the file (or the store) and what
 * to do; {@link #reason()} says which kind of failure it is, so callers (the wizard, the command line) can react
 * without parsing the message. When it is thrown, nothing was imported: the stores are as they were.
 */
public final class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Reason {
        /** The password does not open the file (its integrity check or its decryption fails for that reason). */
        WRONG_PASSWORD,
        /** The file is not of a kind the import reads (or not what its extension says). */
        WRONG_FORMAT,
        /** The file is of a known kind but damaged, truncated or not conformant. */
        CORRUPT,
        /** The file uses an algorithm or a mode the import does not support; the message names it. */
        UNSUPPORTED,
        /** The file holds nothing a certificate store can keep (for example a private key without its certificate). */
        NOTHING_TO_IMPORT,
        /** The file cannot be read. */
        UNREADABLE,
        /** The store refused or failed to take the certificates (rights, a duplicate, a write error). */
        STORE
    }

    private final Reason reason;

    /**
     * @param reason  the kind of failure
     * @param message what failed and what to do
     */
    public ImportException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason  the kind of failure
     * @param message what failed and what to do
     * @param cause   the underlying failure
     */
    public ImportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }
}
