package org.cairn.console.api;

import java.io.Serial;

/**
 * A snap-in could not do what the console asked (create its root, run an action, apply properties). The host
 * shows the message to the user as it is, so it should say what went wrong and what to do about it, for
 * example "The folder /srv/certs cannot be read: check its permissions or choose another folder."
 */
public class ConsoleException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /** @param message what went wrong and what the user can do, in the user's words */
    public ConsoleException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what the user can do, in the user's words
     * @param cause   the underlying failure, for the log
     */
    public ConsoleException(String message, Throwable cause) {
        super(message, cause);
    }
}
