package org.cairn.certificates.core;

import java.util.Objects;

/**
 * Why an operation on a certificate or its key is not allowed, with a message the UI and the command line
 * can show as it is ("the wizard says why an option is unavailable instead of only hiding it").
 *
 * @param reason  the machine-readable reason
 * @param message a sentence for the user, saying what is missing and, where possible, what to do
 */
public record AccessDenial(Reason reason, String message) {

    /** The closed set of reasons. */
    public enum Reason {
        /** The certificate has no private key in this store. */
        NO_PRIVATE_KEY,
        /** The private key was stored as not exportable. */
        NOT_EXPORTABLE,
        /** The identity may not read or change this key or store (needs root or the owning account). */
        NO_ACCESS,
        /** The physical store that holds the certificate cannot be changed (for example the OS trust bundle). */
        READ_ONLY_STORE
    }

    public AccessDenial {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return reason + ": " + message;
    }
}
