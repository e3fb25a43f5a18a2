package org.cairn.certificates.importing.tests;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;

/**
 * The real file store, except that adding to one logical store fails as a full disk would: the way to make an
 * import fail after it has already added certificates elsewhere (root can write everywhere, so permissions cannot).
 */
final class FullDiskProvider implements StoreProvider {

    private final StoreProvider files = CertificateStores.fileStoreProvider();
    private final LogicalStore full;

    FullDiskProvider(LogicalStore full) {
        this.full = full;
    }

    @Override
    public String id() {
        return files.id();
    }

    @Override
    public int order() {
        return files.order();
    }

    @Override
    public void addAll(StoreContext context, List<NewEntry> entries) throws CertificateStoreException {
        if (entries.stream().anyMatch(e -> e.store() == full)) {
            // the real batch writes every entry before it commits any: a full disk stops it before the commit
            throw new CertificateStoreException("Cannot write " + context.scopeRoot().resolve(full.shortName())
                    + ": No space left on device");
        }
        files.addAll(context, entries);
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) throws CertificateStoreException {
        Optional<PhysicalStore> real = files.open(context, store);
        if (store != full || real.isEmpty()) {
            return real;
        }
        PhysicalStore p = real.get();
        return Optional.of(new PhysicalStore() {
            @Override
            public String name() {
                return p.name();
            }

            @Override
            public String location() {
                return p.location();
            }

            @Override
            public LogicalStore logicalStore() {
                return p.logicalStore();
            }

            @Override
            public boolean writable() {
                return p.writable();
            }

            @Override
            public StoreListing list() throws CertificateStoreException {
                return p.list();
            }

            @Override
            public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
                return p.find(thumbprint);
            }

            @Override
            public Optional<AccessDenial> whyNotWritable() {
                return p.whyNotWritable();
            }

            @Override
            public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
                return p.whyKeyNotReadable(thumbprint);
            }

            @Override
            public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
                    throws CertificateStoreException {
                throw new CertificateStoreException("Cannot write " + p.location() + ": No space left on device");
            }

            @Override
            public void delete(String thumbprint) throws CertificateStoreException {
                p.delete(thumbprint);
            }

            @Override
            public CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
                return p.deletePrivateKey(thumbprint);
            }

            @Override
            public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
                    throws CertificateStoreException {
                return p.updateAttributes(thumbprint, change);
            }

            @Override
            public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
                return p.readPrivateKey(thumbprint);
            }
        });
    }
}
