package org.cairn.console.p2;

/** A snap-in operation that could not be done; the message says why and what to do, and nothing was changed. */
public final class SnapinException extends Exception {
    private static final long serialVersionUID = 1L;

    public SnapinException(String message) {
        super(message);
    }

    public SnapinException(String message, Throwable cause) {
        super(message, cause);
    }
}
