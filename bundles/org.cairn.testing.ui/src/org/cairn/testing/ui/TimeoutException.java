package org.cairn.testing.ui;

/**
 * A condition waited for with {@link SWTBot#waitUntil} or {@link SWTBot#waitWhile} did not hold in
 * time. The message is the condition's failure message plus the time waited.
 */
public final class TimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a diagnosable message and the last error the condition threw, if any. */
    public TimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
