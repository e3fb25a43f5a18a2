package org.cairn.testing.ui;

/**
 * A computation run on the UI thread that returns a value (SWTBot's {@code Result}).
 *
 * @param <T> the type of the value
 */
@FunctionalInterface
public interface Result<T> {

    /** @return the value computed on the UI thread */
    T run();
}
