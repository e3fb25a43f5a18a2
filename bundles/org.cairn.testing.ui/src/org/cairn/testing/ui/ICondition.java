package org.cairn.testing.ui;

/**
 * Something to wait for with {@link SWTBot#waitUntil(ICondition)} (SWTBot's {@code ICondition}).
 * {@link #test()} runs on the test thread, repeatedly, until it holds or the timeout passes;
 * exceptions it throws count as "not yet".
 */
public interface ICondition {

    /** @return whether the condition holds now */
    boolean test() throws Exception;

    /** Called once before the first {@link #test()} with the bot that waits. */
    default void init(SWTBot bot) {
    }

    /** @return what did not happen, with what was seen instead; called only when the wait times out */
    String getFailureMessage();
}
