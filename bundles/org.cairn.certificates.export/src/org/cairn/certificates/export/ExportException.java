package org.cairn.certificates.export;

import java.util.Objects;

/**
 * The one exception of the export service. Its message says what is wrong and what to do; {@link #reason()}
 * lets the wizard and the command line react without parsing it. When it is thrown, no file was written (an
 * existing file is left as it was) and no key was deleted.
 */
public final class ExportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the export did not happen. */
    public enum Reason {
        /** The request is inconsistent (for example a private key asked for in a DER file, no password). */
        INVALID_REQUEST,
        /** The certificate is not (or no longer) in the named store. */
        CERTIFICATE_NOT_FOUND,
        /** The private key was asked for but the store has none for this certificate. */
        NO_PRIVATE_KEY,
        /** The private key was stored as not exportable. */
        NOT_EXPORTABLE,
        /** The caller may not read the private key (or delete it, when deletion was asked for). */
        NO_ACCESS,
        /** Deletion of the key was asked for, but the store holding it cannot be changed. */
        KEY_NOT_DELETABLE,
        /** The store could not be read (I/O or corrupt data). */
        STORE_FAILED,
        /** The target file exists and overwriting was not asked for. */
        TARGET_EXISTS,
        /** The target's folder does not exist, is not a folder, or cannot be written to. */
        TARGET_NOT_WRITABLE,
        /** Writing failed (for example the disk is full); nothing was left behind. */
        WRITE_FAILED,
        /** The written file did not read back as intended; it was removed. */
        VERIFICATION_FAILED,
        /** A required algorithm is missing from the Java runtime or the encoding failed. */
        CRYPTO_FAILED
    }

    private final Reason reason;

    /**
     * @param reason  why
     * @param message what is wrong and what to do
     */
    public ExportException(Reason reason, String message) {
        this(reason, message, null);
    }

    /**
     * @param reason  why
     * @param message what is wrong and what to do
     * @param cause   the underlying failure
     */
    public ExportException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the export did not happen */
    public Reason reason() {
        return reason;
    }
}
