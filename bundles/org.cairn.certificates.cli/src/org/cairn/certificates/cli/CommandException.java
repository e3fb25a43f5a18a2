package org.cairn.certificates.cli;

/** A command that was refused or failed (exit status 1): the message says why and what to do. */
final class CommandException extends Exception {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message);
    }

    CommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
