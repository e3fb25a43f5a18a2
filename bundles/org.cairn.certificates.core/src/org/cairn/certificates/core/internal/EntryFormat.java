package org.cairn.certificates.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.cairn.certificates.core.EntryAttributes;

/**
 * The {@code properties} file of an entry, version 1 (documented in the bundle's README.md):
 *
 * <pre>
 * cairn-certificate-entry 1
 * friendlyName=Web server 2025
 * description=
 * exportable=true
 * property.Owner=ops%3Dteam
 * </pre>
 *
 * UTF-8, LF line ends; names and values %-escaped ({@code %}, {@code =}, {@code ;}, control characters as
 * {@code %XX} of their UTF-8 bytes). Readers ignore unknown keys (additions keep the version) and refuse a higher
 * version (written by a newer Cairn).
 */
final class EntryFormat {

    static final String MAGIC = "cairn-certificate-entry";
    static final int VERSION = 1;
    private static final String PROPERTY = "property.";

    private EntryFormat() {
    }

    static byte[] write(EntryAttributes attributes) {
        StringBuilder out = new StringBuilder(128);
        out.append(MAGIC).append(' ').append(VERSION).append('\n');
        out.append("friendlyName=").append(Escapes.escape(attributes.friendlyName())).append('\n');
        out.append("description=").append(Escapes.escape(attributes.description())).append('\n');
        out.append("exportable=").append(attributes.exportable()).append('\n');
        for (Map.Entry<String, String> e : attributes.properties().entrySet()) {
            out.append(PROPERTY).append(Escapes.escape(e.getKey())).append('=').append(Escapes.escape(e.getValue())).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException with what is wrong, for the problem report */
    static EntryAttributes read(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        String[] header = lines[0].split(" ");
        if (header.length != 2 || !header[0].equals(MAGIC)) {
            throw new IllegalArgumentException("the properties file does not start with '" + MAGIC + " " + VERSION + "'");
        }
        int version;
        try {
            version = Integer.parseInt(header[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the properties file has an unreadable version '" + header[1] + "'");
        }
        if (version > VERSION) {
            throw new IllegalArgumentException("the properties file has format version " + version
                    + ", written by a newer Cairn; this one reads version " + VERSION + ". Update Cairn.");
        }
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("the properties file is truncated (no final line end)");
        }
        String friendlyName = null;
        String description = null;
        Boolean exportable = null;
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the properties file has no '='");
            }
            String key = line.substring(0, eq);
            String value = Escapes.unescape(line.substring(eq + 1));
            switch (key) {
                case "friendlyName" -> friendlyName = value;
                case "description" -> description = value;
                case "exportable" -> {
                    if (!value.equals("true") && !value.equals("false")) {
                        throw new IllegalArgumentException("exportable must be true or false, not '" + value + "'");
                    }
                    exportable = Boolean.valueOf(value);
                }
                default -> {
                    if (key.startsWith(PROPERTY) && key.length() > PROPERTY.length()) {
                        properties.put(Escapes.unescape(key.substring(PROPERTY.length())), value);
                    }
                    // other keys: written by a newer minor revision; ignored on purpose
                }
            }
        }
        if (friendlyName == null || description == null || exportable == null) {
            throw new IllegalArgumentException("the properties file lacks friendlyName, description or exportable");
        }
        return new EntryAttributes(friendlyName, description, exportable, properties);
    }
}
