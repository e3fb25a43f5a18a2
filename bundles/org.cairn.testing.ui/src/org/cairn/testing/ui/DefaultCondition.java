package org.cairn.testing.ui;

/** Base for conditions that need the waiting {@link SWTBot} (SWTBot's {@code DefaultCondition}). */
public abstract class DefaultCondition implements ICondition {

    /** The bot that waits, set by {@link #init(SWTBot)} before the first test. */
    protected SWTBot bot;

    @Override
    public void init(SWTBot waitingBot) {
        this.bot = waitingBot;
    }
}
