package org.cairn.console.api;

/**
 * How the host draws a row of a {@link ListView} ({@link ResultItem#style()}).
 *
 * @since 1.1
 */
public enum RowStyle {

    /** The row as any other. */
    NORMAL,

    /** Greyed out: the row is still there and can be selected and acted on, but is not in force (expired, disabled). */
    DIMMED
}
