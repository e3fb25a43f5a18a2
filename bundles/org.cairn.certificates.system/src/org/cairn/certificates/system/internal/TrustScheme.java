package org.cairn.certificates.system.internal;

import java.nio.file.Files;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a distribution keeps the computer's own trust anchors: the directory an administrator puts roots in, the
 * blocklist (distrusted certificates) where the scheme has one, the command that rebuilds the extracted trust
 * (openssl's hashed directory, the PEM bundle, Java's cacerts) and the bundle it writes, by which the result is
 * checked.
 *
 * @param id              a short name: {@code debian}, {@code fedora}, {@code arch}, {@code opensuse}
 * @param description     the distributions that use it, for messages
 * @param anchors         the local anchors directory (absolute, as the system names it)
 * @param blocklist       the blocklist directory, where the scheme has one
 * @param command         the update command's name
 * @param updateArgs      its arguments after an addition
 * @param cleanupRuns     the runs after a removal, each its arguments (Debian: {@code --fresh}, which drops the hash
 *                        link a plain run leaves dangling)
 * @param extension       the file name extension the update command reads ({@code .crt} on Debian)
 * @param extractedBundle the PEM bundle the update writes (absolute)
 */
public record TrustScheme(String id, String description, String anchors, Optional<String> blocklist, String command,
        List<String> updateArgs, List<List<String>> cleanupRuns, String extension, String extractedBundle) {

    public TrustScheme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(blocklist, "blocklist");
        updateArgs = List.copyOf(updateArgs);
        cleanupRuns = cleanupRuns.stream().map(List::copyOf).toList();
    }

    /** Debian, Ubuntu, Alpine: update-ca-certificates reads {@code *.crt} below the local directory. */
    public static final TrustScheme DEBIAN = new TrustScheme("debian", "Debian, Ubuntu or Alpine",
            "/usr/local/share/ca-certificates", Optional.empty(), "update-ca-certificates", List.of(), List.of(List.of("--fresh")),
            ".crt", "/etc/ssl/certs/ca-certificates.crt");
    /** Fedora, RHEL, CentOS: p11-kit's source directories and update-ca-trust. */
    public static final TrustScheme FEDORA = new TrustScheme("fedora", "Fedora, RHEL or CentOS",
            "/etc/pki/ca-trust/source/anchors", Optional.of("/etc/pki/ca-trust/source/blocklist"), "update-ca-trust",
            List.of("extract"), List.of(List.of("extract")), ".pem", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem");
    /** Arch Linux: p11-kit's source directories under /etc/ca-certificates and update-ca-trust. */
    public static final TrustScheme ARCH = new TrustScheme("arch", "Arch Linux",
            "/etc/ca-certificates/trust-source/anchors", Optional.of("/etc/ca-certificates/trust-source/blocklist"),
            "update-ca-trust", List.of("extract"), List.of(List.of("extract")), ".pem",
            "/etc/ca-certificates/extracted/tls-ca-bundle.pem");
    /** openSUSE, SLES: /etc/pki/trust and update-ca-certificates (p11-kit based). */
    public static final TrustScheme OPENSUSE = new TrustScheme("opensuse", "openSUSE or SLES", "/etc/pki/trust/anchors",
            Optional.of("/etc/pki/trust/blacklist"), "update-ca-certificates", List.of(), List.of(List.of()), ".pem",
            "/var/lib/ca-certificates/ca-bundle.pem");

    /** In detection order: the p11-kit layouts first, as their directories are unambiguous. */
    public static final List<TrustScheme> KNOWN = List.of(FEDORA, ARCH, OPENSUSE, DEBIAN);

    /**
     * What detection found.
     *
     * @param scheme       the scheme whose directories exist, if any
     * @param command      its update command, when installed
     * @param whyReadOnly  empty when the anchors can be changed through the scheme; else why not
     */
    public record Detection(Optional<TrustScheme> scheme, Optional<java.nio.file.Path> command, Optional<String> whyReadOnly) {
    }

    /**
     * Detects the scheme by which directories exist under the layout's root, then looks for its command.
     *
     * @param layout the system layout
     * @return the detection, with the reason when the anchors are read-only
     */
    public static Detection detect(SystemLayout layout) {
        for (TrustScheme scheme : KNOWN) {
            if (!Files.isDirectory(layout.resolve(scheme.anchors()))) {
                continue;
            }
            Optional<java.nio.file.Path> command = layout.command(scheme.command());
            if (command.isEmpty()) {
                return new Detection(Optional.of(scheme), command, Optional.of("The " + scheme.description()
                        + " trust anchors in " + scheme.anchors() + " cannot be changed: the update command "
                        + scheme.command() + " is not installed (searched " + layout.pathVariable()
                        + "); without it the system would not use a new anchor. Install the ca-certificates package."));
            }
            return new Detection(Optional.of(scheme), command, layout.whyNoChanges());
        }
        StringBuilder dirs = new StringBuilder();
        for (TrustScheme scheme : KNOWN) {
            dirs.append(dirs.isEmpty() ? "" : ", ").append(scheme.anchors());
        }
        return new Detection(Optional.empty(), Optional.empty(), Optional.of("This system keeps its trust anchors in no"
                + " place Cairn knows (none of " + dirs + " exists), so they are shown read-only."));
    }
}
