package org.cairn.console.api;

import java.util.Objects;

/**
 * A details pane that shows a message instead of a list, for nodes with nothing to list (a link, an
 * unavailable store).
 *
 * @param text the message, which may span lines
 */
public record MessageView(String text) implements ResultView {

    /** @throws NullPointerException if {@code text} is {@code null} */
    public MessageView {
        Objects.requireNonNull(text, "text");
    }
}
