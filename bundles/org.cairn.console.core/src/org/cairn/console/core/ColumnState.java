package org.cairn.console.core;

import java.util.Objects;

/**
 * How the user arranged a column of a node type's list (View → Customize Columns..., dragging a heading); a list of
 * these in display order is the layout.
 *
 * @param id    the column's id
 * @param width its width in pixels
 * @param shown whether it is shown
 */
public record ColumnState(String id, int width, boolean shown) {

    /** @throws IllegalArgumentException if the id is blank or the width negative */
    public ColumnState {
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || width < 0) {
            throw new IllegalArgumentException("A column needs an id and a width of at least 0");
        }
    }
}
