import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreRoots;

/**
 * Listing benchmark: a Personal store of N certificates (default 10,000; a third with keys, mixed EKUs, friendly
 * names) is created once under BASE (reused on later runs), then "open + list + read the listing columns" is timed
 * cold (index rebuilt) and warm, and the heap retained by one listing is measured. Run through run.sh.
 */
public final class ListingBenchmark {

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        StoreRoots roots = StoreRoots.under(base);
        Identity me = Identity.current();
        CertificateStoreService service = CertificateStores.create(roots, me, List.of(CertificateStores.fileStoreProvider()));

        CertificateStore store = service.open(Scope.currentUser());
        int existing = store.list(LogicalStore.PERSONAL).entries().size();
        if (existing < count) {
            long t0 = System.nanoTime();
            fill(store, existing, count);
            System.out.printf("created %d entries in %.1f s%n", count - existing, (System.nanoTime() - t0) / 1e9);
        } else {
            System.out.printf("reusing %d entries in %s%n", existing, roots.root(Scope.currentUser()).resolve("My"));
        }

        // cold: the first listing after a change rebuilds the index (reads and parses every entry)
        Files.deleteIfExists(roots.root(Scope.currentUser()).resolve("My/.cairn/index"));
        long t0 = System.nanoTime();
        int cold = openListAndRead(roots, me);
        System.out.printf("cold open+list (index rebuilt from %d entry directories): %.0f ms%n", cold, (System.nanoTime() - t0) / 1e6);

        List<Double> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            int n = openListAndRead(roots, me);
            times.add((System.nanoTime() - t) / 1e6);
            if (n != cold) {
                throw new IllegalStateException("listing changed size: " + n + " vs " + cold);
            }
        }
        List<Double> warm = new ArrayList<>(times.subList(Math.min(5, rounds - 1), rounds));
        Collections.sort(warm);
        System.out.printf("warm open+list of %d entries (%d rounds after 5 warm-up): median %.0f ms, min %.0f ms, max %.0f ms%n",
                cold, warm.size(), warm.get(warm.size() / 2), warm.get(0), warm.get(warm.size() - 1));

        // one change in a large store: the index is updated in place, so the next listing stays warm
        CertificateStore changer = CertificateStores.create(roots, me, List.of(CertificateStores.fileStoreProvider()))
                .open(Scope.currentUser());
        CertificateEntry some = changer.list(LogicalStore.PERSONAL).entries().get(cold / 2);
        long c0 = System.nanoTime();
        changer.setFriendlyName(some, "Changed " + System.nanoTime());
        long c1 = System.nanoTime();
        openListAndRead(roots, me);
        long c2 = System.nanoTime();
        System.out.printf("one change (set friendly name) %.0f ms, then open+list %.0f ms%n", (c1 - c0) / 1e6, (c2 - c1) / 1e6);

        var memory = ManagementFactory.getMemoryMXBean();
        gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        StoreListing kept = CertificateStores.create(roots, me, List.of(CertificateStores.fileStoreProvider()))
                .open(Scope.currentUser()).list(LogicalStore.PERSONAL);
        gc();
        long after = memory.getHeapMemoryUsage().getUsed();
        System.out.printf("heap retained by one listing of %d entries: %.1f MB; heap used now %.1f MB; max heap %.0f MB%n",
                kept.entries().size(), (after - before) / 1048576.0, after / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private static int openListAndRead(StoreRoots roots, Identity me) throws Exception {
        CertificateStore store = CertificateStores.create(roots, me, List.of(CertificateStores.fileStoreProvider()))
                .open(Scope.currentUser());
        StoreListing listing = store.list(LogicalStore.PERSONAL);
        long checksum = 0;
        for (CertificateEntry e : listing.entries()) {
            // the columns of the details pane
            checksum += e.thumbprint().length() + e.issuedTo().length() + e.issuedBy().length()
                    + e.notAfter().getEpochSecond() + e.purposes().size() + e.friendlyName().length();
        }
        if (checksum == 42) {
            System.out.println(); // keeps the loop from being optimised away
        }
        if (!listing.problems().isEmpty()) {
            throw new IllegalStateException("problems: " + listing.problems());
        }
        return listing.entries().size();
    }

    private static void fill(CertificateStore store, int from, int count) throws Exception {
        CertificateFactoryService factory = CertificateStores.certificateFactory();
        DemoChain chain = factory.createDemoChain("Benchmark", KeyAlgorithm.EC_P256);
        List<List<Purpose>> ekus = List.of(List.of(), List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION),
                List.of(Purpose.SECURE_EMAIL), List.of(Purpose.CODE_SIGNING, Purpose.TIME_STAMPING));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = from; i < count; i++) {
            CertificateRequest request = CertificateRequest.of("CN=host" + i + ".bench.example.org,OU=Unit " + (i % 17) + ",O=Cairn Benchmark")
                    .withValidity(now, now.plus(Duration.ofDays(30 + i % 700))).withPurposes(ekus.get(i % ekus.size()))
                    .withFriendlyName("Benchmark " + i);
            GeneratedCertificate g = factory.createIssued(request, chain.intermediate(), false);
            store.add(LogicalStore.PERSONAL, g.certificate(), i % 3 == 0 ? Optional.of(g.privateKey()) : Optional.empty(),
                    EntryAttributes.defaults().withFriendlyName("Benchmark " + i).withProperty("index", Integer.toString(i)));
            if ((i + 1) % 1000 == 0) {
                System.out.printf("  %d entries%n", i + 1);
            }
        }
    }

    private static void gc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }
}
