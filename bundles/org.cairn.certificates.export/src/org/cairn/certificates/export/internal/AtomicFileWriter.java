package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.DirectoryStream;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cairn.certificates.core.Identity;

import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;

/**
 * Writes a file so that the target either keeps its old state or has the complete new content, never a part:
 * a temporary file in the target's folder, created owner-only (0600) when it will hold a private key, else
 * 0644; the data written and synced; a check of the temporary file (the export's read-back verification);
 * then an atomic rename onto the target and a sync of the folder. Any failure removes the temporary file.
 *
 * <p>Without overwrite, the final step is a hard link, which fails atomically when the target exists (even if
 * another program created it meanwhile); on file systems without hard links, a check and a rename.</p>
 *
 * <p>A process killed before the rename leaves its temporary file, complete and possibly holding a key. The name
 * says whose it is: {@code .NAME.cairn-PID-RANDOM.tmp}. Every export first removes, from its target folder, such
 * files of this account whose process is gone (or whose pid now belongs to a process started after the file was
 * written), after overwriting their bytes; it never follows a symbolic link and leaves other accounts' files and
 * any other name alone. Files an earlier version left ({@code .NAME.DIGITS.tmp}, no pid) are removed only when
 * older than {@link #LEGACY_AGE}, since no export takes that long.</p>
 */
final class AtomicFileWriter {

    /** Checks the complete, synced temporary file before it takes the target's name. */
    @FunctionalInterface
    interface Check {
        /**
         * @param written the temporary file
         * @throws ExportException when the file is not as intended
         */
        void check(Path written) throws ExportException;
    }

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    /** The temporary name: a dot, the target's name, {@code .cairn-}, the writing process's pid, random, {@code .tmp}. */
    static final Pattern TEMPORARY = Pattern.compile("\\..+\\.cairn-([0-9]{1,10})-[0-9a-z]{1,16}\\.tmp");
    /** What earlier versions named them ({@code Files.createTempFile}): no pid, so only an age tells they are stale. */
    private static final Pattern LEGACY = Pattern.compile("\\..+\\.[0-9]{1,20}\\.tmp");
    static final Duration LEGACY_AGE = Duration.ofHours(1);

    private final FileOutput output;
    private final ExportLog log;

