package org.cairn.certificates.system.internal;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * A keystore file registered for a service ({@link ServiceKeystores}), as a physical store behind one logical store
 * of the service account: its certificates with keys in Personal, the others where they belong
 * ({@link KeystoreContent.Item#place()}). Read-only: the service owns the file. Its password comes from the
 * registered password file, else it is asked ({@link #locked()}, {@link #unlock(char[])}) and kept by the provider for
 * this process. The file is read through
 * the provider, which reads it again when it changed (a change by keytool shows at the next refresh).
 */
final class KeystoreStore implements PhysicalStore {

    private final StoreContext context;
    private final KeystoreProvider provider;
    private final ServiceKeystores.Registered registered;
    private final Path file;
    private final LogicalStore logical;

    KeystoreStore(StoreContext context, KeystoreProvider provider, ServiceKeystores.Registered registered, Path file,
            LogicalStore logical) {
        this.context = context;
        this.provider = provider;
        this.registered = registered;
        this.file = file;
        this.logical = logical;
    }

    @Override
    public String name() {
        return "Keystore: " + registered.path();
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public LogicalStore logicalStore() {
        return logical;
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        return Optional.of(readOnly());
    }

    @Override
    public AccessDenial readOnly() {
        return new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "The keystore " + registered.path() + " is the"
                + " service's own file: Cairn shows it and exports from it but does not change it. Change it with"
                + " keytool (keytool -importkeystore, keytool -delete) or the service's tools.");
    }

    /** What the keystore holds for this logical store, with the password if one is known. */
    private record Read(List<KeystoreContent.Item> items, List<String> notes) {
    }

    private Read read(boolean withKeys) throws CertificateStoreException {
        Optional<String> denied = new FileAccess(context.identity()).whyNotReadable(file, file.getParent());
        if (denied.isPresent()) {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The keystore "
                    + registered.path() + " cannot be read: " + denied.get()));
        }
        KeystoreContent content = provider.content(registered, file, withKeys);
        List<KeystoreContent.Item> mine = content.items().stream().filter(i -> i.place() == logical).toList();
        return new Read(mine, content.notes());
    }

    private CertificateEntry entry(KeystoreContent.Item item) throws CertificateStoreException {
        EntryAttributes attributes = EntryAttributes.defaults().withFriendlyName(item.alias())
                .withDescription("From the keystore " + registered.path() + " of the service "
                        + provider.serviceOf(context) + (item.alias().isEmpty() ? "" : ", alias " + item.alias()) + ".");
        return CertificateEntry.builder(item.certificate()).scope(context.scope()).logicalStore(logical)
                .physicalStore(name()).hasPrivateKey(item.keyEntry()).attributes(attributes).location(location())
                .build();
    }

    @Override
    public StoreListing list() throws CertificateStoreException {
        List<StoreProblem> problems = new ArrayList<>();
        Map<String, CertificateEntry> entries = new LinkedHashMap<>();
        if (locked() && logical == LogicalStore.PERSONAL) {
            problems.add(new StoreProblem(logical, name(), location(), "The keystore " + registered.path()
                    + " is protected by a password that is not registered: its private keys show after you give it"
                    + " (cairn: --db-password-env or --db-password-file), or register a password file (cairn cert"
                    + " add-physical-store --password-file)."));
        }
        try {
            Read read = read(false);
            for (KeystoreContent.Item item : read.items()) {
                CertificateEntry entry = entry(item);
                entries.putIfAbsent(entry.thumbprint(), entry);
            }
            if (logical == LogicalStore.PERSONAL) {
                read.notes().forEach(n -> problems.add(new StoreProblem(logical, name(), location(), n)));
            }
        } catch (CertificateStoreException e) {
            if (logical == LogicalStore.PERSONAL) {
                problems.add(new StoreProblem(logical, name(), location(), e.getMessage()));
            }
        }
        return new StoreListing(List.copyOf(entries.values()), problems);
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        for (CertificateEntry entry : list().entries()) {
            if (entry.thumbprint().equals(thumbprint)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private Optional<KeystoreContent.Item> item(String thumbprint, boolean withKeys) throws CertificateStoreException {
        for (KeystoreContent.Item item : read(withKeys).items()) {
            try {
                if (CertificateEntry.sha1(item.certificate().getEncoded()).equals(thumbprint)) {
                    return Optional.of(item);
                }
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new CertificateStoreException("A certificate of " + registered.path() + " cannot be encoded: "
                        + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        if (locked()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The keystore " + registered.path()
                    + " is protected by a password that has not been given: give it (cairn: --db-password-file or"
                    + " --db-password-env; the console asks when it opens the store), or register a password file."));
        }
        try {
            Optional<KeystoreContent.Item> item = item(thumbprint, true);
            if (item.isEmpty() || !item.get().keyEntry()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The keystore "
                        + registered.path() + " holds no private key for the certificate " + thumbprint + "."));
            }
            if (item.get().key().isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The private key of "
                        + item.get().alias() + " in " + registered.path() + " cannot be read under the keystore's"
                        + " password (it has a password of its own)."));
            }
            return Optional.empty();
        } catch (CertificateStoreException e) {
            return Optional.of(e.denial().orElseGet(() -> new AccessDenial(AccessDenial.Reason.NO_ACCESS,
                    e.getMessage())));
        }
    }

    @Override
    public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        return item(thumbprint, true).flatMap(KeystoreContent.Item::key).orElseThrow(() ->
                new CertificateStoreException("The keystore " + registered.path() + " changed while it was read;"
                        + " refresh the view."));
    }

    /** No key is deleted from a service's keystore. */
    @Override
    public Optional<AccessDenial> whyKeyNotDeletable(String thumbprint) {
        return Optional.of(readOnly());
    }

    @Override
    public boolean locked() {
        return provider.locked(registered, file);
    }

    @Override
    public boolean unlock(char[] password) throws CertificateStoreException {
        return provider.unlock(registered, file, password);
    }
}
