package org.cairn.certificates.nss.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the user's NSS databases as NSS and Firefox do: {@code $HOME/.pki/nssdb}, then every Firefox and
 * Thunderbird profile listed in a {@code profiles.ini} (classic, XDG, snap and Flatpak locations). The home is
 * {@code $HOME} when it is set, else the account's home directory, so a script or a test can point Cairn at
 * another home.
 */
public final class NssLocations {

    /** profiles.ini is a few hundred bytes; anything larger is not one. */
    private static final long MAX_INI = 256 * 1024;
    /** More profiles than anybody keeps: a bound for a damaged file. */
    private static final int MAX_PROFILES = 200;

    private record ProfileSource(String program, String label, String iniPath) {
    }

    private static final List<ProfileSource> SOURCES = List.of(
            new ProfileSource("Firefox", "Firefox", ".mozilla/firefox/profiles.ini"),
            new ProfileSource("Firefox", "Firefox", ".config/mozilla/firefox/profiles.ini"),
            new ProfileSource("Firefox", "Firefox (snap)", "snap/firefox/common/.mozilla/firefox/profiles.ini"),
            new ProfileSource("Firefox", "Firefox (Flatpak)", ".var/app/org.mozilla.firefox/.mozilla/firefox/profiles.ini"),
            new ProfileSource("Thunderbird", "Thunderbird", ".thunderbird/profiles.ini"),
            new ProfileSource("Thunderbird", "Thunderbird (snap)", "snap/thunderbird/common/.thunderbird/profiles.ini"),
            new ProfileSource("Thunderbird", "Thunderbird (Flatpak)",
                    ".var/app/org.mozilla.Thunderbird/.thunderbird/profiles.ini"));

    private final Path home;

    /** @param home the home directory to search */
    public NssLocations(Path home) {
        this.home = home;
    }

    /** @return the locations of this process's user: {@code $HOME}, else the account's home */
    public static NssLocations ofEnvironment() {
        String env = System.getenv("HOME");
        Path home = env != null && !env.isBlank() && Path.of(env).isAbsolute() ? Path.of(env)
                : Path.of(System.getProperty("user.home"));
        return new NssLocations(home);
    }

    /** @return the home searched */
    public Path home() {
        return home;
    }

    /** @return the databases that exist (a directory with {@code cert9.db}), each with a unique name */
    public List<NssDatabase> find() {
        List<NssDatabase> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Path shared = home.resolve(".pki/nssdb");
        if (isDatabase(shared) && seen.add(real(shared))) {
            found.add(new NssDatabase("NSS: Chrome and system", shared, "Chrome, Chromium and other programs", null));
        }
        Set<String> names = new HashSet<>();
        names.add(found.isEmpty() ? "" : found.get(0).name());
        for (ProfileSource source : SOURCES) {
            Path ini = home.resolve(source.iniPath());
            for (Map.Entry<String, Path> profile : profiles(ini).entrySet()) {
                Path dir = profile.getValue();
                if (!isDatabase(dir) || !seen.add(real(dir))) {
                    continue;
                }
                String base = source.label() + ": " + profile.getKey();
                String name = base;
                for (int i = 2; !names.add(name); i++) {
                    name = base + " (" + i + ")";
                }
                found.add(new NssDatabase(name, dir, source.program(), dir.resolve("lock")));
            }
        }
        return List.copyOf(found);
    }

    private static boolean isDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve("cert9.db"));
    }

    private static Path real(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir.toAbsolutePath().normalize();
        }
    }

    /**
     * @param ini a profiles.ini
     * @return profile name to directory, in file order; empty when the file is missing or unreadable
     */
    static Map<String, Path> profiles(Path ini) {
        Map<String, Path> profiles = new LinkedHashMap<>();
        List<String> lines;
        try {
            if (!Files.isRegularFile(ini) || Files.size(ini) > MAX_INI) {
                return profiles;
            }
            lines = Files.readAllLines(ini, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return profiles; // an unreadable profiles.ini hides that program's profiles, nothing else
        }
        Path base = ini.getParent();
        String section = null;
        Map<String, String> values = new LinkedHashMap<>();
        List<String> padded = new ArrayList<>(lines);
        padded.add("[end]");
        for (String raw : padded) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                if (section != null && section.startsWith("Profile") && profiles.size() < MAX_PROFILES) {
                    profile(base, values).ifPresent(p -> profiles.putIfAbsent(
                            values.getOrDefault("Name", p.getFileName().toString()), p));
                }
                section = line.substring(1, line.length() - 1);
                values.clear();
            } else if (section != null && line.contains("=") && !line.startsWith("#") && !line.startsWith(";")) {
                int eq = line.indexOf('=');
                values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return profiles;
    }

    private static Optional<Path> profile(Path base, Map<String, String> values) {
        String path = values.get("Path");
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        try {
            boolean relative = !"0".equals(values.getOrDefault("IsRelative", "1"));
            Path p = relative ? base.resolve(path).normalize() : Path.of(path);
            return p.isAbsolute() ? Optional.of(p) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
