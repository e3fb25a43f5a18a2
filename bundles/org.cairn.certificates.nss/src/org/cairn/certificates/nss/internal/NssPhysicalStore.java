package org.cairn.certificates.nss.internal;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/** One NSS database seen behind one logical store: the certificates NSS places there. */
final class NssPhysicalStore implements PhysicalStore {

    private final NssStoreProvider provider;
    private final StoreContext context;
    private final LogicalStore store;
    private final NssDatabase database;

    NssPhysicalStore(NssStoreProvider provider, StoreContext context, LogicalStore store, NssDatabase database) {
        this.provider = provider;
        this.context = context;
        this.store = store;
        this.database = database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public String location() {
        return database.location();
    }

    @Override
    public LogicalStore logicalStore() {
        return store;
    }

    @Override
    public StoreListing list() throws CertificateStoreException {
        NssObjects objects;
        try {
            objects = provider.objects(database);
        } catch (CertificateStoreException e) {
            // one unreadable database must not hide the logical store's other physical stores
            return new StoreListing(List.of(), List.of(new StoreProblem(store, name(), location(), e.getMessage())));
        }
        List<CertificateEntry> entries = new ArrayList<>();
        List<StoreProblem> problems = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new CertificateStoreException("The Java runtime cannot read X.509 certificates", e);
        }
        for (NssObjects.Cert cert : objects.certificates()) {
            try {
                X509Certificate x509 = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(cert.der()));
                LogicalStore place = cert.key().isPresent() ? LogicalStore.PERSONAL : cert.trust().place(x509.getBasicConstraints() >= 0);
                if (place == store) {
                    entries.add(entry(x509, cert));
                }
            } catch (CertificateException | RuntimeException e) {
                problems.add(new StoreProblem(store, name(), location(), "the certificate " + cert.nickname() + " ("
                        + cert.thumbprint() + ") cannot be read: " + e.getMessage() + ". Remove it with certutil -D -d "
                        + location() + " -n NICKNAME."));
            }
        }
        if (objects.locked() && store == LogicalStore.PERSONAL) {
            problems.add(new StoreProblem(store, name(), location(), "The NSS database is protected by a primary password: "
                    + "its private keys, and the certificates that have them, show in Personal after you give it "
                    + "(cairn: --db-password-env or --db-password-file)."));
        }
        return new StoreListing(List.copyOf(entries), List.copyOf(problems));
    }

    private CertificateEntry entry(X509Certificate x509, NssObjects.Cert cert) throws CertificateStoreException {
        boolean key = cert.key().isPresent();
        String description = "NSS trust (" + cert.trust().certutilFlags(key) + "): " + cert.trust().describe()
                + ". From the NSS database " + location() + " (" + database.program() + ").";
        EntryAttributes attributes = EntryAttributes.defaults()
                .withFriendlyName(cert.nickname())
                .withDescription(description)
                .withExportable(cert.key().map(NssObjects.Key::extractable).orElse(false));
        return CertificateEntry.builder(x509).scope(context.scope()).logicalStore(store).physicalStore(name())
                .attributes(attributes).hasPrivateKey(key).location(location()).build();
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        return list().find(thumbprint);
    }

    @Override
    public boolean locked() {
        try {
            return provider.locked(database);
        } catch (CertificateStoreException e) {
            return false; // an unreadable database says so when listed
        }
    }

    @Override
    public boolean unlock(char[] password) throws CertificateStoreException {
        return provider.unlock(database, password);
    }

    @Override
    public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        try {
            if (provider.locked(database)) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The NSS database " + name()
                        + " is protected by a primary password; give it first."));
            }
            Optional<NssObjects.Cert> cert = certificate(thumbprint);
            if (cert.isEmpty() || cert.get().key().isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The NSS database " + name()
                        + " holds no private key for this certificate."));
            }
            if (!cert.get().key().get().extractable()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "NSS marks this private key as "
                        + "not extractable (" + name() + "), so it cannot leave the database. Export the certificate "
                        + "without its key."));
            }
            if (NssStoreProvider.algorithm(cert.get().key().get().keyType()).isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "The private key in " + name()
                        + " is of a type Cairn cannot export."));
            }
            return Optional.empty();
        } catch (CertificateStoreException e) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, e.getMessage()));
        }
    }

    private Optional<NssObjects.Cert> certificate(String thumbprint) throws CertificateStoreException {
        return provider.objects(database).certificates().stream().filter(c -> c.thumbprint().equals(thumbprint)).findFirst();
    }

    @Override
    public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        NssObjects.Cert cert = certificate(thumbprint).orElseThrow();
        return provider.readKey(database, thumbprint, cert.key().orElseThrow().keyType());
    }
}
