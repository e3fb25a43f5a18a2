package org.cairn.testing.ui;

/**
 * A widget, shell or menu item was not found before the timeout. The message names what was searched
 * for, where, and what was there instead (visible shells' titles, widgets, menu items).
 */
public final class WidgetNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a diagnosable message and the last error seen while searching, if any. */
    public WidgetNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
