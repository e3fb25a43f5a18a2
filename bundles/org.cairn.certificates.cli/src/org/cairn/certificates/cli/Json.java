package org.cairn.certificates.cli;

import java.io.PrintStream;
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
     * certificates (7 MB of JSON) is never one string, nor one array of bytes. Each piece is encoded whole in the
     * stream's charset (as {@link PrintStream#print(String)} would, unmappable characters as '?'), which for text in
     * ASCII is a copy where a {@link java.io.Writer} encodes a character at a time.
     */
    static void print(PrintStream out, Object value) {
        StringBuilder buffer = new StringBuilder(2 * DRAIN_AT);
        write(buffer, value, "", out);
        buffer.append(System.lineSeparator());
        drain(buffer, out);
        out.flush();
    }

    private static void drain(StringBuilder text, PrintStream out) {
        byte[] bytes = text.toString().getBytes(out.charset());
        out.write(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** When the text in hand is longer than this, it goes to the sink (between two values). */
    private static final int DRAIN_AT = 1 << 16;

    /** @param sink where the text goes when it grows long (between two values), or null to keep all of it in {@code out} */
    private static void write(StringBuilder out, Object value, String indent, PrintStream sink) {
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
                    drain(out, sink);
                }
            }
            out.append(indent).append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        // the text up to the next character to escape goes in as one piece: most strings have none, and a character
        // at a time is most of the time of a long listing's output (10,000 certificates: 7 MB)
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append(s, from, s.length()).append('"');
    }
}
