package org.cairn.console.core;

import java.io.Serial;

/**
 * A console file or an exported list could not be read or written. The message names the file and says what to
 * do; the console shows it as it is.
 */
public final class ConsoleFileException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what to do, in the user's words */
    public ConsoleFileException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to do, in the user's words
     * @param cause   the underlying failure
     */
    public ConsoleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
