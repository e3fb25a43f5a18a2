package org.cairn.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundles to run, read from a simpleconfigurator {@code bundles.info} (one bundle a line:
 * {@code name,version,location,startLevel,autoStart}; {@code #} starts a comment). The framework itself
 * ({@code org.eclipse.osgi}) is the system bundle and is left out.
 *
 * @param entries the bundles, in the file's order
 */
record BundleList(List<Entry> entries) {

    /**
     * One bundle.
     *
     * @param name       its symbolic name
     * @param location   its jar or folder
     * @param startLevel its start level (at least 1)
     * @param autoStart  whether it is started when the framework starts
     */
    record Entry(String name, Path location, int startLevel, boolean autoStart) {

        /** @return the location the bundle is installed from: by reference, so the jar is never copied */
        String installLocation() {
            return "reference:file:" + location;
        }
    }

    BundleList {
        entries = List.copyOf(entries);
    }

    /**
     * @param file a bundles.info whose locations are absolute {@code file:} paths (the launch script writes them so)
     * @return its bundles
     * @throws IOException when it cannot be read or a line is not a bundle
     */
    static BundleList read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",");
            if (fields.length < 5) {
                throw new IOException(file + ": not a bundle line: " + line);
            }
            if (fields[0].equals("org.eclipse.osgi")) {
                continue;
            }
            // the script writes file: and the path as it is (not URI-encoded), as simpleconfigurator reads it
            if (!fields[2].startsWith("file:/")) {
                throw new IOException(file + ": the location of " + fields[0] + " is not an absolute file: " + fields[2]);
            }
            Path location = Path.of(fields[2].substring("file:".length()));
            try {
                entries.add(new Entry(fields[0], location, Math.max(1, Integer.parseInt(fields[3].trim())),
                        Boolean.parseBoolean(fields[4].trim())));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": not a start level in: " + line, e);
            }
        }
        return new BundleList(entries);
    }

    /** @return whether every bundle's jar or folder is still there (an installation changed in place is not used) */
    boolean present() {
        return entries.stream().allMatch(e -> Files.exists(e.location()));
    }
}
