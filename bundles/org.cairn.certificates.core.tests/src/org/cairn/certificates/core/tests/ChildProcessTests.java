package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.GeneratedCertificate;

/** Helpers for the tests that start child JVMs. */
final class ChildProcessTests {

    private ChildProcessTests() {
    }

    /** Writes {@code prefix0..prefixN-1} certificates (DER) and keys (PKCS#8) for the children to read. */
    static void writeCertificates(Path dir, String prefix, int count) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            GeneratedCertificate g = Fixtures.selfSigned(prefix + i);
            Files.write(dir.resolve(prefix + i + ".der"), g.certificate().getEncoded());
            Files.write(dir.resolve(prefix + i + ".p8"), g.privateKey().getEncoded());
        }
    }

    /** Collects a child's output lines on a daemon thread, so a test can wait for a line and count lines. */
    static final class Output {
        private final List<String> lines = new java.util.ArrayList<>();
        private final Process process;

        Output(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    // the child was killed: its output ends here
                }
            }, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits up to 60 s for the line; fails with everything the child said otherwise. */
        void await(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            synchronized (lines) {
                while (!lines.contains(expected)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!process.isAlive() && !lines.contains(expected))) {
                        if (process.isAlive()) {
                            process.destroyForcibly();
                        } else {
                            lines.wait(200); // let the reader drain the last lines
                            if (lines.contains(expected)) {
                                return;
                            }
                        }
                        fail("child did not say " + expected + ":\n" + String.join("\n", lines));
                    }
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(Math.min(left, 100_000_000L))));
                }
            }
        }

        /** @return how many lines equal {@code line} so far */
        int count(String line) {
            synchronized (lines) {
                return (int) lines.stream().filter(line::equals).count();
            }
        }

        /** @return everything said so far */
        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }

    /** The key really belongs to the certificate: it signs what the certificate's public key verifies. */
    static void assertKeyMatches(CertificateEntry entry, java.security.PrivateKey key) throws CertificateStoreException {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(new byte[] { 1, 2, 3 });
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(entry.certificate().getPublicKey());
            verifier.update(new byte[] { 1, 2, 3 });
            assertTrue(verifier.verify(signature), "key of " + entry + " does not match its certificate");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static void assertSameEntries(List<CertificateEntry> expected, List<CertificateEntry> actual) {
        assertEquals(expected, actual);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).attributes(), actual.get(i).attributes());
            assertEquals(expected.get(i).hasPrivateKey(), actual.get(i).hasPrivateKey());
        }
    }
}
