package org.cairn.certificates.nss.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * Whether a running program holds the database, as Firefox and Thunderbird show it: the profile's {@code lock}
     * (a symbolic link to {@code ADDRESS:+PID}, whose process is alive) or the {@code .parentlock} file locked by
     * another process. Such a program caches the database and writes it back: a change made meanwhile may be lost
     * or corrupt it, so Cairn refuses to write.
     *
     * @return the reason, when it is held
     */
    public Optional<String> heldBy() {
        if (lockFile == null) {
            return Optional.empty();
        }
        if (Files.isSymbolicLink(lockFile)) {
            try {
                String target = Files.readSymbolicLink(lockFile).toString();
                int plus = target.lastIndexOf(":+");
                long pid = plus < 0 ? -1 : Long.parseLong(target.substring(plus + 2));
                if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return Optional.of(held("process " + pid));
                }
            } catch (IOException | NumberFormatException e) {
                // an unreadable lock is not proof of a running program; .parentlock decides
            }
        }
        Path parent = lockFile.resolveSibling(".parentlock");
        if (Files.isRegularFile(parent)) {
            try (FileChannel channel = FileChannel.open(parent, StandardOpenOption.READ)) {
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
                if (lock == null) {
                    return Optional.of(held("another process"));
                }
                lock.release();
            } catch (OverlappingFileLockException e) {
                return Optional.of(held("this process"));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String held(String who) {
        return program + " is running with this profile (" + who + " holds " + lockFile.getParent() + "): it keeps the "
                + "database " + name + " open and would overwrite or corrupt a change. Close " + program
                + " and try again.";
    }
}
