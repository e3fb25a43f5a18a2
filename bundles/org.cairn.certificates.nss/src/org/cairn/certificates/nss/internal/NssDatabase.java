package org.cairn.certificates.nss.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One NSS database of the user, as a physical store.
 *
 * @param name      the physical store's name, for example {@code NSS: Chrome and system} or
 *                  {@code Firefox: default-release}
 * @param directory the database directory (holding {@code cert9.db} and {@code key4.db})
 * @param program   the program that uses it, for messages ({@code Firefox}, {@code Chrome and other programs})
 * @param lockFile  the file a running program holds while it has the database open, if that program has one
 *                  (Firefox and Thunderbird profiles: {@code lock})
 */
public record NssDatabase(String name, Path directory, String program, Path lockFile) {

    public NssDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(program, "program");
    }

    /** @return the location as NSS tools take it ({@code sql:DIR}) */
    public String location() {
        return "sql:" + directory;
    }
}
