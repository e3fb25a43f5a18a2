package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.Identity;

/**
 * Whether an account may read a file, by the file's owner, group and mode and those of the directories above it, as
 * the kernel decides it (ACLs aside): the reason a key file's private key is or is not accessible, in words an
 * administrator acts on. The account's groups come from the system's {@code /etc/passwd} and {@code /etc/group}
 * (the real ones: the identity is the real system's account, wherever the service files are laid out).
 */
final class FileAccess {

    /** The account databases are read up to this size. */
    private static final long MAX_ACCOUNT_FILE = 4L * 1024 * 1024;

    private final Identity identity;
    private final Path passwd;
    private final Path group;

    FileAccess(Identity identity) {
        this(identity, Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    FileAccess(Identity identity, Path passwd, Path group) {
        this.identity = identity;
        this.passwd = passwd;
        this.group = group;
    }

    /** A file's owner, group and mode, for messages. */
    record Owner(int uid, int gid, int mode, String user, String group) {
        String describe() {
            return "owner " + user + ", group " + group + ", mode " + String.format("%04o", mode & 07777);
        }
    }

    static Owner owner(Path file) throws IOException {
        int uid = (Integer) Files.getAttribute(file, "unix:uid");
        int gid = (Integer) Files.getAttribute(file, "unix:gid");
        int mode = (Integer) Files.getAttribute(file, "unix:mode");
        String user = Files.getOwner(file).getName();
        String groupName = Files.readAttributes(file, java.nio.file.attribute.PosixFileAttributes.class).group().getName();
        return new Owner(uid, gid, mode, user, groupName);
    }

    /**
     * @param file      the file to read
     * @param stopAbove the directories above {@code file} are checked for search permission up to this one
     * @return empty when the account may read it; else why not (with owner, group and mode)
     */
    Optional<String> whyNotReadable(Path file, Path stopAbove) {
        if (identity.isRoot()) {
            return Optional.empty();
        }
        try {
            Set<Integer> groups = groups();
            for (Path dir = file.getParent(); dir != null && dir.startsWith(stopAbove); dir = dir.getParent()) {
                Owner d = owner(dir);
                if (!allowed(d, groups, 1)) {
                    return Optional.of("the folder " + dir + " (" + d.describe() + ") does not let " + identity.userName()
                            + " reach the files in it" + hint(d, 1));
                }
            }
            Owner f = owner(file);
            if (!allowed(f, groups, 4)) {
                return Optional.of("the file " + file + " (" + f.describe() + ") cannot be read by " + identity.userName()
                        + hint(f, 4));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("the file " + file + " cannot be examined: " + e.getMessage());
        }
    }

    /** @param bit the permission the group has and the account lacks: 4 read, 1 search */
    private String hint(Owner o, int bit) {
        if ((o.mode() & (bit << 3)) != 0 && o.gid() != 0) {
            return "; run Cairn as root, or add " + identity.userName() + " to the group " + o.group() + ".";
        }
        return "; run Cairn as root.";
    }

    /** @param bit 4 read, 1 search */
    private boolean allowed(Owner o, Set<Integer> groups, int bit) {
        if (o.uid() == identity.uid()) {
            return (o.mode() & (bit << 6)) != 0;
        }
        if (groups.contains(o.gid())) {
            return (o.mode() & (bit << 3)) != 0;
        }
        return (o.mode() & bit) != 0;
    }

    /** The account's primary group and the groups that list it as a member. */
    private Set<Integer> groups() throws IOException {
        Set<Integer> groups = new HashSet<>();
        for (String line : lines(passwd)) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && f[0].equals(identity.userName()) && f[2].equals(Integer.toString(identity.uid()))) {
                groups.add(Integer.parseInt(f[3]));
            }
        }
        for (String line : lines(group)) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && Set.of(f[3].split(",")).contains(identity.userName())) {
                try {
                    groups.add(Integer.parseInt(f[2]));
                } catch (NumberFormatException e) {
                    // a damaged line grants nothing
                }
            }
        }
        return groups;
    }

    private static java.util.List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return java.util.List.of();
        }
        if (Files.size(file) > MAX_ACCOUNT_FILE) {
            throw new IOException(file + " is larger than " + MAX_ACCOUNT_FILE + " bytes");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
