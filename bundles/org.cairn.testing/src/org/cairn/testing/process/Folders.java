package org.cairn.testing.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders the tests made, removed when done, so that a run leaves nothing behind. */
public final class Folders {

    private Folders() {
    }

    /**
     * Deletes a folder and everything in it; nothing when it does not exist.
     *
     * @param folder the folder
     * @throws IOException when something in it cannot be deleted
     */
    public static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
