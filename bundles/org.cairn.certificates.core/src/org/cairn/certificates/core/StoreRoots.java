package org.cairn.certificates.core;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where each scope's stores live on disk.
 *
 * <p>Defaults (DESIGN.md): current user {@code $XDG_DATA_HOME/cairn/certificates} (or
 * {@code ~/.local/share/cairn/certificates}), computer {@code /var/lib/cairn/certificates}, service
 * {@code NAME} {@code /var/lib/cairn/services/NAME/certificates}. When the system property
 * {@value #ROOT_PROPERTY} or the environment variable {@value #ROOT_VARIABLE} is set, every scope lives
 * under it ({@code user/}, {@code computer/}, {@code services/NAME/}) so that tests and demos never touch
 * the real stores; the system property wins over the variable.</p>
 *
 * @param user        the current user's root
 * @param computer    the computer's root
 * @param servicesDir the directory holding one folder per service
 * @param serviceLeaf the path below {@code servicesDir/NAME} of a service's root: {@code certificates}
 *                    for the real layout, empty for the {@value #ROOT_VARIABLE} layout
 */
public record StoreRoots(Path user, Path computer, Path servicesDir, String serviceLeaf) {

    /** Environment variable that moves every scope under one directory. */
    public static final String ROOT_VARIABLE = "CAIRN_STORE_ROOT";
    /** System property that moves every scope under one directory (wins over the variable). */
    public static final String ROOT_PROPERTY = "cairn.store.root";

    public StoreRoots {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(computer, "computer");
        Objects.requireNonNull(servicesDir, "servicesDir");
        Objects.requireNonNull(serviceLeaf, "serviceLeaf");
    }

    /**
     * Every scope under one directory: {@code base/user}, {@code base/computer}, {@code base/services/NAME}.
     *
     * @param base the directory (need not exist yet)
     * @return the roots
     */
    public static StoreRoots under(Path base) {
        Path b = base.toAbsolutePath().normalize();
        return new StoreRoots(b.resolve("user"), b.resolve("computer"), b.resolve("services"), "");
    }

    /** @return the roots for this process: {@value #ROOT_PROPERTY}, {@value #ROOT_VARIABLE}, or the real defaults */
    public static StoreRoots fromEnvironment() {
        String property = System.getProperty(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return under(Path.of(property));
        }
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The roots that the given environment selects (testable without touching the process environment).
     *
     * @param environment variables, as {@link System#getenv()}
     * @param home        the user's home directory
     * @return the roots
     */
    public static StoreRoots fromEnvironment(Map<String, String> environment, Path home) {
        String root = environment.get(ROOT_VARIABLE);
        if (root != null && !root.isBlank()) {
            return under(Path.of(root));
        }
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : home.resolve(".local/share");
        return new StoreRoots(data.resolve("cairn/certificates"), Path.of("/var/lib/cairn/certificates"),
                Path.of("/var/lib/cairn/services"), "certificates");
    }

    /**
     * @param scope a scope
     * @return the directory that holds the scope's logical stores (one sub-directory per {@link LogicalStore})
     */
    public Path root(Scope scope) {
        return switch (scope) {
            case Scope.CurrentUser u -> user;
            case Scope.Computer c -> computer;
            case Scope.Service s -> serviceLeaf.isEmpty()
                    ? servicesDir.resolve(s.name()) : servicesDir.resolve(s.name()).resolve(serviceLeaf);
        };
    }
}
