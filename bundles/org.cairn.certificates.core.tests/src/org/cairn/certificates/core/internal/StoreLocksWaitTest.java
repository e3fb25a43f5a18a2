package org.cairn.certificates.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wait notice of {@link StoreLocks}: told once, while waiting, with the lock file and the holder. */
class StoreLocksWaitTest {

    @Test
    void aLongWaitIsReportedWhileItLasts(@TempDir Path tmp) throws Exception {
        Path lockFile = tmp.resolve("lock");
        List<String> told = new CopyOnWriteArrayList<>();
        StoreLocks locks = new StoreLocks(Duration.ofSeconds(4), told::add);
        // a lock of this JVM through another channel stands for another program (OverlappingFileLockException path)
        try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = other.lock()) {
            Thread waiter = new Thread(() -> {
                try {
                    locks.acquire(lockFile, "the test stores").close();
                } catch (IOException e) {
                    told.add("FAILED " + e.getMessage());
                }
            });
            waiter.start();
            Thread.sleep(StoreLocks.NOTICE.toMillis() + 1_000);
            assertEquals(1, told.size(), "told once while waiting: " + told);
            String notice = told.get(0);
            assertTrue(notice.startsWith("Waiting for the lock of the test stores: process " + ProcessHandle.current().pid()),
                    notice);
            assertTrue(notice.contains(lockFile.toString()) && notice.contains("up to 4 s"), notice);
            held.release();
            waiter.join(10_000);
            assertEquals(1, told.size(), "taken once free: " + told);
        }
        assertTrue(Files.exists(lockFile));
    }

    @Test
    void holderIsNamedFromProcLocks(@TempDir Path tmp) throws Exception {
        Path lockFile = tmp.resolve("lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            assertTrue(StoreLocks.holder(lockFile).startsWith("process " + ProcessHandle.current().pid()), StoreLocks.holder(lockFile));
        }
        assertEquals("another program", StoreLocks.holder(lockFile));
        assertThrows(IllegalStateException.class, () -> {
            StoreLocks locks = new StoreLocks(Duration.ofSeconds(1), s -> { });
            try (StoreLocks.Held first = locks.acquire(lockFile, "x")) {
                locks.acquire(lockFile, "x");
            }
        });
    }
}
