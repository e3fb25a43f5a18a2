package org.cairn.certificates.core;

import java.util.Optional;

/**
 * The one exception of the certificate store model. Its message says what failed, where (a path or a
 * thumbprint), and what the user can do; when the cause is a missing right or a read-only store,
 * {@link #denial()} tells which, so callers can react without parsing the message.
 */
public final class CertificateStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient AccessDenial denial;

    /**
     * @param message what failed and what to do
     */
    public CertificateStoreException(String message) {
        this(message, null, null);
    }

    /**
     * @param message what failed and what to do
     * @param cause   the underlying failure
     */
    public CertificateStoreException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param denial the refusal; its message becomes this exception's message
     */
    public CertificateStoreException(AccessDenial denial) {
        this(denial.message(), denial, null);
    }

    private CertificateStoreException(String message, AccessDenial denial, Throwable cause) {
        super(message, cause);
        this.denial = denial;
    }

    /** @return the refusal when the operation was not allowed, empty for other failures (I/O, bad data) */
    public Optional<AccessDenial> denial() {
        return Optional.ofNullable(denial);
    }
}
