package org.cairn.console.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cairn.console.core.internal.AtomicWrite;

/**
 * The console files opened or saved most recently (File menu), newest first, kept in a text file of one path a
 * line.
 */
public final class RecentConsoles {

    /** How many the File menu lists. */
    public static final int LIMIT = 4;

    private final Path storage;

    /** @param storage the file that keeps the list (created when first written) */
    public RecentConsoles(Path storage) {
        this.storage = storage;
    }

    /** @return the recent console files, newest first; empty when none was recorded or the list is unreadable */
    public List<Path> list() {
        try {
            return Files.readAllLines(storage, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(Path::of).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Records that {@code file} was opened or saved.
     *
     * @throws ConsoleFileException when the list cannot be written
     */
    public void add(Path file) throws ConsoleFileException {
        List<Path> paths = new ArrayList<>(list());
        Path absolute = file.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        List<Path> kept = paths.subList(0, Math.min(LIMIT, paths.size()));
        try {
            Files.createDirectories(storage.toAbsolutePath().getParent());
            AtomicWrite.write(storage, out -> {
                for (Path path : kept) {
                    out.write((path + "\n").getBytes(StandardCharsets.UTF_8));
                }
            });
        } catch (IOException e) {
            throw new ConsoleFileException("The list of recent consoles could not be written to " + storage + ": "
                    + e.getMessage(), e);
        }
    }
}
