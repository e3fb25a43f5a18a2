package org.cairn.console.testsnapin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.Column;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.ListView;
import org.cairn.console.api.ResultItem;
import org.cairn.console.api.ResultView;
import org.cairn.console.api.RowStyle;
import org.cairn.console.api.SnapInRoot;

/**
 * The Test Notes root: a list of notes computed on demand (so that a large list costs nothing until shown). With
 * the number read from a file, the list is read in the background (console API 1.2), as a list from disk should
 * be; for the tests, that load waits while a file {@code COUNTFILE.hold} exists, and writes
 * {@code COUNTFILE.canceled} when the host cancelled it.
 */
final class NotesRoot implements SnapInRoot {

    static final String TYPE = "org.cairn.console.testsnapin.node.notes";
    static final String ITEM_TYPE = "org.cairn.console.testsnapin.item.note";

    private final String title;
    private final Count source;
    private final Optional<Path> countFile;
    private int count;
    private final Map<String, String> settings;

    NotesRoot(String title, Count source, Map<String, String> settings) throws ConsoleException {
        this(title, source, Optional.empty(), settings);
    }

    /** Notes whose number is read from {@code countFile} in the background. */
    NotesRoot(String title, Path countFile, Map<String, String> settings) throws ConsoleException {
        this(title, Count.readFrom(countFile), Optional.of(countFile), settings);
    }

    private NotesRoot(String title, Count source, Optional<Path> countFile, Map<String, String> settings)
            throws ConsoleException {
        this.title = title;
        this.source = source;
        this.countFile = countFile;
        this.count = source.read();
        this.settings = Map.copyOf(settings);
    }

    /** Where the number of notes comes from: fixed, or a file read again on each refresh (F5). */
    interface Count {
        int read() throws ConsoleException;

        static Count fixed(int count) {
            return () -> count;
        }

        static Count readFrom(Path file) {
            return () -> {
                try {
                    return parse(Files.readString(file).strip());
                } catch (IOException e) {
                    throw new ConsoleException("Cannot read the number of notes from " + file + ": " + e.getMessage());
                }
            };
        }

        static int parse(String count) throws ConsoleException {
            try {
                return Integer.parseInt(count);
            } catch (NumberFormatException e) {
                throw new ConsoleException("The number of notes \"" + count + "\" is not a number.");
            }
        }
    }

    @Override
    public void refresh() {
        try {
            count = source.read();
        } catch (ConsoleException e) {
            count = 0;
        }
    }

    @Override
    public String label() {
        return title;
    }

    @Override
    public String nodeTypeId() {
        return TYPE;
    }

    @Override
    public Map<String, String> settings() {
        return settings;
    }

    @Override
    public Optional<ResultView> resultView() {
        if (countFile.isPresent()) {
            Path file = countFile.get();
            return Optional.of(BackgroundView.of(monitor -> {
                Path hold = file.resolveSibling(file.getFileName() + ".hold");
                while (Files.exists(hold)) {
                    if (monitor.isCanceled()) {
                        try {
                            Files.writeString(file.resolveSibling(file.getFileName() + ".canceled"), "canceled");
                        } catch (IOException e) {
                            throw new ConsoleException("Cannot record the cancellation: " + e.getMessage());
                        }
                        return list(0, 0);
                    }
                    monitor.progress("Waiting for " + hold.getFileName());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ConsoleException("Interrupted");
                    }
                }
                return list(source.read(), remarkMillis());
            }));
        }
        return Optional.of(list(count, remarkMillis()));
    }

    /** @return the CPU time each remark costs to compute (setting {@code remarkMillis}; 0 by default) */
    private int remarkMillis() {
        String millis = settings.getOrDefault("remarkMillis", "0");
        return millis.matches("[0-9]{1,3}") ? Integer.parseInt(millis) : 0;
    }

    private static ListView list(int shown, int remarkMillis) {
        List<ResultItem> notes = new AbstractList<>() {
            @Override
            public ResultItem get(int index) {
                return new Note(index + 1, remarkMillis);
            }

            @Override
            public int size() {
                return shown;
            }
        };
        return ListView.of(List.of(Column.of("name", "Name", 160),
                new Column("size", "Size", 80, Column.Alignment.RIGHT, true),
                new Column("remark", "Remark, quoted", 160, Column.Alignment.LEFT, true)), notes);
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(ConsoleAction.of("say", "Say Hello...", context -> context.showMessage("Hello",
                "Hello from " + title + ", " + context.selectedItems().size() + " item(s) selected.")));
    }

    /**
     * A note: its number, a size that sorts numerically, and a remark with a comma and quotes. Package-visible:
     * the canvas view publishes notes as its selection. A remark may be made to cost CPU time, as a computed cell
     * does (the Certificates snap-in's Status is a path validation): the tests of Export List use it.
     */
    record Note(int number, int remarkMillis) implements ResultItem {

        Note(int number) {
            this(number, 0);
        }

        @Override
        public String itemTypeId() {
            return ITEM_TYPE;
        }

        @Override
        public String text(String columnId) {
            return switch (columnId) {
                case "name" -> "Note " + number;
                case "size" -> (number * 7 % 10 + 1) + " KB";
                case "remark" -> {
                    work(remarkMillis);
                    yield number % 2 == 0 ? "even, \"round\"" : "odd";
                }
                default -> "";
            };
        }

        /** Spends {@code millis} of CPU time, as a computed cell does. */
        private static void work(int millis) {
            long until = System.nanoTime() + millis * 1_000_000L;
            long spin = 0;
            while (System.nanoTime() < until) {
                spin++;
            }
            if (spin < 0) {
                throw new IllegalStateException(); // keeps the loop from being optimised away
            }
        }

        @Override
        public Comparable<?> sortKey(String columnId) {
            return "size".equals(columnId) ? Integer.valueOf(number * 7 % 10 + 1) : text(columnId);
        }

        @Override
        public Optional<Icon> icon() {
            return Optional.of(Icon.of(Icon.Kind.ITEM));
        }

        /** Every fifth note is dimmed, as an expired certificate is. */
        @Override
        public RowStyle style() {
            return number % 5 == 0 ? RowStyle.DIMMED : RowStyle.NORMAL;
        }
    }
}
