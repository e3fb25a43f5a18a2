package org.cairn.certificates.importing.tests;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.PBEParametersGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.generators.PKCS12ParametersGenerator;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.pkcs12.internal.Pkcs12Facts;
import org.cairn.certificates.pkcs12.internal.Pkcs12Reader;
import org.cairn.certificates.pkcs12.internal.WorkBudget;

/**
 * A mutation fuzzer over the import's readers (PKCS #12, PKCS #7, PEM, DER): it mutates seed files with a seeded
 * random generator and feeds each result to import, read and inspect. Each input must either succeed or be refused
 * with an {@link ImportException}, within {@value #LIMIT_SECONDS} seconds (inputs under 64 KB), and an import must
 * be all or nothing (the store is compared before and after). Deterministic: the same seeds and generator seed give
 * the same inputs.
 */
final class Fuzzer {

    static final int LIMIT_SECONDS = 5;

    /** A seed file and the password it opens with. */
    record Seed(String name, byte[] content, char[] password) {
    }

    /** What a run found: counts, and the inputs that crashed, hung or imported partly. */
    static final class Outcome {
        long tried;
        long imported;
        final Map<String, Long> refused = new TreeMap<>();
        long slowestMillis;
        final List<String> findings = new ArrayList<>();

        @Override
        public String toString() {
            return "fuzz inputs tried: " + tried + ", imported: " + imported + ", refused: " + refused + ", slowest: "
                    + slowestMillis + " ms, findings: " + findings.size();
        }
    }

