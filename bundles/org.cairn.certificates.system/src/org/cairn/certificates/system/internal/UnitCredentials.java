package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files a systemd service unit loads as credentials ({@code LoadCredential=ID:PATH}, systemd.exec(5)): the files a
 * service reads its certificate and key from when its unit passes them in. The unit file and its drop-ins are found as
 * systemd finds a system unit ({@code /etc/systemd/system} first, then {@code /run}, {@code /usr/local/lib},
 * {@code /usr/lib} and {@code /lib}; drop-ins {@code NAME.service.d/*.conf} in file name order, a name in an earlier
 * directory hiding the same name in a later one). A path that is not absolute, or a credential named by its ID alone,
 * is looked up in the credential stores ({@code /etc/credstore}, {@code /run/credstore}, {@code /usr/lib/credstore}); a
 * directory stands for the files in it. Encrypted credentials ({@code LoadCredentialEncrypted=}) only systemd can read:
 * they are reported, not read.
 *
 * <p>The files are read by {@link UnitFile}; an empty assignment resets the list, as in systemd. Files, lines and
 * credentials are bounded.</p>
 *
 * @param unit     the unit's name, for example {@code nginx.service}
 * @param unitFile the unit file (under the layout's root)
 * @param files    the regular files the unit loads, each once, in the unit's order (under the layout's root)
 * @param problems what could not be followed, in words for the user
 */
record UnitCredentials(String unit, Path unitFile, List<Path> files, List<String> problems) {

    /** Where systemd looks for system units, in order of precedence. */
    static final List<String> UNIT_DIRS = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");
    /** Where systemd looks for a credential named without an absolute path. */
    static final List<String> CREDENTIAL_STORES = List.of("/etc/credstore", "/run/credstore", "/usr/lib/credstore");
    /** A unit file or drop-in larger than this is not read. */
    static final long MAX_UNIT_BYTES = 256 * 1024;
    /** At most this many drop-ins. */
    static final int MAX_DROP_INS = 64;
    /** At most this many credential files. */
    static final int MAX_FILES = 256;

    UnitCredentials {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    /**
     * @param layout  where the system's files are
     * @param service the service's name ({@code nginx} or {@code nginx.service})
     * @return the unit's credential files, or empty when there is no such unit
     */
    static Optional<UnitCredentials> read(SystemLayout layout, String service) {
        String unit = service.endsWith(".service") ? service : service + ".service";
        Optional<Path> unitFile = Optional.empty();
        for (String dir : UNIT_DIRS) {
            Path candidate = layout.resolve(dir).resolve(unit);
            if (Files.isRegularFile(candidate)) {
                unitFile = Optional.of(candidate);
                break;
            }
        }
        if (unitFile.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        sources.add(unitFile.get());
        sources.addAll(dropIns(layout, unit, problems));
        // LoadCredential= in the order systemd applies the files; an empty value clears what came before
        List<String> values = new ArrayList<>();
        for (Path source : sources) {
            for (UnitFile.Setting setting : UnitFile.read(source, MAX_UNIT_BYTES, "unit file", problems)
                    .map(f -> f.settings("Service")).orElse(List.of())) {
                switch (setting.key()) {
                    case "LoadCredential" -> {
                        if (setting.value().isEmpty()) {
                            values.clear();
                        } else {
                            values.add(setting.value());
                        }
                    }
                    case "LoadCredentialEncrypted" -> {
                        if (!setting.value().isEmpty()) {
                            problems.add(source + ": the encrypted credential " + setting.value().split(":", 2)[0]
                                    + " (LoadCredentialEncrypted=) can only be read by systemd; it is not shown.");
                        }
                    }
                    default -> {
                        // other settings do not name credentials
                    }
                }
            }
        }
        Set<Path> files = new LinkedHashSet<>();
        for (String value : values) {
            resolve(layout, unit, value, problems).forEach(files::add);
            if (files.size() > MAX_FILES) {
                problems.add(unit + " loads more than " + MAX_FILES + " credential files; only the first " + MAX_FILES
                        + " are read.");
                break;
            }
        }
        return Optional.of(new UnitCredentials(unit, unitFile.get(),
                files.stream().limit(MAX_FILES).toList(), problems));
    }

    /** The drop-ins of {@code unit}, by file name; a name in a directory of higher precedence hides the others. */
    private static List<Path> dropIns(SystemLayout layout, String unit, List<String> problems) {
        TreeMap<String, Path> byName = new TreeMap<>();
        for (String dir : UNIT_DIRS) {
            Path folder = layout.resolve(dir).resolve(unit + ".d");
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".conf")).filter(Files::isRegularFile)
                        .forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
            } catch (IOException e) {
                problems.add("Cannot read " + folder + ": " + e.getMessage());
            }
        }
        if (byName.size() > MAX_DROP_INS) {
            problems.add(unit + " has more than " + MAX_DROP_INS + " drop-ins; only the first " + MAX_DROP_INS
                    + " are read.");
        }
        return byName.values().stream().limit(MAX_DROP_INS).toList();
    }

    /** The files one {@code LoadCredential=ID[:PATH]} value stands for. */
    private static List<Path> resolve(SystemLayout layout, String unit, String value, List<String> problems) {
        int colon = value.indexOf(':');
        String id = (colon < 0 ? value : value.substring(0, colon)).strip();
        String path = colon < 0 ? id : value.substring(colon + 1).strip();
        Optional<String> expanded = specifiers(path, unit);
        if (expanded.isEmpty()) {
            problems.add(unit + ": the credential " + id + " names " + path + ", with a systemd specifier Cairn does not"
                    + " expand; it is not shown.");
            return List.of();
        }
        path = expanded.get();
        List<Path> candidates = new ArrayList<>();
        if (path.startsWith("/")) {
            candidates.add(layout.resolve(path));
        } else if (!path.isEmpty() && !path.contains("..")) {
            for (String store : CREDENTIAL_STORES) {
                candidates.add(layout.resolve(store).resolve(path));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return List.of(candidate);
            }
            if (Files.isDirectory(candidate)) {
                try (Stream<Path> list = Files.list(candidate)) {
                    return list.filter(Files::isRegularFile).sorted().limit(MAX_FILES + 1L).toList();
                } catch (IOException e) {
                    problems.add(unit + ": cannot read the credential folder " + candidate + ": " + e.getMessage());
                    return List.of();
                }
            }
        }
        problems.add(unit + ": the credential " + id + " (" + path + ") is not there; the unit would fail to start.");
        return List.of();
    }

    /** {@code %n}, {@code %N}, {@code %p} and {@code %%} expanded; empty when another specifier is used. */
    private static Optional<String> specifiers(String path, String unit) {
        if (path.indexOf('%') < 0) {
            return Optional.of(path);
        }
        String prefix = unit.substring(0, unit.length() - ".service".length());
        int at = prefix.indexOf('@');
        Map<Character, String> known = new LinkedHashMap<>();
        known.put('n', unit);
        known.put('N', prefix);
        known.put('p', at >= 0 ? prefix.substring(0, at) : prefix);
        known.put('%', "%");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= path.length() || !known.containsKey(path.charAt(i + 1))) {
                return Optional.empty();
            }
            out.append(known.get(path.charAt(++i)));
        }
        return Optional.of(out.toString());
    }
}
