package org.cairn.certificates.system.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the system's files and commands are, and whether Cairn may change them.
 *
 * <p>The file-system root and the command search path are injectable so that tests can lay out another
 * distribution's directories under a temporary folder; the proof that the real update works is made at the real
 * paths, inside a private mount namespace. When Cairn runs with its own stores moved elsewhere
 * ({@code cairn.store.root} / {@code CAIRN_STORE_ROOT}, as every test and demo does) and no system root was named,
 * the system's trust is shown but never changed.</p>
 *
 * @param root         the file-system root the system's absolute paths are read under ({@code /} normally)
 * @param commandPath  the directories searched for update commands, in order
 * @param whyNoChanges empty when the system's files may be changed; else why not (shown to the user)
 */
public record SystemLayout(Path root, List<Path> commandPath, Optional<String> whyNoChanges) {

    /** System property: the file-system root (default {@code /}); naming it also allows changes. */
    public static final String ROOT_PROPERTY = "cairn.system.root";
    /** System property: the command search path, directories separated by {@code :}. */
    public static final String PATH_PROPERTY = "cairn.system.path";
    /** The default command search path: the system's, never the user's. */
    public static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public SystemLayout {
        Objects.requireNonNull(root, "root");
        commandPath = List.copyOf(commandPath);
        Objects.requireNonNull(whyNoChanges, "whyNoChanges");
    }

    /**
     * @param root the file-system root
     * @return a layout under {@code root} that may be changed, with the default command path
     */
    public static SystemLayout under(Path root) {
        return new SystemLayout(root, parsePath(DEFAULT_PATH), Optional.empty());
    }

    /** @return the layout this process's properties and environment select */
    public static SystemLayout fromEnvironment() {
        return fromEnvironment(System.getProperties(), System.getenv());
    }

    /**
     * @param properties system properties
     * @param environment environment variables
     * @return the layout they select
     */
    public static SystemLayout fromEnvironment(Map<Object, Object> properties, Map<String, String> environment) {
        String root = (String) properties.get(ROOT_PROPERTY);
        String path = (String) properties.get(PATH_PROPERTY);
        List<Path> commands = parsePath(path == null || path.isBlank() ? DEFAULT_PATH : path);
        if (root != null && !root.isBlank()) {
            return new SystemLayout(Path.of(root).toAbsolutePath().normalize(), commands, Optional.empty());
        }
        String storeRoot = (String) properties.get("cairn.store.root");
        String storeVariable = environment.get("CAIRN_STORE_ROOT");
        Optional<String> why = Optional.empty();
        if (storeRoot != null && !storeRoot.isBlank()) {
            why = Optional.of("Cairn keeps its stores under " + storeRoot + " (cairn.store.root) in this session, so it"
                    + " leaves the system's certificate files unchanged; start it without that setting to change them.");
        } else if (storeVariable != null && !storeVariable.isBlank()) {
            why = Optional.of("Cairn keeps its stores under " + storeVariable + " (CAIRN_STORE_ROOT) in this session, so it"
                    + " leaves the system's certificate files unchanged; start it without that variable to change them.");
        }
        return new SystemLayout(Path.of("/"), commands, why);
    }

    private static List<Path> parsePath(String path) {
        List<Path> dirs = new ArrayList<>();
        for (String part : path.split(":")) {
            if (!part.isBlank() && Path.of(part).isAbsolute()) {
                dirs.add(Path.of(part));
            }
        }
        return dirs;
    }

    /**
     * @param absolute an absolute path as the system names it, for example {@code /etc/ssl/certs}
     * @return where it is under {@link #root()}
     */
    public Path resolve(String absolute) {
        if (!absolute.startsWith("/")) {
            throw new IllegalArgumentException("not absolute: " + absolute);
        }
        return root.resolve(absolute.substring(1));
    }

    /**
     * @param name a command name
     * @return the first executable of that name on {@link #commandPath()}
     */
    public Optional<Path> command(String name) {
        for (Path dir : commandPath) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** @return the command path as a {@code PATH} value, for the commands' own children */
    public String pathVariable() {
        return String.join(":", commandPath.stream().map(Path::toString).toList());
    }
}
