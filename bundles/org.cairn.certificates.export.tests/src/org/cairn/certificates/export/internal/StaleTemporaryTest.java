package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files of an export do not outlive it: they carry the writing process's pid, and the next export to the
 * folder removes those whose process was killed (a real child process, SIGKILLed here), and nothing else.
 */
class StaleTemporaryTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final ExportLog log = new ExportLog() {
        @Override
        public void info(String message) {
            logged.add(message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            logged.add("WARN " + message);
        }
    };

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theTemporaryFileNamesItsProcessAndIsOwnerOnlyForAKey(@TempDir Path folder) throws Exception {
        List<String> seen = new ArrayList<>();
        FileOutput looking = new FileOutput() {
            @Override
            public void write(FileChannel channel, ByteBuffer data) throws IOException {
                for (String name : names(folder)) {
                    seen.add(name + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))));
                }
                FileOutput.DIRECT.write(channel, data);
            }

            @Override
            public void sync(FileChannel channel) throws IOException {
                FileOutput.DIRECT.sync(channel);
            }
        };
        new AtomicFileWriter(looking, log).write(folder.resolve("key.pfx"), new byte[] { 1, 2, 3 }, true, false, f -> { });
        assertEquals(1, seen.size(), seen.toString());
        String[] temp = seen.get(0).split(" ");
        var m = AtomicFileWriter.TEMPORARY.matcher(temp[0]);
        assertTrue(m.matches() && temp[0].startsWith(".key.pfx.cairn-"), temp[0]);
        assertEquals(Long.toString(ProcessHandle.current().pid()), m.group(1));
        assertEquals("rw-------", temp[1]);
        assertEquals(List.of("key.pfx"), names(folder), "only the export remains");
    }

    @Test
    void theNextExportRemovesWhatAKilledExportLeftAndNothingElse(@TempDir Path folder, @TempDir Path elsewhere) throws Exception {
        // a process that dies by SIGKILL, as an export killed between writing and renaming does
        Process killed = new ProcessBuilder("sleep", "600").start();
        long deadPid = killed.pid();
        Path orphan = folder.resolve(".backup.pfx.cairn-" + deadPid + "-k3y.tmp");
        Files.write(orphan, "PRIVATE KEY BYTES".getBytes());
        killed.destroyForcibly();
        killed.waitFor();

        Path running = folder.resolve(".other.pfx.cairn-" + ProcessHandle.current().pid() + "-live.tmp");
        Files.write(running, new byte[] { 7 });
        Path outside = elsewhere.resolve("precious");
        Files.write(outside, new byte[] { 42 });
        Path link = folder.resolve(".link.pfx.cairn-" + deadPid + "-l1nk.tmp");
        Files.createSymbolicLink(link, outside);
        Path unrelated = folder.resolve(".notes.tmp");
        Files.write(unrelated, new byte[] { 1 });
        Path oldLegacy = folder.resolve(".old.pfx.8723649872364.tmp");
        Files.write(oldLegacy, new byte[] { 2 });
        Files.setLastModifiedTime(oldLegacy, FileTime.from(Instant.now().minus(AtomicFileWriter.LEGACY_AGE).minusSeconds(60)));
        Path freshLegacy = folder.resolve(".fresh.pfx.9872364987234.tmp");
        Files.write(freshLegacy, new byte[] { 3 });

        new AtomicFileWriter(FileOutput.DIRECT, log).write(folder.resolve("next.cer"), new byte[] { 9 }, false, false, f -> { });

        assertFalse(Files.exists(orphan), "the killed export's temporary file is gone");
        assertFalse(Files.exists(oldLegacy), "an hour-old temporary file of an earlier version is gone");
        assertTrue(Files.exists(running), "a running export's file stays");
        assertTrue(Files.isSymbolicLink(link), "a link is never followed nor removed");
        assertArrayEquals(new byte[] { 42 }, Files.readAllBytes(outside), "nothing written through the link");
        assertTrue(Files.exists(unrelated) && Files.exists(freshLegacy), "other names and recent files stay");
        assertTrue(logged.stream().anyMatch(l -> l.contains(orphan.toString())), logged.toString());
    }

    @Test
    void anotherAccountsTemporaryFileIsLeftAlone(@TempDir Path folder) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.cairn.certificates.core.Identity.current().isRoot(),
                "needs root to give a file to another account");
        Process killed = new ProcessBuilder("sleep", "600").start();
        Path theirs = folder.resolve(".theirs.pfx.cairn-" + killed.pid() + "-abc.tmp");
        Files.write(theirs, new byte[] { 5 });
        Files.setAttribute(theirs, "unix:uid", 65534);
        killed.destroyForcibly();
        killed.waitFor();
        new AtomicFileWriter(FileOutput.DIRECT, log).write(folder.resolve("mine.cer"), new byte[] { 9 }, false, false, f -> { });
        assertTrue(Files.exists(theirs));
    }
}
