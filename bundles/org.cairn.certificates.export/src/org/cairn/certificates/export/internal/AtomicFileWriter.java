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
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

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

        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".tmp",
                    PosixFilePermissions.asFileAttribute(privateContent ? PRIVATE : PUBLIC));
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
