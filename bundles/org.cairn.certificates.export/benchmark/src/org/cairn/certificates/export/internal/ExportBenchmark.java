package org.cairn.certificates.export.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.ExportSource;
import org.cairn.certificates.export.Pkcs12Encryption;

/**
 * In-process half of the PKCS #12 benchmark (run by {@code run-benchmark.sh}): one export of a leaf with a chain
 * of 3, AES256-SHA256 at the default (strong) iteration count, in a warm JVM. Prints the median, minimum and
 * 90th percentile of
 * <ul>
 * <li>{@code engine}: what {@code openssl pkcs12 -export} does: encode the PFX (2 PBKDF2 derivations and the MAC)
 * and write it atomically (temporary file, fsync, rename, fsync folder);</li>
 * <li>{@code service}: the whole service call: read key and chain from the store, the engine's work, and the
 * read-back verification (2 more PBKDF2 derivations and the MAC, with Bouncy Castle's derivation code).</li>
 * </ul>
 * Wall-clock times, and the CPU time of the whole process ({@code *_cpu}: all threads, so it does not depend on
 * how many cores are free on a shared machine).
 * It also writes the same key, certificate and chain as PEM files for the OpenSSL half.
 *
 * <p>Arguments: work directory, key type (KeyAlgorithm name), warm-up runs, measured runs.</p>
 */
public final class ExportBenchmark {

    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        KeyAlgorithm algorithm = KeyAlgorithm.valueOf(args.length > 1 ? args[1] : "RSA_2048");
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        char[] password = System.getenv("CAIRN_BENCH_PASSWORD").toCharArray();
        int iterations = ExportSettings.DEFAULT_STRONG_ITERATIONS;

        CertificateStoreService stores = CertificateStores.create(StoreRoots.under(work.resolve("stores")),
                Identity.current(), List.of(CertificateStores.fileStoreProvider()));
        CertificateStore user = stores.open(Scope.currentUser());
        CertificateEntry leaf = CertificateStores.certificateFactory().install(user,
                CertificateStores.certificateFactory().createDemoChain("Benchmark", algorithm));
        List<X509Certificate> chain = user.chain(leaf).x509Certificates();
        if (chain.size() != 3) {
            throw new IllegalStateException("expected a chain of 3, got " + chain.size());
        }
        writeOpensslInputs(work, user, leaf, chain);

        DefaultCertificateExportService service = (DefaultCertificateExportService) DefaultCertificateExportService
                .create(stores, ExportSettings.defaults(), List.of());
        ExportRequest request = ExportRequest.builder(ExportSource.of(leaf), ExportFormat.PKCS12,
                work.resolve("service.pfx")).includePrivateKey(true).includeChain(true)
                .encryption(Pkcs12Encryption.AES256_SHA256).strongProtection(true).password(password).overwrite(true)
                .build();

        ExportMaterial material = new ExportMaterial(chain, Optional.of(user.exportablePrivateKey(leaf)),
                leaf.issuedTo(), "", Map.of());
        Pkcs12Encoder encoder = new Pkcs12Encoder(new SecureRandom());
        Pkcs12Encoder.Options options = new Pkcs12Encoder.Options(Pkcs12Encryption.AES256_SHA256, iterations, false);
        AtomicFileWriter writer = new AtomicFileWriter(FileOutput.DIRECT, ExportLog.NONE);
        Path engineFile = work.resolve("engine.pfx");

        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        List<Long> engine = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        List<Long> engineCpu = new ArrayList<>();
        List<Long> wholeCpu = new ArrayList<>();
        List<Long> verify = new ArrayList<>();
        List<Long> storeRead = new ArrayList<>();
        ReadBackVerifier verifier = new ReadBackVerifier();
        ExportMaterial engineMaterial = new ExportMaterial(chain, material.privateKey(), leaf.issuedTo(), "", Map.of());
        for (int i = 0; i < warmup + runs; i++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            byte[] content = encoder.encode(material, options, password);
            writer.write(engineFile, content, true, true, written -> { });
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            service.export(request);
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            verifier.verify(engineFile, ExportFormat.PKCS12, engineMaterial, options, password);
            long t3 = System.nanoTime();
            CertificateStore opened = stores.open(Scope.currentUser());
            CertificateEntry found = opened.find(leaf.thumbprint()).get(0);
            opened.exportablePrivateKey(found);
            opened.chain(found);
            long t4 = System.nanoTime();
            if (i >= warmup) {
                verify.add(t3 - t2);
                storeRead.add(t4 - t3);
                engine.add(t1 - t0);
                whole.add(t2 - t1);
                engineCpu.add(c1 - c0);
                wholeCpu.add(c2 - c1);
            }
        }
        System.out.println("# key=" + algorithm + " chain=3 encryption=AES256-SHA256 iterations=" + iterations
                + " warmup=" + warmup + " runs=" + runs + " java=" + Runtime.version());
        print("engine", engine);
        print("service", whole);
        print("engine_cpu", engineCpu);
        print("service_cpu", wholeCpu);
        // the parts of the service beyond the engine, for finding where its time goes
        print("part_verify", verify);
        print("part_store_read", storeRead);
    }

    private static void print(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s median_ms=%.1f min_ms=%.1f p90_ms=%.1f%n", name,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(0) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1) / 1e6);
    }

    /** The same key and certificates for OpenSSL: key.pem (0600), leaf.pem, chain.pem (intermediate, root). */
    private static void writeOpensslInputs(Path work, CertificateStore user, CertificateEntry leaf,
            List<X509Certificate> chain) throws Exception {
        Path key = Files.createFile(work.resolve("key.pem"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, pem("PRIVATE KEY", user.exportablePrivateKey(leaf).getEncoded()));
        Files.writeString(work.resolve("leaf.pem"), pem("CERTIFICATE", chain.get(0).getEncoded()));
        Files.writeString(work.resolve("chain.pem"), pem("CERTIFICATE", chain.get(1).getEncoded())
                + pem("CERTIFICATE", chain.get(2).getEncoded()));
    }

    private static String pem(String type, byte[] der) throws IOException {
        return "-----BEGIN " + type + "-----\n"
                + new String(Base64.getMimeEncoder(64, new byte[] {'\n'}).encode(der), StandardCharsets.US_ASCII)
                + "\n-----END " + type + "-----\n";
    }
}
