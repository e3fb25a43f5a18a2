package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Crash-safe file operations: data is written to a new file, forced to disk, and moved into place with an atomic
 * rename, after which the directory is forced too, so that after a crash a name refers either to the old content
 * or to the complete new one, never to a partial file.
 */
final class AtomicFiles {

    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> PUBLIC_DIR = PosixFilePermissions.fromString("rwxr-xr-x");

    private AtomicFiles() {
    }

    /** Creates {@code file} (which must not exist) with the given permissions from the start, writes, forces. */
    static void writeNew(Path file, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(permissions);
        try (FileChannel ch = FileChannel.open(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attr)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        // the umask may have taken bits away; it cannot have added any
        Files.setPosixFilePermissions(file, permissions);
    }

    /** Replaces {@code target} atomically: temporary file in {@code tmpDir} (same file system), fsync, rename, fsync. */
    static void replace(Path target, byte[] data, Set<PosixFilePermission> permissions, Path tmpDir) throws IOException {
        Path tmp = tmpDir.resolve("f-" + Long.toUnsignedString(System.nanoTime(), 36) + "-" + ProcessHandle.current().pid()
                + "-" + target.getFileName());
        try {
            writeNew(tmp, data, permissions);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        fsyncDirectory(target.getParent());
    }

    /**
     * Replaces {@code target} atomically with a temporary file in its own directory whose name ({@code .cairn-*.tmp})
     * no directory scanner takes for a certificate or key (update-ca-certificates reads {@code *.crt}); the group,
     * when given, is set before the rename so the file never appears with the wrong group.
     */
    static void replaceInPlace(Path target, byte[] data, Set<PosixFilePermission> permissions,
            java.util.Optional<java.nio.file.attribute.GroupPrincipal> group) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = dir.resolve(".cairn-" + Long.toUnsignedString(System.nanoTime(), 36) + "-" + ProcessHandle.current().pid()
                + ".tmp");
        try {
            writeNew(tmp, data, permissions);
            if (group.isPresent()) {
                Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(group.get());
                // changing the group can clear set-id bits only; set the mode again to be exact
                Files.setPosixFilePermissions(tmp, permissions);
            }
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
        fsyncDirectory(dir);
    }

    /** Atomic rename; fails rather than copy when the file system cannot rename atomically. */
    static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The file system of " + to + " cannot rename atomically; the store needs a local POSIX file system.", e);
        }
    }

    /** Forces a directory's entries (names) to disk, so a rename or delete inside it survives a crash. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /** Creates a directory (and missing parents) with the given permissions on the ones it creates. */
    static void createDirectories(Path dir, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectories(parent, permissions);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(permissions));
            Files.setPosixFilePermissions(dir, permissions);
            if (parent != null) {
                fsyncDirectory(parent);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Deletes a file tree that is no longer reachable under a live name (temporary or trash). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            }
        }
        try {
            Files.delete(root);
        } catch (NoSuchFileException e) {
            // already gone: another cleaner got there first
        }
    }

    /** Overwrites a file's bytes with zeros and forces them, before it is unlinked (best effort on SSD/CoW). */
    static void shred(Path file) throws IOException {
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 8192));
            long written = 0;
            while (written < size) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - written));
                written += ch.write(zeros, written);
            }
            ch.force(true);
        }
    }
}
