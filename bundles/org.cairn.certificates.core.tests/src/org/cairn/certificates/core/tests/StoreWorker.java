package org.cairn.certificates.core.tests;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;

/**
 * The program the child JVMs run (JDK classes and the store model only). Modes:
 * <ul>
 * <li>{@code churn BASE CERTS SEED}: changes the user's Personal store forever (add, delete, delete key, set
 * properties) until killed; prints READY after the first change.</li>
 * <li>{@code writer BASE CERTS ID COUNT THUMBPRINT}: waits for BASE/go, then sets COUNT properties on one entry and
 * adds its own certificates; prints DONE.</li>
 * <li>{@code rights BASE}: as the real account running it, reports what it may do with the computer's keys.</li>
 * <li>{@code batch BASE CERTS FIRST}: adds certificates c{FIRST}..c{FIRST+4} with their keys in one
 * {@code addAll} (three to Personal, two to Intermediate Certification Authorities); prints BEGIN before, DONE after.</li>
 * <li>{@code hold LOCKFILE}: takes an exclusive lock on the file, prints READY, and sleeps until killed.</li>
 * <li>{@code list BASE}: as the real account running it, prints the thumbprints of the computer's Personal store.</li>
 * </ul>
 */
public final class StoreWorker {

    private StoreWorker() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        Path base = Path.of(args[1]);
        switch (args[0]) {
            case "churn" -> churn(base, Path.of(args[2]), Long.parseLong(args[3]), out);
            case "writer" -> writer(base, Path.of(args[2]), args[3], Integer.parseInt(args[4]), args[5], out);
            case "rights" -> rights(base, out);
            case "batch" -> batch(base, Path.of(args[2]), Integer.parseInt(args[3]), out);
            case "hold" -> hold(base, out);
            case "list" -> {
                CertificateStore store = CertificateStores.create(StoreRoots.under(base), Identity.current(),
                        List.of(CertificateStores.fileStoreProvider())).open(Scope.computer());
                for (CertificateEntry e : store.list(LogicalStore.PERSONAL).entries()) {
                    out.println("entry=" + e.thumbprint());
                }
                out.println("find=" + store.find(LogicalStore.PERSONAL, args[2]).isPresent());
                out.println("LISTED");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static X509Certificate certificate(Path certs, String name) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certs.resolve(name + ".der"))));
    }

    static PrivateKey key(Path certs, String name) throws Exception {
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(certs.resolve(name + ".p8"))));
    }

    private static void churn(Path base, Path certs, long seed, PrintStream out) throws Exception {
        CertificateStore store = CertificateStores.create(StoreRoots.under(base), Identity.current(),
                List.of(CertificateStores.fileStoreProvider())).open(Scope.currentUser());
        int pool;
        try (var files = Files.list(certs)) {
            pool = (int) files.filter(p -> p.toString().endsWith(".der")).count();
        }
        Random random = new Random(seed);
        boolean ready = false;
        String big = "x".repeat(20_000); // a larger file widens the window in which a kill lands mid-write
        for (long n = 0;; n++) {
            List<CertificateEntry> entries = store.list(LogicalStore.PERSONAL).entries();
            int op = random.nextInt(7);
            if (ready) {
                out.println("BEGIN");
                out.flush();
            }
            try {
                if (entries.size() < 3 || op == 0 || op == 6) {
                    String name = "c" + random.nextInt(pool);
                    store.add(LogicalStore.PERSONAL, certificate(certs, name), Optional.of(key(certs, name)),
                            EntryAttributes.defaults().withFriendlyName(name).withProperty("blob", big));
                } else {
                    CertificateEntry e = entries.get(random.nextInt(entries.size()));
                    switch (op) {
                        case 1 -> store.delete(e);
                        case 2 -> {
                            if (e.hasPrivateKey()) {
                                store.deletePrivateKey(e);
                            }
                        }
                        case 3 -> store.putProperty(e, "n", Long.toString(n));
                        case 4 -> store.setFriendlyName(e, "renamed " + n);
                        default -> store.setProperties(e, java.util.Map.of("blob", big + n, "n", Long.toString(n)));
                    }
                }
            } catch (CertificateStoreException expected) {
                // "already in the store" and the like: the churn picks at random
            }
            if (!ready) {
                out.println("READY");
                ready = true;
            }
            out.println("OP");
            out.flush();
        }
    }

    private static void writer(Path base, Path certs, String id, int count, String thumbprint, PrintStream out) throws Exception {
        CertificateStore store = CertificateStores.create(StoreRoots.under(base), Identity.current(),
                List.of(CertificateStores.fileStoreProvider())).open(Scope.currentUser());
        CertificateEntry entry = store.find(LogicalStore.PERSONAL, thumbprint).orElseThrow();
        out.println("READY");
        out.flush();
        while (!Files.exists(base.resolve("go"))) {
            Thread.sleep(1);
        }
        for (int i = 0; i < count; i++) {
            store.putProperty(entry, "w" + id + "-" + i, Integer.toString(i));
            if (i % 6 == 0) {
                String name = id + "-" + (i / 6);
                store.add(LogicalStore.PERSONAL, certificate(certs, name), Optional.of(key(certs, name)), EntryAttributes.defaults());
            }
        }
        out.println("DONE");
    }

    private static void batch(Path base, Path certs, int first, PrintStream out) throws Exception {
        CertificateStore store = CertificateStores.create(StoreRoots.under(base), Identity.current(),
                List.of(CertificateStores.fileStoreProvider())).open(Scope.currentUser());
        List<org.cairn.certificates.core.NewEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "c" + (first + i);
            entries.add(new org.cairn.certificates.core.NewEntry(i < 3 ? LogicalStore.PERSONAL : LogicalStore.INTERMEDIATE,
                    certificate(certs, name), Optional.of(key(certs, name)),
                    EntryAttributes.defaults().withFriendlyName(name).withProperty("blob", "y".repeat(20_000))));
        }
        store.list(LogicalStore.PERSONAL); // warm up the classes, so the kill lands in the batch, not in class loading
        out.println("BEGIN");
        out.flush();
        store.addAll(entries);
        out.println("DONE");
        out.flush();
    }

    private static void hold(Path lockFile, PrintStream out) throws Exception {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.lock()) {
            out.println("READY");
            out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void rights(Path base, PrintStream out) throws Exception {
        Identity me = Identity.current();
        out.println("uid=" + me.uid());
        CertificateStore store = CertificateStores.create(StoreRoots.under(base), me,
                List.of(CertificateStores.fileStoreProvider())).open(Scope.computer());
        CertificateEntry entry = store.list(LogicalStore.PERSONAL).entries().get(0);
        out.println("listed=" + entry.thumbprint());
        out.println("why=" + store.whyKeyNotExportable(entry).map(d -> d.reason().name()).orElse("ALLOWED"));
        try {
            store.exportablePrivateKey(entry);
            out.println("export=GOT KEY");
        } catch (CertificateStoreException e) {
            out.println("export=" + e.denial().map(AccessDenial::reason).map(Enum::name).orElse("ERROR " + e.getMessage()));
        }
        try {
            Files.readAllBytes(base.resolve("computer/My").resolve(entry.thumbprint()).resolve("key.p8"));
            out.println("os-read=READ");
        } catch (java.nio.file.AccessDeniedException e) {
            out.println("os-read=DENIED");
        }
        try (var channel = java.nio.channels.FileChannel.open(base.resolve("computer/.cairn/lock"),
                java.nio.file.StandardOpenOption.READ)) {
            out.println("lock=OPENED");
        } catch (java.nio.file.AccessDeniedException e) {
            out.println("lock=DENIED");
        }
        out.println("add=" + store.whyCannotAdd(LogicalStore.PERSONAL).map(d -> d.reason().name()).orElse("ALLOWED"));
    }
}
