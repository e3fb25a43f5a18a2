package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Exclusive store locks: a JVM-local lock (threads of this process) and an OS file lock on the store's lock file
 * (other processes, such as the console and the command line at once). The OS releases a file lock when its
 * process dies, so a killed writer never leaves a store locked.
 *
 * <p>The lock file is readable and writable by its owner only (0600). A file lock needs an open file, so an account
 * that cannot open the file cannot take even a shared lock on it and hold the owner's changes up; lock files that an
 * earlier version made world-readable are narrowed when their owner next takes the lock. A wait is never silent: after
 * {@link #NOTICE} the waiter is told which lock it waits for and which process holds it (from {@code /proc/locks}),
 * and after the timeout the refusal says the same.</p>
 */
final class StoreLocks {

    /** How long a wait goes unreported: longer than any ordinary change takes. */
    static final Duration NOTICE = Duration.ofSeconds(2);

    private final Duration timeout;
    private final Consumer<String> onWait;
    private final ConcurrentHashMap<Path, ReentrantLock> local = new ConcurrentHashMap<>();

    /**
     * @param timeout how long to wait for another program's lock before giving up
     * @param onWait  told, once per wait that lasts longer than {@link #NOTICE}, what the wait is for
     */
    StoreLocks(Duration timeout, Consumer<String> onWait) {
        this.timeout = timeout;
        this.onWait = onWait;
    }

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
     * @param lockFile the lock file (created 0600 when missing)
     * @param what     what the lock protects, for messages ("the certificate stores of the computer")
     * @return the held lock
     * @throws IOException when the lock file cannot be opened (an account without the right to change the stores),
     *                     or another program holds the lock for longer than the timeout (the message names it)
     */
    Held acquire(Path lockFile, String what) throws IOException {
        ReentrantLock mine = local.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        if (mine.isHeldByCurrentThread()) {
            // a second channel on the same file would make the OS lock fail: this is a programming error
            throw new IllegalStateException("store lock " + lockFile + " is not re-entrant");
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean told = false;
        try {
            if (!mine.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new IOException("Another task of this program has held the lock of " + what + " (" + lockFile
                        + ") for more than " + timeout.toSeconds() + " s. Wait for it to finish and try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the lock of " + what + " (" + lockFile + ")", e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(AtomicFiles.OWNER_ONLY_FILE));
            narrow(lockFile);
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
                long now = System.nanoTime();
                if (now > deadline) {
                    throw new IOException("Gave up waiting for the lock of " + what + " after " + timeout.toSeconds()
                            + " s: " + holder(lockFile) + " holds " + lockFile + ". Close that program, or wait for it"
                            + " to finish, and try again. Nothing was changed.");
                }
                if (!told && now - start > NOTICE.toNanos()) {
                    told = true;
                    onWait.accept("Waiting for the lock of " + what + ": " + holder(lockFile) + " holds " + lockFile
                            + ". Waiting up to " + timeout.toSeconds() + " s.");
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while waiting for the lock of " + what + " (" + lockFile + ")", e);
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

    /** Takes read access from others on a lock file an earlier version created world-readable (owner only may). */
    private static void narrow(Path lockFile) {
        try {
            if (!Files.getPosixFilePermissions(lockFile, LinkOption.NOFOLLOW_LINKS).equals(AtomicFiles.OWNER_ONLY_FILE)) {
                Files.setPosixFilePermissions(lockFile, AtomicFiles.OWNER_ONLY_FILE);
            }
        } catch (IOException e) {
            // not the owner (root using an account's store): the owner narrows it
        }
    }

    /**
     * @return "process 1234 (java)" for the process holding a lock on the file, as {@code /proc/locks} tells, or
     *         "another program" where it does not
     */
    static String holder(Path lockFile) {
        try {
            long inode = ((Number) Files.getAttribute(lockFile, "unix:ino", LinkOption.NOFOLLOW_LINKS)).longValue();
            long dev = ((Number) Files.getAttribute(lockFile, "unix:dev", LinkOption.NOFOLLOW_LINKS)).longValue();
            // glibc's gnu_dev_major/minor; /proc/locks prints "MAJOR:MINOR:INODE" with major and minor in hex
            long major = ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
            long minor = (dev & 0xff) | ((dev >>> 12) & ~0xffL);
            String id = String.format("%02x:%02x:%d", major, minor, inode);
            List<String> lines = Files.readAllLines(Path.of("/proc/locks"));
            for (String line : lines) {
                String[] f = line.trim().split("\\s+");
                // "1: POSIX  ADVISORY  WRITE 1234 fd:00:5678 0 EOF"; waiters have a "->" field after the number
                int i = f.length > 1 && f[1].equals("->") ? 2 : 1;
                if (f.length >= i + 5 && f[i + 4].equals(id)) {
                    long pid = Long.parseLong(f[i + 3]);
                    if (f[1].equals("->")) {
                        continue;
                    }
                    Optional<String> name = ProcessHandle.of(pid).flatMap(h -> h.info().command())
                            .map(c -> Path.of(c).getFileName().toString());
                    return "process " + pid + name.map(n -> " (" + n + ")").orElse("")
                            + (f[i + 2].equals("READ") ? " (a shared lock)" : "");
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc, or a format this does not know: say less
        }
        return "another program";
    }
}
