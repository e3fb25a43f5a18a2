package org.cairn.certificates.ui.wizard;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** The file name typed on a wizard's file page, as the file it names. */
public final class FileNames {

    private FileNames() {
    }

    /**
     * @param typed the text of the file name field
     * @param home  the user's home folder: relative names and {@code ~/} are taken from it
     * @return the absolute, normalized file; empty when nothing (or no valid name) was typed
     */
    public static Optional<Path> resolve(String typed, Path home) {
        String name = typed == null ? "" : typed.strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String expanded = name.equals("~") || name.startsWith("~/") ? home + name.substring(1) : name;
        try {
            return Optional.of(home.resolve(expanded).toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
