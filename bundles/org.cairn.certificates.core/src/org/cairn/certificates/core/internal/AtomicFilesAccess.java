package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/** Lets the public {@link org.cairn.certificates.core.spi.FileWrites} reach the package-private writer. */
public final class AtomicFilesAccess {

    private AtomicFilesAccess() {
    }

    /** @see AtomicFiles#replaceInPlace */
    public static void replaceInPlace(Path target, byte[] data, Set<PosixFilePermission> permissions,
            Optional<GroupPrincipal> group) throws IOException {
        AtomicFiles.replaceInPlace(target, data, permissions, group);
    }

    /** @see AtomicFiles#fsyncDirectory */
    public static void fsyncDirectory(Path dir) throws IOException {
        AtomicFiles.fsyncDirectory(dir);
    }
}
