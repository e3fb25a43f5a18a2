package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.spi.FileWrites;

/**
 * The keystore files (Java's JKS and JCEKS, PKCS #12) an administrator registered for a service, kept in one small file
 * per service, {@code /etc/cairn/services/NAME.conf}, in the form of a systemd unit file:
 *
 * <pre>
 * # Keystores of the service tomcat (cairn cert add-physical-store --service tomcat FILE)
 * [Keystore]
 * Path=/opt/tomcat/conf/keystore.p12
 * PasswordFile=/etc/tomcat/keystore.pass
 * </pre>
 *
 * One {@code [Keystore]} section per file; {@code Path} is the keystore (absolute), {@code PasswordFile} (optional) a
 * file holding its password on its first line; without one, the password is asked (the store is locked until it is
 * given). The file is read as a unit file ({@link UnitFile}) and written whole, atomically.
 *
 * @param service the service's name
 * @param file    the configuration file (under the layout's root)
 * @param entries the registered keystores, in the file's order
 */
record ServiceKeystores(String service, Path file, List<Registered> entries) {

    /** The folder of the per-service files, as the system names it. */
    static final String DIR = "/etc/cairn/services";
    /** A configuration file larger than this is not read. */
    static final long MAX_BYTES = 64 * 1024;
    /** At most this many keystores per service. */
    static final int MAX_ENTRIES = 64;

    ServiceKeystores {
        entries = List.copyOf(entries);
    }

    /**
     * One registered keystore.
     *
     * @param path         the keystore file, absolute as the system names it
     * @param passwordFile the file holding its password, absolute as the system names it
     */
    record Registered(String path, Optional<String> passwordFile) {
    }

    /** @return the configuration file of {@code service} under {@code layout} */
    static Path fileOf(SystemLayout layout, String service) {
        return layout.resolve(DIR).resolve(service + ".conf");
    }

    /**
     * @param layout   where the system's files are
     * @param service  the service's name
     * @param problems receives what could not be read
     * @return the service's registrations (none when it has no file)
     */
    static ServiceKeystores read(SystemLayout layout, String service, List<String> problems) {
        Path file = fileOf(layout, service);
        List<Registered> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new ServiceKeystores(service, file, entries);
        }
        for (UnitFile.Section section : UnitFile.read(file, MAX_BYTES, "file", problems).map(UnitFile::sections)
                .orElse(List.of())) {
            if (!section.name().equals("Keystore")) {
                if (section.line() > 0) {
                    problems.add(file + ", line " + section.line() + ": unknown section [" + section.name()
                            + "]; only [Keystore] is read.");
                } else {
                    section.settings().forEach(s -> notUnderstood(file, s.line(), problems));
                    section.notUnderstood().forEach(n -> notUnderstood(file, n, problems));
                }
                continue;
            }
            section.notUnderstood().forEach(n -> notUnderstood(file, n, problems));
            String path = null;
            String password = null;
            for (UnitFile.Setting setting : section.settings()) {
                switch (setting.key()) {
                    case "Path" -> path = setting.value();
                    case "PasswordFile" -> password = setting.value().isEmpty() ? null : setting.value();
                    default -> problems.add(file + ", line " + setting.line() + ": unknown setting " + setting.key()
                            + " (Path and PasswordFile are read).");
                }
            }
            add(entries, path, password, file, problems);
        }
        if (entries.size() > MAX_ENTRIES) {
            problems.add(file + " registers more than " + MAX_ENTRIES + " keystores; only the first " + MAX_ENTRIES
                    + " are shown.");
            entries = entries.subList(0, MAX_ENTRIES);
        }
        return new ServiceKeystores(service, file, entries);
    }

    private static void notUnderstood(Path file, int line, List<String> problems) {
        problems.add(file + ", line " + line + ": not understood (write Key=value under [Keystore]).");
    }

    private static void add(List<Registered> entries, String path, String password, Path file, List<String> problems) {
        if (path == null) {
            return;
        }
        if (!path.startsWith("/") || (password != null && !password.startsWith("/"))) {
            problems.add(file + ": the keystore " + path + " is not named by absolute paths; it is not shown.");
            return;
        }
        entries.add(new Registered(path, Optional.ofNullable(password)));
    }

    /** @return the registration of the keystore at {@code path}, if registered */
    Optional<Registered> find(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** @return these registrations with {@code entry} added (or replacing the one of the same path) */
    ServiceKeystores with(Registered entry) {
        List<Registered> all = new ArrayList<>(entries.stream().filter(e -> !e.path().equals(entry.path())).toList());
        all.add(entry);
        return new ServiceKeystores(service, file, all);
    }

    /** @return these registrations without the one of {@code path} */
    ServiceKeystores without(String path) {
        return new ServiceKeystores(service, file, entries.stream().filter(e -> !e.path().equals(path)).toList());
    }

    /**
     * Writes the file whole, atomically (mode 0644: it names the password file, never a password); removes it when no
     * keystore is left.
     */
    void write() throws IOException {
        if (entries.isEmpty()) {
            FileWrites.delete(file);
            return;
        }
        StringBuilder text = new StringBuilder("# Keystores of the service ").append(service)
                .append(", shown in Certificates - Service (").append(service).append(") on Local Computer.\n")
                .append("# Written by cairn cert add-physical-store / remove-physical-store; one [Keystore] section per"
                        + " file.\n");
        for (Registered entry : entries) {
            text.append("\n[Keystore]\nPath=").append(entry.path()).append('\n');
            entry.passwordFile().ifPresent(p -> text.append("PasswordFile=").append(p).append('\n'));
        }
        Files.createDirectories(file.getParent());
        FileWrites.replace(file, text.toString().getBytes(StandardCharsets.UTF_8),
                PosixFilePermissions.fromString("rw-r--r--"), Optional.empty());
    }
}
