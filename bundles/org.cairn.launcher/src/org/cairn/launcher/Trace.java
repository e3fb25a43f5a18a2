package org.cairn.launcher;

import java.io.PrintStream;

/**
 * What the launcher did with its cache, on standard error when {@code -Dcairn.launcher.trace=true}: off by default,
 * since the command's own output must stay as it is; the launcher test reads it to prove which path a start took.
 */
final class Trace {

    private final boolean on;
    private final PrintStream err;

    Trace(boolean on, PrintStream err) {
        this.on = on;
        this.err = err;
    }

    boolean on() {
        return on;
    }

    void say(String message) {
        if (on) {
            err.println("cairn launcher: " + message);
        }
    }

    void say(String message, Throwable cause) {
        if (on) {
            err.println("cairn launcher: " + message + ": " + cause);
        }
    }
}
