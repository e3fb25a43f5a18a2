package org.cairn.testing.ui;

/** A UI-thread action without a value (SWTBot's {@code VoidResult}). */
@FunctionalInterface
public interface VoidResult {

    /** Runs on the UI thread. */
    void run();
}
