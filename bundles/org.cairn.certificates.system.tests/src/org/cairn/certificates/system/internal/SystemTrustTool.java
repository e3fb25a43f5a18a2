package org.cairn.certificates.system.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.core.spi.StoreProvider;

/**
 * Cairn's store operations on the computer's Trusted Root Certification Authorities, as a plain main for the
 * mount-namespace tests: the same providers as the product, with the system layout of the process's properties.
 * {@code add FILE} adds without naming a physical store (as the import does), {@code delete THUMBPRINT} deletes,
 * {@code describe} prints the physical stores and entries. Prints {@code key=value} lines.
 */
public final class SystemTrustTool {

    private SystemTrustTool() {
    }

    public static void main(String[] args) throws Exception {
        SystemLayout layout = SystemLayout.fromEnvironment();
        List<StoreProvider> providers = new ArrayList<>();
        providers.add(CertificateStores.fileStoreProvider());
        providers.add(new SystemTrustProvider(layout));
        providers.add(new JavaCacertsProvider(layout));
        CertificateStores.systemTrustBundle().ifPresent(b -> providers.add(CertificateStores.trustBundleProvider(b)));
        CertificateStoreService service = CertificateStores.create(StoreRoots.fromEnvironment(), Identity.current(), providers);
        CertificateStore computer = service.open(Scope.computer());
        switch (args[0]) {
            case "add" -> {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(Path.of(args[1]))));
                System.out.println("target=" + computer.addTarget(LogicalStore.TRUSTED_ROOT).map(t -> t.name()).orElse("none"));
                try {
                    CertificateEntry added = computer.add(LogicalStore.TRUSTED_ROOT, certificate, Optional.empty(),
                            EntryAttributes.defaults());
                    System.out.println("added=" + added.thumbprint());
                    System.out.println("stores=" + String.join(",", added.physicalStores()));
                } catch (CertificateStoreException e) {
                    System.out.println("refused=" + e.denial().map(AccessDenial::reason).map(Enum::name).orElse("ERROR"));
                    System.out.println("message=" + e.getMessage().replace('\n', ' '));
                }
            }
            case "delete" -> {
                CertificateEntry entry = computer.find(LogicalStore.TRUSTED_ROOT, args[1]).orElseThrow();
                computer.delete(entry);
                System.out.println("deleted=" + entry.thumbprint());
                System.out.println("stores=" + computer.find(LogicalStore.TRUSTED_ROOT, args[1])
                        .map(e -> String.join(",", e.physicalStores())).orElse(""));
            }
            case "describe" -> {
                for (LogicalStore store : List.of(LogicalStore.TRUSTED_ROOT, LogicalStore.UNTRUSTED)) {
                    for (CertificateStore.PhysicalStoreInfo info : computer.physicalStores(store)) {
                        System.out.println("physical=" + store.shortName() + " " + info.name() + " " + info.writable()
                                + " " + info.location());
                    }
                    System.out.println("whyCannotAdd=" + store.shortName() + " " + computer.whyCannotAdd(store)
                            .map(AccessDenial::toString).orElse("none").replace('\n', ' '));
                    for (CertificateEntry e : computer.list(store).entries()) {
                        if (!e.physicalStores().equals(List.of(".SystemTrustBundle"))
                                && !e.physicalStores().equals(List.of(".JavaCacerts"))
                                && !e.physicalStores().equals(List.of(".SystemTrustBundle", ".JavaCacerts"))) {
                            System.out.println("entry=" + store.shortName() + " " + e.thumbprint() + " "
                                    + String.join(",", e.physicalStores()) + " " + e.location().orElse(""));
                        }
                    }
                }
            }
            default -> throw new IllegalArgumentException("add FILE | delete THUMBPRINT | describe");
        }
    }
}
