package org.cairn.certificates.pkcs12.internal;

import java.util.Objects;

/**
 * Why a PKCS #12 file (or an encrypted key) could not be read. The message is for the user: it says what is wrong
 * in their words and what to do; it never quotes a Java exception's text or any byte of key material (the cause is
 * kept for a debug trace only).
 */
public final class Pkcs12Exception extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kind of failure. */
    public enum Reason {
        /** The password does not open the file. */
        WRONG_PASSWORD,
        /** The file is damaged, truncated or not conformant. */
        CORRUPT,
        /** The file uses an algorithm or mode that is not supported; the message names it. */
        UNSUPPORTED,
        /** The file asks for more work, memory, nesting or entries than a certificate file needs (a bound). */
        LIMIT
    }

    private final Reason reason;
    private final String algorithm;

    /**
     * @param reason  the kind of failure
     * @param message what failed and what to do
     */
    public Pkcs12Exception(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason  the kind of failure
     * @param message what failed and what to do
     * @param cause   the underlying failure (for a debug trace; its text is not part of the message)
     */
    public Pkcs12Exception(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, null);
    }

    /**
     * @param reason    the kind of failure
     * @param message   what failed and what to do
     * @param cause     the underlying failure, or null
     * @param algorithm the OID of the algorithm that is not supported (UNSUPPORTED), or null
     */
    public Pkcs12Exception(Reason reason, String message, Throwable cause, String algorithm) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.algorithm = algorithm;
    }

    /** @return for UNSUPPORTED: the OID of the algorithm that stopped the reading, when one did */
    public java.util.Optional<String> algorithm() {
        return java.util.Optional.ofNullable(algorithm);
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }
}
