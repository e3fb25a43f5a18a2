package org.cairn.certificates.remote;

import java.util.Objects;

/**
 * Why another computer could not be used, with a message an administrator can act on. Nothing was changed on
 * either computer when one of these is thrown before the remote command ran ({@link Reason#COMMAND_FAILED} says
 * what the remote Cairn itself refused).
 */
public final class RemoteException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure, for callers that react differently (a dialog to accept a host key, a retry). */
    public enum Reason {
        /** The computer does not answer, or not within the time allowed. */
        UNAVAILABLE,
        /** Its host key is not in known_hosts and was not accepted. */
        HOST_KEY_UNKNOWN,
        /** Its host key differs from the one known_hosts holds: refused (possible interception). */
        HOST_KEY_CHANGED,
        /** A key file's passphrase was wrong or not given. */
        PASSPHRASE,
        /** The login was refused (no key or password the server accepts). */
        LOGIN_REFUSED,
        /** The computer has no Cairn command line where it was looked for. */
        NO_CAIRN,
        /** The remote Cairn is too old for what was asked. */
        PROTOCOL,
        /** The remote Cairn ran and refused or failed; the message is its own. */
        COMMAND_FAILED,
        /** The connection broke or the remote sent something unexpected. */
        TRANSPORT
    }

    private final Reason reason;

    public RemoteException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RemoteException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return the kind of failure */
    public Reason reason() {
        return reason;
    }
}