    /**
     * @param output how bytes reach the disk (a seam for tests)
     * @param log    where to report problems that happen after the file is in place
     */
    AtomicFileWriter(FileOutput output, ExportLog log) {
        this.output = Objects.requireNonNull(output, "output");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * @param target        the file to create or replace
     * @param data          its complete content (cleared here after writing when {@code privateContent})
     * @param privateContent whether it holds a private key: owner-only permissions
     * @param overwrite     whether an existing target may be replaced
     * @param check         run on the synced temporary file before it is renamed
     * @return the absolute target
     * @throws ExportException TARGET_EXISTS, TARGET_NOT_WRITABLE, WRITE_FAILED or what {@code check} throws;
     *                         the target is then untouched and no temporary file remains
     */
    Path write(Path target, byte[] data, boolean privateContent, boolean overwrite, Check check)
            throws ExportException {
        Path file = precheck(target, overwrite);
        Path folder = file.getParent();

        removeStaleTemporaries(folder);
        Path temp;
        try {
            temp = createTemporary(folder, file.getFileName().toString(), privateContent);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            throw notWritable(folder, e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                output.write(channel, ByteBuffer.wrap(data));
                output.sync(channel);
            } catch (IOException e) {
                throw new ExportException(Reason.WRITE_FAILED, "Writing " + file + " failed: " + describe(e)
                        + ". Nothing was written; free some space or choose another location, then export again.", e);
            } finally {
                if (privateContent) {
                    Arrays.fill(data, (byte) 0);
                }
            }
            check.check(temp);
            publish(temp, file, overwrite);
        } catch (ExportException | RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
        syncFolder(folder);
        return file;
    }

    /**
     * The checks {@link #write} starts with, for callers that want to refuse early, before expensive work. The
     * final word is {@link #write}'s, which also holds if the target appears in between.
     *
     * @param target    the file to create or replace
     * @param overwrite whether an existing target may be replaced
     * @return the absolute target
     * @throws ExportException INVALID_REQUEST, TARGET_EXISTS or TARGET_NOT_WRITABLE
     */
    static Path precheck(Path target, boolean overwrite) throws ExportException {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || file.getFileName() == null) {
            throw new ExportException(Reason.INVALID_REQUEST, "'" + target + "' is not a file name. Choose a file to write.");
        }
        checkTarget(file, folder, overwrite);
        return file;
    }

    private static void checkTarget(Path file, Path folder, boolean overwrite) throws ExportException {
        if (!Files.isDirectory(folder)) {
            String what = Files.exists(folder, LinkOption.NOFOLLOW_LINKS) ? "is not a folder" : "does not exist";
            throw new ExportException(Reason.TARGET_NOT_WRITABLE, "Cannot write " + file + ": " + folder + " " + what
                    + ". Choose an existing folder.");
        }
        if (Files.isDirectory(file)) {
            throw new ExportException(Reason.TARGET_NOT_WRITABLE, "Cannot write " + file
                    + ": it is a folder. Choose a file name.");
        }
        if (!overwrite && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            throw targetExists(file);
        }
    }

    private void publish(Path temp, Path file, boolean overwrite) throws ExportException {
        try {
            if (overwrite) {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
            try {
                Files.createLink(file, temp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    throw e;
                }
                // no hard links here (for example FAT or some network file systems): check, then rename
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new FileAlreadyExistsException(file.toString());
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
        } catch (FileAlreadyExistsException e) {
            throw targetExists(file);
        } catch (IOException e) {
            throw new ExportException(Reason.WRITE_FAILED, "Cannot give the written file its name " + file + ": "
                    + describe(e) + ". Nothing was written; check the folder's permissions and export again.", e);
        }
        // the target is linked; the temporary name is now only a second name of the same file
        try {
            Files.delete(temp);
        } catch (IOException e) {
            log.warn("The export " + file + " is complete, but its temporary name " + temp
                    + " could not be removed: " + describe(e) + ". Delete it by hand.", e);
        }
    }

    private static Path createTemporary(Path folder, String name, boolean privateContent) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0;; attempt++) {
            Path temp = folder.resolve("." + name + ".cairn-" + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(random.nextLong() >>> 1, 36) + ".tmp");
            try {
                return Files.createFile(temp, PosixFilePermissions.asFileAttribute(privateContent ? PRIVATE : PUBLIC));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /**
     * Removes what exports killed before their rename left in this folder (see the class comment). Best effort: an
     * export never fails because an old temporary file could not be removed.
     */
    void removeStaleTemporaries(Path folder) {
        int uid;
        try {
            uid = Identity.current().uid();
        } catch (IllegalStateException e) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder, ".*.tmp")) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                Matcher ours = TEMPORARY.matcher(name);
                boolean legacy = !ours.matches() && LEGACY.matcher(name).matches();
                if (!ours.matches() && !legacy) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (!attributes.isRegularFile()
                        || ((Number) Files.getAttribute(child, "unix:uid", LinkOption.NOFOLLOW_LINKS)).intValue() != uid) {
                    continue;
                }
                Instant written = attributes.lastModifiedTime().toInstant();
                boolean stale = legacy ? written.isBefore(Instant.now().minus(LEGACY_AGE))
                        : !alive(Long.parseLong(ours.group(1)), written);
                if (stale) {
                    shredAndDelete(child);
                    log.info("Removed " + child + ", the temporary file of an export that was stopped before it finished.");
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look for temporary files of stopped exports in " + folder + ": " + describe(e), e);
        }
    }

    /** @return whether the process is running and was started before the file was last written (so it is its) */
    private static boolean alive(long pid, Instant written) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return false;
        }
        Optional<Instant> started = process.get().info().startInstant();
        // a pid reused by a process started later does not own the file; an unknown start time counts as alive
        return started.isEmpty() || !started.get().isAfter(written.plusSeconds(1));
    }

    private static void shredAndDelete(Path file) throws IOException {
        // opened without following links, so a link put in its place meanwhile is not written through
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(size, 8192));
            long done = 0;
            while (done < size) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - done));
                done += channel.write(zeros, done);
            }
            channel.force(true);
        }
        Files.deleteIfExists(file);
    }

    private void syncFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // the file itself is complete and synced; only the durability of its new name is in doubt
            log.warn("The folder " + folder + " could not be synced after the export: " + describe(e)
                    + ". A crash right now could lose the new file name.", e);
        }
    }

    private static ExportException targetExists(Path file) {
        return new ExportException(Reason.TARGET_EXISTS, file + " already exists. Choose another file name, or "
                + "confirm that it may be replaced.");
    }

    private static ExportException notWritable(Path folder, Exception e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException || e instanceof NotDirectoryException
                        ? "the file system does not allow new files there"
                        : describe(e);
        return new ExportException(Reason.TARGET_NOT_WRITABLE, "Cannot create a file in " + folder + ": " + why
                + ". Choose a folder you can write to.", e);
    }

    private static String describe(Exception e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.getMessage();
        return reason == null ? e.getClass().getSimpleName() : reason;
    }

    private static void deleteQuietly(Path temp, Throwable failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
