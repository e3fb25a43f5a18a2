package org.cairn.console.api;

import java.util.Objects;

/**
 * A column of a {@link ListView}.
 *
 * @param id        stable id, the key of {@link ResultItem#text(String)} and of the column layout saved in
 *                  console files
 * @param title     the heading
 * @param width     initial width in pixels
 * @param alignment where the text sits in the cell
 * @param shown     whether the column is shown until the user customizes the columns
 */
public record Column(String id, String title, int width, Alignment alignment, boolean shown) {

    /** Where a column's text sits. */
    public enum Alignment {
        /** Text columns. */
        LEFT,
        /** Numbers and sizes. */
        RIGHT
    }

    /** @throws IllegalArgumentException if the id or title is blank or the width is not positive */
    public Column {
        Objects.requireNonNull(alignment, "alignment");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A column needs an id");
        }
        if (title == null) {
            throw new IllegalArgumentException("Column " + id + " needs a title");
        }
        if (width <= 0) {
            throw new IllegalArgumentException("Column " + id + " needs a positive width, not " + width);
        }
    }

    /** @return a left-aligned column shown by default */
    public static Column of(String id, String title, int width) {
        return new Column(id, title, width, Alignment.LEFT, true);
    }
}
