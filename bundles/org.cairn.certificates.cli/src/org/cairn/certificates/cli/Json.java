package org.cairn.certificates.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A small JSON writer for the command line's {@code --json} output (maps keep their order). Written here rather than
 * taken from a library (Jackson, Gson, Parsson): it writes only maps, lists, strings, numbers, booleans and null,
 * which fits in one screen with its escaping; a library would be one more bundle in the command line's start (its
 * classes loaded and kept in the class-data sharing archive) for none of its features, and the output's exact bytes
 * are fixed by the command line's tests either way.
 */
final class Json {

    private Json() {
    }

    /** JSON text that another Cairn wrote (a remote computer's answer), put in as it is. */
    record Raw(String text) {
    }

    /** @return {@code json} on one line: the whitespace between tokens removed (strings keep theirs) */
    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, "", null);
        return out.toString();
    }

    /**
     * Prints a value as {@link #write} makes it, and a line end, in pieces of about 64 KB: a listing of 10,000
     * certificates (7 MB of JSON) is never one string, nor one array of bytes.
     */
    static void print(PrintStream out, Object value) {
        // not closed: that would close the stream; PrintStream keeps its own errors, as println does
        Writer sink = new OutputStreamWriter(out, out.charset());
        StringBuilder buffer = new StringBuilder(2 * DRAIN_AT);
        try {
            write(buffer, value, "", sink);
            buffer.append(System.lineSeparator());
            drain(buffer, sink);
            sink.flush();
        } catch (IOException e) {
            // a PrintStream keeps its errors to itself (checkError): not expected
            throw new UncheckedIOException(e);
        }
    }

    /** When the text in hand is longer than this, it goes to the sink (between two values). */
    private static final int DRAIN_AT = 1 << 16;

    private static void drain(StringBuilder buffer, Writer sink) throws IOException {
        sink.append(buffer);
        buffer.setLength(0);
    }

    /** @param sink where the text goes when it grows long, or null to keep all of it in {@code out} */
    private static void write(StringBuilder out, Object value, String indent, Writer sink) {
        if (value instanceof Raw raw) {
            out.append(raw.text().strip());
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), indent, sink);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(indent).append("  ");
                string(out, String.valueOf(e.getKey()));
                out.append(": ");
                write(out, e.getValue(), indent + "  ", sink);
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            int i = 0;
            String inner = indent + "  ";
            for (Object item : list) {
                out.append(inner);
                write(out, item, inner, sink);
                out.append(++i < list.size() ? ",\n" : "\n");
                if (sink != null && out.length() > DRAIN_AT) {
                    try {
                        drain(out, sink);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            out.append(indent).append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
