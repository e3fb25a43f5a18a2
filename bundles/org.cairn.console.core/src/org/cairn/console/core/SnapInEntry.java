package org.cairn.console.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snap-in as a console file records it: which snap-in, the settings of its root, and the snap-ins added
 * beneath it (when it is a container, such as a Folder).
 *
 * @param snapInId the {@code SnapIn.id()}
 * @param name     the snap-in's name when it was saved, for messages when it is not installed
 * @param settings the root's settings
 * @param children the snap-ins added beneath it, in order
 */
public record SnapInEntry(String snapInId, String name, Map<String, String> settings, List<SnapInEntry> children) {

    /** @throws IllegalArgumentException if the id is blank */
    public SnapInEntry {
        if (snapInId == null || snapInId.isBlank()) {
            throw new IllegalArgumentException("A snap-in entry needs the snap-in's id");
        }
        Objects.requireNonNull(name, "name");
        settings = Map.copyOf(settings);
        children = List.copyOf(children);
    }
}
