package org.cairn.console.core;

import java.util.Objects;

import org.cairn.console.api.SnapInRoot;

/**
 * A snap-in added to a console: the snap-in's id and name and the root node it created (or a stand-in when it
 * is not installed).
 *
 * @param snapInId  the snap-in's id
 * @param name      the snap-in's name
 * @param root      its root node in the console tree
 * @param available whether the snap-in is installed and created its root; {@code false} for a stand-in
 * @param container whether other snap-ins can be added beneath it
 */
public record AddedSnapIn(String snapInId, String name, SnapInRoot root, boolean available, boolean container) {

    /** @throws NullPointerException if an argument is {@code null} */
    public AddedSnapIn {
        Objects.requireNonNull(snapInId, "snapInId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }
}
