package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store lock: only the owner of the stores can open the lock file (so no other account can hold it and stall
 * the owner's changes), and a wait for it names the lock file and the process holding it.
 */
class StoreLockTest {

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void lockFilesAreTheOwnersAloneInEveryScope(@TempDir Path tmp) throws Exception {
        for (Scope scope : List.of(Scope.currentUser(), Scope.computer(), Scope.service("web"))) {
            CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(scope);
            store.add(LogicalStore.TRUSTED_PEOPLE, Fixtures.selfSigned("x").certificate(), Optional.empty(), EntryAttributes.defaults());
            Path root = Fixtures.service(tmp, Fixtures.owner()).roots().root(scope);
            assertEquals("rw-------", mode(root.resolve(".cairn/lock")), scope.displayName());
        }
    }

    @Test
    void aLockFileThatAnEarlierVersionMadeWorldReadableIsNarrowed(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.computer());
        Path lock = tmp.resolve("computer/.cairn/lock");
        Files.createDirectories(lock.getParent());
        Files.createFile(lock);
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
        store.add(LogicalStore.TRUSTED_PEOPLE, Fixtures.selfSigned("x").certificate(), Optional.empty(), EntryAttributes.defaults());
        assertEquals("rw-------", mode(lock));
    }

    @Test
    void aWaitForTheLockSaysWhichProcessHoldsItAndGivesUpWithThatText(@TempDir Path tmp) throws Exception {
        CertificateStore store = Fixtures.service(tmp, Fixtures.owner()).open(Scope.computer());
        store.add(LogicalStore.TRUSTED_PEOPLE, Fixtures.selfSigned("x").certificate(), Optional.empty(), EntryAttributes.defaults());
        Path lock = tmp.resolve("computer/.cairn/lock");
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Process holder = ChildJvm.command(classes, StoreWorker.class, List.of(), "hold", lock.toString()).start();
        try {
            new ChildProcessTests.Output(holder).await("READY");
            String previous = System.getProperty("cairn.store.lockTimeout");
            System.setProperty("cairn.store.lockTimeout", "3");
            CertificateStore impatient;
            try {
                impatient = Fixtures.service(tmp, Fixtures.owner()).open(Scope.computer());
            } finally {
                if (previous == null) {
                    System.clearProperty("cairn.store.lockTimeout");
                } else {
                    System.setProperty("cairn.store.lockTimeout", previous);
                }
            }
            long start = System.nanoTime();
            CertificateStoreException e = assertThrows(CertificateStoreException.class, () -> impatient.add(
                    LogicalStore.TRUSTED_PEOPLE, Fixtures.selfSigned("y").certificate(), Optional.empty(), EntryAttributes.defaults()));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 2_500 && waited < 20_000, "waited " + waited + " ms");
            String message = e.getMessage();
            assertTrue(message.contains("process " + holder.pid()), message);
            assertTrue(message.contains(lock.toString()), message);
            assertTrue(message.contains("the certificate stores of the computer"), message);
            assertTrue(message.contains("Nothing was changed"), message);
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        store.add(LogicalStore.TRUSTED_PEOPLE, Fixtures.selfSigned("z").certificate(), Optional.empty(), EntryAttributes.defaults());
    }
}
