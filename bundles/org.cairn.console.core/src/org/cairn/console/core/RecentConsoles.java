package org.cairn.console.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.cairn.console.core.internal.AtomicWrite;

/**
 * The console files opened or saved most recently (File menu), newest first, kept in a text file of one path a
 * line.
 */
public final class RecentConsoles {

    /** How many the File menu lists. */
    public static final int LIMIT = 4;

    private final Path storage;
    private final Object lock = new Object();
    /** The list as last read or changed; {@code null} until first needed. */
    private List<Path> current;
    /** Writes the list off the caller's thread, one at a time in call order (the console's UI thread must not wait
     *  for a rename and a disk sync); a daemon thread, so it never holds the application open. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cairn-recent-consoles");
        thread.setDaemon(true);
        return thread;
    });

    /** @param storage the file that keeps the list (created when first written) */
    public RecentConsoles(Path storage) {
        this.storage = storage;
    }

    /** @return the recent console files, newest first; empty when none was recorded or the list is unreadable */
    public List<Path> list() {
        synchronized (lock) {
            if (current == null) {
                current = read();
            }
            return current;
        }
    }

    private List<Path> read() {
        try {
            return Files.readAllLines(storage, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .map(Path::of).limit(LIMIT).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Records that {@code file} was opened or saved, and writes the list before returning.
     *
     * @throws ConsoleFileException when the list cannot be written
     */
    public void add(Path file) throws ConsoleFileException {
        write(remember(file));
    }

    /**
     * Records that {@code file} was opened or saved: {@link #list()} has it at once, the file follows in the
     * background.
     *
     * @param failed told (on the writer's thread) when the list could not be written
     * @since 0.3
     */
    public void addInBackground(Path file, Consumer<ConsoleFileException> failed) {
        List<Path> kept = remember(file);
        writer.execute(() -> {
            try {
                write(kept);
            } catch (ConsoleFileException e) {
                failed.accept(e);
            }
        });
    }

    private List<Path> remember(Path file) {
        synchronized (lock) {
            List<Path> paths = new ArrayList<>(list());
            Path absolute = file.toAbsolutePath().normalize();
            paths.remove(absolute);
            paths.add(0, absolute);
            current = List.copyOf(paths.subList(0, Math.min(LIMIT, paths.size())));
            return current;
        }
    }

    private void write(List<Path> kept) throws ConsoleFileException {
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
