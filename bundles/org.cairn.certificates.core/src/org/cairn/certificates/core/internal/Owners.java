package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Reads the numeric owner of files, for the rights check (root or the owning account). */
final class Owners {

    private Owners() {
    }

    /** @return the owner uid of {@code path} (not following a final symbolic link), or empty if it does not exist */
    static OptionalInt owner(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        Object uid = Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        return OptionalInt.of((Integer) uid);
    }

    /** @return the owner uid of {@code path} or of its nearest existing ancestor */
    static int ownerOfNearest(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        while (p != null) {
            OptionalInt owner = owner(p);
            if (owner.isPresent()) {
                return owner.getAsInt();
            }
            p = p.getParent();
        }
        throw new IOException("No part of " + path + " exists");
    }
}
