import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;

/**
 * Benchmark fixture: COUNT self-signed EC P-256 certificates, written both to a Cairn store (Personal of the
 * current user under ROOT) and to a PKCS #12 keystore of trusted-certificate entries for keytool -list.
 * Usage: java MakeStores ROOT KEYSTORE PASSWORD COUNT
 */
public final class MakeStores {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        Path keystore = Path.of(args[1]);
        char[] password = args[2].toCharArray();
        int count = Integer.parseInt(args[3]);
        CertificateStore store = CertificateStores.create(StoreRoots.under(root), Identity.current(),
                List.of(CertificateStores.fileStoreProvider())).open(Scope.currentUser());
        CertificateFactoryService factory = CertificateStores.certificateFactory();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, password);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            GeneratedCertificate g = factory.createSelfSigned(CertificateRequest.of("CN=bench-" + i + ".example.org,O=Cairn Benchmark")
                    .withValidity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365 + i % 700)))
                    .withFriendlyName("bench " + i));
            store.add(LogicalStore.PERSONAL, g.certificate(), Optional.empty(), g.attributes());
            ks.setCertificateEntry("bench-" + i, g.certificate());
            if ((i + 1) % 1000 == 0) {
                System.err.println((i + 1) + " certificates");
            }
        }
        try (OutputStream out = Files.newOutputStream(keystore)) {
            ks.store(out, password);
        }
    }
}