    private final CertificateImportService service;
    private final CertificateStoreService stores;
    private final Path work;
    private final Path findings;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cairn-fuzz");
        t.setDaemon(true); // a hung input must not keep the test JVM alive
        return t;
    });

    Fuzzer(Path work, Path findings) {
        this.work = work;
        this.findings = findings;
        this.stores = CertificateStores.create(StoreRoots.under(Corpus.freshRoot("fuzz")), Identity.current(),
                List.of(CertificateStores.fileStoreProvider()));
        this.service = CertificateImportServices.create(stores);
    }

    /** The corpus files the tests use, and PEM, DER and PKCS #7 files made from their contents (deterministically). */
    static List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        for (Corpus.Row row : Corpus.rows()) {
            byte[] content = Files.readAllBytes(row.path());
            if (content.length >= 64 * 1024 || heavy(content, row.password().toCharArray())) {
                continue;
            }
            seeds.add(new Seed(row.file(), content, row.password().toCharArray()));
            if (row.valid() && certificates.size() < 4) {
                try {
                    Pkcs12Facts facts = Pkcs12Reader.read(content, row.password().toCharArray(), WorkBudget.standard());
                    facts.bags().forEach(b -> b.certificate().ifPresent(certificates::add));
                    facts.bags().forEach(b -> b.key().ifPresent(keys::add));
                } catch (Exception e) {
                    // not every valid file opens with the reader's defaults (GOST): others will do
                }
            }
        }
        X509Certificate cert = certificates.get(0);
        seeds.add(new Seed("cert.der", cert.getEncoded(), new char[0]));
        seeds.add(new Seed("cert.cer", pem("CERTIFICATE", cert.getEncoded()), new char[0]));
        seeds.add(new Seed("chain.p7b", pkcs7(certificates), new char[0]));
        seeds.add(new Seed("chain.p7c", pem("PKCS7", pkcs7(certificates)), new char[0]));
        PrivateKey key = keys.get(0);
        seeds.add(new Seed("key-and-cert.pem", concat(pem("PRIVATE KEY", key.getEncoded()), pem("CERTIFICATE", cert.getEncoded())),
                new char[0]));
        char[] password = "fuzz".toCharArray();
        seeds.add(new Seed("encrypted-key.pem", concat(pem("ENCRYPTED PRIVATE KEY", encrypt(key.getEncoded(), password)),
                pem("CERTIFICATE", cert.getEncoded())), password));
        return seeds;
    }

    /**
     * Whether a seed asks for more than a million iterations x blocks (the corpus has files at 600,000 and 1,000,000
     * iterations): legitimately seconds of work each, which the corpus tests read; as seeds, mutations that raise
     * one more count to the cap would measure the machine's speed against the 5 s limit, not find faults.
     */
    private static boolean heavy(byte[] content, char[] password) {
        try {
            Pkcs12Reader.read(content, password, new WorkBudget(1_000_000));
            return false;
        } catch (org.cairn.certificates.pkcs12.internal.Pkcs12Exception e) {
            return e.reason() == org.cairn.certificates.pkcs12.internal.Pkcs12Exception.Reason.LIMIT;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs until the deadline.
     *
     * @param seeds    the seeds
     * @param seed     the generator's seed
     * @param deadline System.nanoTime() to stop at
     * @return what it found
     */
    Outcome run(List<Seed> seeds, long seed, long deadline) throws Exception {
        Random random = new Random(seed);
        Outcome outcome = new Outcome();
        try {
            while (System.nanoTime() < deadline) {
                Seed parent = seeds.get(random.nextInt(seeds.size()));
                byte[] input = mutate(parent.content(), random);
                check(parent.name() + "-" + outcome.tried, input, parent.password(), outcome);
            }
        } finally {
            runner.shutdownNow();
        }
        return outcome;
    }

    /** Feeds one input to import, read and inspect, and checks the outcome. */
    void check(String name, byte[] input, char[] password, Outcome outcome) throws Exception {
        outcome.tried++;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.'), name.lastIndexOf('.') + 4) : ".bin";
        Path file = work.resolve("input" + extension.replaceAll("[^.a-z0-9]", ""));
        Files.write(file, input);
        CertificateStore store = stores.open(Scope.currentUser());
        List<CertificateEntry> before = store.listAll().entries();
        String problem = null;
        try {
            long start = System.nanoTime();
            Object result = within(() -> {
                try {
                    return service.importFile(ImportRequest.of(file, password.clone(), Scope.currentUser()));
                } catch (ImportException e) {
                    return e;
                }
            });
            outcome.slowestMillis = Math.max(outcome.slowestMillis, (System.nanoTime() - start) / 1_000_000);
            List<CertificateEntry> after = stores.open(Scope.currentUser()).listAll().entries();
            if (result instanceof ImportException e) {
                outcome.refused.merge(e.reason().name(), 1L, Long::sum);
                if (after.size() != before.size()) {
                    problem = "partial import: refused (" + e.getMessage() + ") but the store changed from " + before.size()
                            + " to " + after.size() + " entries";
                } else if (e.getMessage() == null || e.getMessage().isBlank()) {
                    problem = "refused without a message";
                }
            } else {
                ImportResult imported = (ImportResult) result;
                outcome.imported++;
                if (after.size() != before.size() + imported.added()) {
                    problem = "partial import: " + imported.added() + " reported added, the store went from "
                            + before.size() + " to " + after.size();
                }
                CertificateStore opened = stores.open(Scope.currentUser());
                for (CertificateEntry entry : opened.listAll().entries()) {
                    opened.delete(entry); // keep the store small and the next comparison simple
                }
            }
            if (problem == null) {
                start = System.nanoTime();
                within(() -> {
                    try {
                        return service.inspect(file, java.util.Optional.empty());
                    } catch (ImportException e) {
                        return e;
                    }
                });
                within(() -> {
                    try {
                        return service.read(file, password.clone());
                    } catch (ImportException e) {
                        return e;
                    }
                });
                outcome.slowestMillis = Math.max(outcome.slowestMillis, (System.nanoTime() - start) / 1_000_000 / 2);
            }
        } catch (TimeoutException e) {
            problem = "hang: more than " + LIMIT_SECONDS + " s";
        } catch (ExecutionException e) {
            problem = "crash: " + e.getCause();
        }
        if (problem != null) {
            Path saved = findings.resolve(name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".bin");
            Files.createDirectories(findings);
            Files.write(saved, input);
            outcome.findings.add(problem + " (saved as " + saved + ")");
            if (problem.startsWith("hang")) {
                throw new AssertionError(problem + ": " + saved); // the runner thread is stuck: stop here
            }
        }
    }

    private Object within(java.util.concurrent.Callable<Object> call) throws Exception {
        Future<Object> future = runner.submit(call);
        return future.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    // ---- mutations

    static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds && data.length > 0; i++) {
            int at = random.nextInt(data.length);
            switch (random.nextInt(9)) {
                case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> data[at] = (byte) new int[] {0x00, 0xff, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x30, 0xa0, 0x04}[random.nextInt(11)];
                case 2 -> data = java.util.Arrays.copyOf(data, at); // truncate
                case 3 -> { // delete a range
                    int length = Math.min(data.length - at, 1 + random.nextInt(16));
                    byte[] shorter = new byte[data.length - length];
                    System.arraycopy(data, 0, shorter, 0, at);
                    System.arraycopy(data, at + length, shorter, at, data.length - at - length);
                    data = shorter;
                }
                case 4 -> { // duplicate a range
                    int length = Math.min(data.length - at, 1 + random.nextInt(32));
                    byte[] longer = new byte[data.length + length];
                    System.arraycopy(data, 0, longer, 0, at + length);
                    System.arraycopy(data, at, longer, at + length, data.length - at);
                    data = longer;
                }
                case 5 -> { // a big number where a small one was: lengths and counts
                    byte[] big = {(byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
                    System.arraycopy(big, 0, data, at, Math.min(big.length, data.length - at));
                }
                case 6 -> data = pemAware(data, random);
                case 7 -> { // random bytes
                    int length = Math.min(data.length - at, 1 + random.nextInt(8));
                    for (int j = 0; j < length; j++) {
                        data[at + j] = (byte) random.nextInt(256);
                    }
                }
                default -> { // an INTEGER-looking value replaced: iteration counts, key lengths
                    for (int j = at; j + 2 < data.length; j++) {
                        if (data[j] == 0x02 && data[j + 1] > 0 && data[j + 1] <= 4 && j + 2 + data[j + 1] <= data.length) {
                            for (int k = 0; k < data[j + 1]; k++) {
                                data[j + 2 + k] = (byte) random.nextInt(256);
                            }
                            break;
                        }
                    }
                }
            }
        }
        return data;
    }

    /** For PEM text: mutates the DER inside one block and encodes it again, so the mutation reaches the decoder. */
    private static byte[] pemAware(byte[] data, Random random) {
        String text = new String(data, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            return data;
        }
        int bodyStart = text.indexOf('\n', begin) + 1;
        int end = text.indexOf("-----END", bodyStart);
        if (bodyStart <= 0 || end < 0) {
            return data;
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(bodyStart, end));
        } catch (IllegalArgumentException e) {
            return data;
        }
        if (der.length == 0) {
            return data;
        }
        der[random.nextInt(der.length)] ^= (byte) (1 << random.nextInt(8));
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n";
        return (text.substring(0, bodyStart) + body + text.substring(end)).getBytes(StandardCharsets.US_ASCII);
    }

    // ---- seeds

    private static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A degenerate PKCS #7 SignedData holding the certificates (as p7b files are). */
    private static byte[] pkcs7(List<X509Certificate> certificates) throws Exception {
        List<ASN1Encodable> all = new ArrayList<>();
        for (X509Certificate c : certificates) {
            all.add(Certificate.getInstance(c.getEncoded()));
        }
        SignedData signed = new SignedData(new DERSet(), new ContentInfo(PKCSObjectIdentifiers.data, null),
                new DERSet(all.toArray(ASN1Encodable[]::new)), (ASN1Set) null, new DERSet());
        return new ContentInfo(PKCSObjectIdentifiers.signedData, signed).getEncoded(ASN1Encoding.DER);
    }

    /** PKCS #8 encrypted with pbeWithSHAAnd3-KeyTripleDES-CBC, with a fixed salt: the same bytes every run. */
    private static byte[] encrypt(byte[] pkcs8, char[] password) throws Exception {
        byte[] salt = "cairnfuz".getBytes(StandardCharsets.US_ASCII);
        PKCS12ParametersGenerator generator = new PKCS12ParametersGenerator(new SHA1Digest());
        generator.init(PBEParametersGenerator.PKCS12PasswordToBytes(password), salt, 2048);
        PaddedBufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new DESedeEngine()));
        cipher.init(true, generator.generateDerivedParameters(192, 64));
        byte[] out = new byte[cipher.getOutputSize(pkcs8.length)];
        int n = cipher.processBytes(pkcs8, 0, pkcs8.length, out, 0);
        n += cipher.doFinal(out, n);
        AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                new PKCS12PBEParams(salt, 2048));
        return new EncryptedPrivateKeyInfo(algorithm, java.util.Arrays.copyOf(out, n)).getEncoded(ASN1Encoding.DER);
    }
}
