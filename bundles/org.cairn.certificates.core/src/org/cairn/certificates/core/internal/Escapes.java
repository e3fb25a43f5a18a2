package org.cairn.certificates.core.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-escaping for the line-based text formats: {@code %}, {@code =}, {@code ;}, tab, and control characters
 * become {@code %XX} (UTF-8 bytes), so a value never breaks a line or a field.
 */
final class Escapes {

    private Escapes() {
    }

    /** Escapes {@code %}, {@code =}, {@code ;} and control characters (for names and values inside a line). */
    static String escape(String s) {
        return escape(s, true);
    }

    /** Escapes {@code %} and control characters only (for tab-separated fields). */
    static String escapeField(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean separators) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' || c < 0x20 || c == 0x7f || (separators && (c == '=' || c == ';'))) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%') {
                if (i + 2 >= utf8.length) {
                    throw new IllegalArgumentException("truncated %-escape in '" + s + "'");
                }
                int hi = Character.digit(utf8[i + 1], 16);
                int lo = Character.digit(utf8[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad %-escape in '" + s + "'");
                }
                bytes.write((hi << 4) | lo);
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
