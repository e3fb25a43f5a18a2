package org.cairn.console.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.cairn.console.core.internal.AtomicWrite;

/**
 * Action → Export List...: writes the rows of the details pane as a text file, one line per row, the headings
 * first, in UTF-8.
 */
public final class ListExport {

    /** How the cells of a line are separated. */
    public enum Separator {
        /** Tab-separated: tabs and line breaks inside cells become spaces. */
        TAB,
        /** Comma-separated (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled. */
        COMMA
    }

    private ListExport() {
    }

    /**
     * Writes the list, replacing {@code file} only once all of it is written.
     *
     * @param file      where to write
     * @param separator tab or comma
     * @param headings  the column headings
     * @param rows      the rows, each with one cell per heading
     * @throws ConsoleFileException when the file cannot be written; the message says why and what to do
     */
    public static void write(Path file, Separator separator, List<String> headings, List<List<String>> rows)
            throws ConsoleFileException {
        Objects.requireNonNull(separator, "separator");
        for (List<String> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException(
                        "A row has " + row.size() + " cells for " + headings.size() + " columns");
            }
        }
        try {
            AtomicWrite.write(file, out -> {
                Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                line(writer, separator, headings);
                for (List<String> row : rows) {
                    line(writer, separator, row);
                }
                writer.flush();
            });
        } catch (IOException e) {
            throw new ConsoleFileException("The list could not be written to " + file + ": " + e.getMessage()
                    + ". Choose a folder you can write to.", e);
        }
    }

    private static void line(Writer writer, Separator separator, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                writer.write(separator == Separator.TAB ? '\t' : ',');
            }
            writer.write(cell(separator, cells.get(i)));
        }
        writer.write('\n');
    }

    static String cell(Separator separator, String text) {
        if (separator == Separator.TAB) {
            return text.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
        }
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
