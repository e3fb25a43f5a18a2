package org.cairn.certificates.core.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Crash-safe file changes for providers that keep certificates and keys in files of other programs (trust anchor
 * directories, a service's PEM files): the same writer Cairn's own file store uses, so that after a crash a name
 * holds either the old content or the complete new one, never a partial file.
 *
 * @since 1.1
 */
public final class FileWrites {

    private FileWrites() {
    }

    /**
     * Writes {@code data} to {@code target}, replacing it atomically: a hidden temporary file in the same directory
     * ({@code .cairn-*.tmp}), created with {@code permissions} from the start, given {@code group}, forced to disk,
     * renamed over {@code target}; then the directory is forced.
     *
     * @param target      the file to write
     * @param data        its new content
     * @param permissions its mode
     * @param group       its group, or empty to keep the creating process's group
     * @throws IOException when writing fails; {@code target} is then unchanged
     */
    public static void replace(Path target, byte[] data, Set<PosixFilePermission> permissions,
            Optional<GroupPrincipal> group) throws IOException {
        org.cairn.certificates.core.internal.AtomicFilesAccess.replaceInPlace(target, data, permissions, group);
    }

    /**
     * Deletes a file and forces its directory, so the deletion survives a crash.
     *
     * @param file the file
     * @return whether it existed
     * @throws IOException when it cannot be deleted
     */
    public static boolean delete(Path file) throws IOException {
        boolean existed = Files.deleteIfExists(file);
        if (existed) {
            org.cairn.certificates.core.internal.AtomicFilesAccess.fsyncDirectory(file.toAbsolutePath().getParent());
        }
        return existed;
    }
}
