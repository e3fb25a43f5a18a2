package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive store locks: a JVM-local lock (threads of this process) and an OS file lock on the store's lock file
 * (other processes, such as the console and the command line at once). The OS releases a file lock when its
 * process dies, so a killed writer never leaves a store locked.
 */
final class StoreLocks {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ConcurrentHashMap<Path, ReentrantLock> local = new ConcurrentHashMap<>();

    /** A held lock; close to release. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    /**
     * @param lockFile the lock file (created when missing)
     * @return the held lock
     * @throws IOException when the lock file cannot be opened, or another program holds the lock for too long
     */
    Held acquire(Path lockFile) throws IOException {
        ReentrantLock mine = local.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        if (mine.isHeldByCurrentThread()) {
            // a second channel on the same file would make the OS lock fail: this is a programming error
            throw new IllegalStateException("store lock " + lockFile + " is not re-entrant");
        }
        mine.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(AtomicFiles.PUBLIC_FILE));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long pause = 1;
            while (true) {
                FileLock lock = null;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // another CertificateStoreService in this JVM holds it: wait like for another process
                }
                if (lock != null) {
                    return new Held(mine, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("The store is locked by another program (lock file " + lockFile
                            + ") for more than " + TIMEOUT.toSeconds() + " s. Close other Cairn windows or commands and try again.");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the store lock " + lockFile, e);
                }
                pause = Math.min(pause * 2, 20);
            }
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            mine.unlock();
            throw e;
        }
    }
}
