package org.cairn.certificates.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chain for display or export reads the computer's stores of issuers only when the user's do not complete it (the
 * computer's trust anchors are the system's trust bundle and the JDK's cacerts, read at every export otherwise), and
 * still never takes a certificate the computer distrusts for an issuer. Validation reads everything.
 */
class ChainReadsWhatItNeedsTest {

    @TempDir
    Path tmp;
    CertificateStoreService service;
    CertificateStore user;
    CertificateStore computer;
    DemoChain chain;
    final Counting counting = new Counting();

    /** A read-only store under every logical store of the computer, empty, that counts how often it is listed. */
    static final class Counting implements StoreProvider {
        final Map<LogicalStore, AtomicInteger> listed = new ConcurrentHashMap<>();

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
            if (!(context.scope() instanceof Scope.Computer)) {
                return Optional.empty();
            }
            return Optional.of(new PhysicalStore() {
                @Override
                public String name() {
                    return ".Counting";
                }

                @Override
                public String location() {
                    return "memory";
                }

                @Override
                public LogicalStore logicalStore() {
                    return store;
                }

                @Override
                public StoreListing list() {
                    listed.computeIfAbsent(store, k -> new AtomicInteger()).incrementAndGet();
                    return new StoreListing(List.of(), List.of());
                }

                @Override
                public Optional<CertificateEntry> find(String thumbprint) {
                    return Optional.empty();
                }
            });
        }

        int listed(LogicalStore store) {
            AtomicInteger count = listed.get(store);
            return count == null ? 0 : count.get();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        service = Fixtures.service(tmp, Fixtures.owner(), counting);
        user = service.open(Scope.currentUser());
        computer = service.open(Scope.computer());
        chain = Fixtures.factory().createDemoChain("Lazy", KeyAlgorithm.EC_P256);
    }

    private CertificateEntry leafInPersonal() throws CertificateStoreException {
        return user.add(LogicalStore.PERSONAL, chain.leaf().certificate(), Optional.of(chain.leaf().privateKey()),
                chain.leaf().attributes());
    }

    @Test
    void aChainTheUsersStoresCompleteReadsOnlyTheComputersUntrustedCertificates() throws Exception {
        CertificateEntry leaf = Fixtures.factory().install(user, chain);
        counting.listed.clear();
        CertificationPath path = user.chain(leaf);
        assertEquals(CertificationPath.Status.TRUSTED_ROOT, path.status());
        assertEquals(3, path.certificates().size());
        assertEquals(1, counting.listed(LogicalStore.UNTRUSTED), "the computer's Untrusted Certificates are read");
        assertEquals(0, counting.listed(LogicalStore.TRUSTED_ROOT), "the computer's trust anchors are not");
        assertEquals(0, counting.listed(LogicalStore.INTERMEDIATE));
    }

    @Test
    void validationReadsTheComputersStoresToo() throws Exception {
        CertificateEntry leaf = Fixtures.factory().install(user, chain);
        counting.listed.clear();
        user.validator(org.cairn.certificates.core.ValidationOptions.defaults()).validate(leaf);
        assertEquals(1, counting.listed(LogicalStore.TRUSTED_ROOT));
        assertEquals(1, counting.listed(LogicalStore.INTERMEDIATE));
    }

    @Test
    void anIssuerMissingFromTheUsersStoresIsLookedForInTheComputers() throws Exception {
        user.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        computer.add(LogicalStore.INTERMEDIATE, chain.intermediate().certificate(), Optional.empty(),
                EntryAttributes.defaults());
        CertificateEntry leaf = leafInPersonal();
        counting.listed.clear();
        CertificationPath path = user.chain(leaf);
        assertEquals(CertificationPath.Status.TRUSTED_ROOT, path.status());
        assertEquals(List.of(Scope.currentUser(), Scope.computer(), Scope.currentUser()),
                path.certificates().stream().map(CertificateEntry::scope).toList());
        assertEquals(1, counting.listed(LogicalStore.TRUSTED_ROOT), "read once, when the issuer was looked for");
    }

    @Test
    void aRootTheUserDoesNotTrustIsTrustedWhenTheComputerTrustsIt() throws Exception {
        user.add(LogicalStore.INTERMEDIATE, chain.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        user.add(LogicalStore.OTHER_PEOPLE, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        computer.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leafInPersonal());
        assertEquals(CertificationPath.Status.TRUSTED_ROOT, path.status());
        assertEquals(Scope.currentUser(), path.certificates().get(2).scope(), "the user's copy, found first");
    }

    @Test
    void aCertificateTheComputerDistrustsIsNoIssuerThoughTheUserHasIt() throws Exception {
        CertificateEntry leaf = Fixtures.factory().install(user, chain);
        computer.add(LogicalStore.UNTRUSTED, chain.intermediate().certificate(), Optional.empty(), EntryAttributes.defaults());
        CertificationPath path = user.chain(leaf);
        assertEquals(CertificationPath.Status.ISSUER_NOT_FOUND, path.status());
        assertEquals(1, path.certificates().size());
    }
}
