package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A file in the syntax of systemd's unit files (systemd.syntax(7)), the one reader of that syntax in this bundle: the
 * units a service's credentials come from ({@link UnitCredentials}) and Cairn's own per-service registrations
 * ({@link ServiceKeystores}). Sections {@code [Name]}; {@code Key=value} settings (both sides stripped); {@code #} and
 * {@code ;} comment lines; a line ending in a backslash continues on the next (comment lines in between are skipped,
 * as systemd does). What the settings mean is the caller's.
 *
 * <p>Hand-written rather than a library's: no Java library for unit files is on Maven Central, and this subset is
 * small. A file larger than the caller's bound is not read.</p>
 *
 * @param file     the file read
 * @param sections its sections in order; settings before the first header are in a section named {@code ""}
 */
record UnitFile(Path file, List<UnitFile.Section> sections) {

    UnitFile {
        sections = List.copyOf(sections);
    }

    /**
     * One section.
     *
     * @param name         the name between the brackets ({@code ""} for the lines before the first header)
     * @param line         the header's line number (0 for the lines before the first header)
     * @param settings     its settings in order
     * @param notUnderstood the line numbers of its lines that are not {@code Key=value}
     */
    record Section(String name, int line, List<Setting> settings, List<Integer> notUnderstood) {
        Section {
            settings = List.copyOf(settings);
            notUnderstood = List.copyOf(notUnderstood);
        }
    }

    /**
     * One setting.
     *
     * @param key   the name before {@code =}
     * @param value the value after it, continuation lines joined with a space
     * @param line  the line number it starts on
     */
    record Setting(String key, String value, int line) {
    }

    /**
     * @param file     the file
     * @param maxBytes a larger file is not read
     * @param noun     how messages name the file ({@code "file"}, {@code "unit file"})
     * @param problems receives why the file could not be read
     * @return the file's sections, or empty when it could not be read
     */
    static Optional<UnitFile> read(Path file, long maxBytes, String noun, List<String> problems) {
        List<String> lines;
        try {
            if (Files.size(file) > maxBytes) {
                problems.add("The " + noun + " " + file + " is larger than " + maxBytes / 1024 + " KiB; it is not read.");
                return Optional.empty();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            problems.add("Cannot read the " + noun + " " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        List<Section> sections = new ArrayList<>();
        Builder current = new Builder("", 0);
        StringBuilder pending = null;
        int pendingLine = 0;
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (pending != null) {
                if (line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.endsWith("\\")) {
                    pending.append(' ').append(line, 0, line.length() - 1);
                    continue;
                }
                pending.append(' ').append(line);
                current.add(pending.toString(), pendingLine);
                pending = null;
                continue;
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current.addTo(sections);
                current = new Builder(line.substring(1, line.length() - 1), number);
                continue;
            }
            if (line.endsWith("\\")) {
                pending = new StringBuilder(line.substring(0, line.length() - 1));
                pendingLine = number;
                continue;
            }
            current.add(line, number);
        }
        if (pending != null) {
            current.add(pending.toString(), pendingLine);
        }
        current.addTo(sections);
        return Optional.of(new UnitFile(file, sections));
    }

    /** @return the settings of every section named {@code name}, in order */
    List<Setting> settings(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).flatMap(s -> s.settings().stream()).toList();
    }

    private static final class Builder {
        private final String name;
        private final int line;
        private final List<Setting> settings = new ArrayList<>();
        private final List<Integer> notUnderstood = new ArrayList<>();

        Builder(String name, int line) {
            this.name = name;
            this.line = line;
        }

        void add(String text, int number) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                notUnderstood.add(number);
            } else {
                settings.add(new Setting(text.substring(0, eq).strip(), text.substring(eq + 1).strip(), number));
            }
        }

        /** The lines before the first header make a section only when there are some. */
        void addTo(List<Section> sections) {
            if (line > 0 || !settings.isEmpty() || !notUnderstood.isEmpty()) {
                sections.add(new Section(name, line, settings, notUnderstood));
            }
        }
    }
}
