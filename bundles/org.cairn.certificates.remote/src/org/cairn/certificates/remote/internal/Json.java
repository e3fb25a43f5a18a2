package org.cairn.certificates.remote.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON reader for the remote command line's {@code --json} answers: objects become
 * {@code Map<String, Object>}, arrays {@code List<Object>}, numbers {@code Double}, and the rest strings, booleans and
 * {@code null}. Bounded by the connection's output limit; nesting is shallow in the protocol. Written here rather
 * than taken from a library: it reads only the other computer's Cairn command line's {@code --json} output, whose
 * shape that command line's tests fix, and a library would be one more bundle (and its classes) for the remote
 * command line and the console to load, with its own limits to configure on depth and size.
 */
public final class Json {

    private static final int MAX_DEPTH = 32;

    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /**
     * @param text one JSON value, with white space around it
     * @return the value
     * @throws IllegalArgumentException where the text is not JSON
     */
    public static Object parse(String text) {
        Json r = new Json(text);
        Object value = r.value(0);
        r.space();
        if (r.i != text.length()) {
            throw new IllegalArgumentException("text after the JSON value at offset " + r.i);
        }
        return value;
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("JSON nested too deeply");
        }
        space();
        if (i >= s.length()) {
            throw new IllegalArgumentException("the JSON text ends early");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return word("true", Boolean.TRUE);
            case 'f':
                return word("false", Boolean.FALSE);
            case 'n':
                return word("null", null);
            default:
                return number();
        }
    }

    private Object word(String w, Object value) {
        if (!s.startsWith(w, i)) {
            throw new IllegalArgumentException("unexpected text at offset " + i);
        }
        i += w.length();
        return value;
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw new IllegalArgumentException("a name expected at offset " + i);
            }
            String key = string();
            space();
            expect(':');
            m.put(key, value(depth + 1));
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect('}');
            return m;
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return l;
        }
        while (true) {
            l.add(value(depth + 1));
            space();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(']');
            return l;
        }
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new IllegalArgumentException("'" + c + "' expected at offset " + i);
        }
        i++;
    }

    private String string() {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("a broken \\u escape at offset " + i);
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        throw new IllegalArgumentException("a string without its end");
    }

    private Double number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("unexpected character at offset " + i);
        }
        return Double.valueOf(s.substring(start, i));
    }
}
