package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.testing.process.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two writers at once (processes, and threads with separate services): no update is lost. */
class ConcurrentWritersTest {

    private static final int COUNT = 60;

    @Test
    void twoProcessesWritingAtOnceLoseNoUpdate(@TempDir Path tmp) throws Exception {
        Path classes = tmp.resolve("classes");
        ChildJvm.copyClasses(StoreWorker.class, classes);
        Path certs = tmp.resolve("certs");
        ChildProcessTests.writeCertificates(certs, "a-", COUNT / 6);
        ChildProcessTests.writeCertificates(certs, "b-", COUNT / 6);
        Path base = tmp.resolve("stores");
        CertificateStore store = Fixtures.service(base, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry shared = Fixtures.addWithKey(store, LogicalStore.PERSONAL, Fixtures.selfSigned("shared"));

        List<Process> children = new ArrayList<>();
        List<ChildProcessTests.Output> outputs = new ArrayList<>();
        for (String id : List.of("a", "b")) {
            Process p = ChildJvm.command(classes, StoreWorker.class, List.of(), "writer", base.toString(), certs.toString(), id,
                    Integer.toString(COUNT), shared.thumbprint()).start();
            children.add(p);
            outputs.add(new ChildProcessTests.Output(p));
        }
        for (ChildProcessTests.Output output : outputs) {
            output.await("READY");
        }
        Files.createFile(base.resolve("go"));
        for (int i = 0; i < 2; i++) {
            outputs.get(i).await("DONE");
            assertEquals(0, children.get(i).waitFor(), String.join("\n", outputs.get(i).lines()));
        }

        StoreListing listing = store.list(LogicalStore.PERSONAL);
        assertEquals(List.of(), listing.problems());
        assertEquals(1 + 2 * (COUNT / 6), listing.entries().size(), "every add of both writers is there");
        Map<String, String> expected = new HashMap<>();
        for (String id : List.of("a", "b")) {
            for (int i = 0; i < COUNT; i++) {
                expected.put("w" + id + "-" + i, Integer.toString(i));
            }
        }
        assertEquals(expected, listing.find(shared.thumbprint()).orElseThrow().properties(),
                "every property set by either writer survived");
    }

    @Test
    void twoServicesInOneProcessWritingAtOnceLoseNoUpdate(@TempDir Path tmp) throws Exception {
        CertificateStore first = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CertificateEntry shared = Fixtures.addWithKey(first, LogicalStore.PERSONAL, Fixtures.selfSigned("shared"));
        CertificateStore second = Fixtures.service(tmp, Fixtures.owner()).open(Scope.currentUser());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int thread = 0;
            for (CertificateStore store : List.of(first, second, first, second)) {
                int id = thread++;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 25; i++) {
                        store.putProperty(shared, "t" + id + "-" + i, "v");
                    }
                    store.add(LogicalStore.OTHER_PEOPLE, Fixtures.selfSigned("t" + id).certificate(), java.util.Optional.empty(),
                            EntryAttributes.defaults());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(100, first.find(LogicalStore.PERSONAL, shared.thumbprint()).orElseThrow().properties().size());
        assertEquals(4, second.list(LogicalStore.OTHER_PEOPLE).entries().size());
    }
}
