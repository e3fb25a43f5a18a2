package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real check, without an injected identity: a child JVM runs as the unprivileged account {@code nobody} (through
 * {@code setpriv}) against a computer store written by root. Runs where the tests run as root (CI); elsewhere the
 * injected-identity tests of {@link RightsTest} cover the same answers.
 */
class RealAccountTest {

    private static final int NOBODY = 65534;

    @Test
    void unprivilegedAccountIsRefusedTheComputersKeysByTheModelAndByTheSystem(@TempDir Path tmp) throws Exception {
        assumeTrue(Fixtures.owner().isRoot(), "needs root to start a process as another account");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        // the child must be able to reach the classes and the store
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Path base = tmp.resolve("stores");
        CertificateStore computer = Fixtures.service(base, Fixtures.owner()).open(Scope.computer());
        CertificateEntry entry = Fixtures.addWithKey(computer, LogicalStore.PERSONAL, Fixtures.selfSigned("machine"));

        Process child = ChildJvm.command(classes, StoreWorker.class,
                List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"),
                "rights", base.toString()).start();
        ChildProcessTests.Output output = new ChildProcessTests.Output(child);
        output.await("add=NO_ACCESS");
        List<String> lines = output.lines();
        assertEquals(0, child.waitFor(), String.join("\n", lines));
        assertTrue(lines.contains("uid=" + NOBODY), String.join("\n", lines));
        assertTrue(lines.contains("listed=" + entry.thumbprint()), "certificates are public: " + lines);
        assertTrue(lines.contains("why=NO_ACCESS"), String.join("\n", lines));
        assertTrue(lines.contains("export=NO_ACCESS"), String.join("\n", lines));
        assertTrue(lines.contains("os-read=DENIED"), "the operating system agrees with the model: " + lines);
        assertTrue(lines.contains("lock=DENIED"), "the lock file is the owner's alone, so no one else can hold it: " + lines);
    }

    /**
     * A batch committed by a writer that died: the owner's next listing completes it, but an account that may not
     * write cannot; it must see none of the batch rather than the part already moved into place.
     */
    @Test
    void unprivilegedReaderSeesNoneOfABatchItCannotComplete(@TempDir Path tmp) throws Exception {
        assumeTrue(Fixtures.owner().isRoot(), "needs root to start a process as another account");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv (util-linux)");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Path base = tmp.resolve("stores");
        CertificateStore computer = Fixtures.service(base, Fixtures.owner()).open(Scope.computer());
        CertificateEntry kept = Fixtures.addWithKey(computer, LogicalStore.PERSONAL, Fixtures.selfSigned("machine"));
        List<String> batch = JournalTest.killedAfterCommit(base, "computer", LogicalStore.PERSONAL,
                List.of(Fixtures.selfSigned("b1"), Fixtures.selfSigned("b2"), Fixtures.selfSigned("b3")), 2);

        Process child = ChildJvm.command(classes, StoreWorker.class,
                List.of("/usr/bin/setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"),
                "list", base.toString(), batch.get(0)).start();
        ChildProcessTests.Output output = new ChildProcessTests.Output(child);
        output.await("LISTED");
        List<String> lines = output.lines();
        assertEquals(0, child.waitFor(), String.join("\n", lines));
        assertEquals(List.of("entry=" + kept.thumbprint(), "find=false", "LISTED"), lines, "none of the batch");

        List<String> all = new java.util.ArrayList<>(batch);
        all.add(kept.thumbprint());
        assertEquals(all.stream().sorted().toList(), computer.list(LogicalStore.PERSONAL).entries().stream()
                .map(CertificateEntry::thumbprint).sorted().toList(), "the owner completes it");
    }
}
