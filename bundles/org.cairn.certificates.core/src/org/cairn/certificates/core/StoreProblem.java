package org.cairn.certificates.core;

import java.util.Objects;

/**
 * An entry that could not be read and was skipped: where it is and what is wrong, so the user can repair or
 * remove it. A problem never hides the other entries.
 *
 * @param logicalStore  the logical store being listed
 * @param physicalStore the physical store that holds the entry
 * @param location      the path of the broken entry (or file)
 * @param message       what is wrong and what to do
 */
public record StoreProblem(LogicalStore logicalStore, String physicalStore, String location, String message) {

    public StoreProblem {
        Objects.requireNonNull(logicalStore, "logicalStore");
        Objects.requireNonNull(physicalStore, "physicalStore");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
