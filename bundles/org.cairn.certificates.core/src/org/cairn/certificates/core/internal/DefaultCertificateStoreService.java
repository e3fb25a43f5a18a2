package org.cairn.certificates.core.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The certificate store service: merges the {@link StoreProvider} services present (DS, dynamic) or given
 * (plain Java) into the logical stores of each scope. Roots come from {@link StoreRoots#fromEnvironment()} and the
 * identity from the operating system unless given.
 */
@Component(service = CertificateStoreService.class)
public final class DefaultCertificateStoreService implements CertificateStoreService {

    private final StoreRoots roots;
    private final Identity identity;
    private final List<StoreProvider> providers = new CopyOnWriteArrayList<>();

    /** For DS: the roots of the environment and the identity of this process; providers arrive as services. */
    public DefaultCertificateStoreService() {
        this(StoreRoots.fromEnvironment(), Identity.current(), List.of());
    }

    /**
     * @param roots     where the scopes live
     * @param identity  whose rights to check
     * @param providers the store providers
     */
    public DefaultCertificateStoreService(StoreRoots roots, Identity identity, List<StoreProvider> providers) {
        this.roots = roots;
        this.identity = identity;
        this.providers.addAll(providers);
    }

    /** @param provider a store provider service that appeared */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(StoreProvider provider) {
        providers.add(provider);
    }

    /** @param provider a store provider service that went away */
    void removeProvider(StoreProvider provider) {
        providers.remove(provider);
    }

    @Override
    public CertificateStore open(Scope scope) throws CertificateStoreException {
        Path root = roots.root(scope);
        if (scope instanceof Scope.CurrentUser && !Files.isDirectory(root)) {
            try {
                // the user's certificates are the user's alone, from the first moment
                AtomicFiles.createDirectories(root, AtomicFiles.OWNER_ONLY_DIR);
            } catch (AccessDeniedException e) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS,
                        "Cannot create your certificate store " + root + ": permission denied on " + e.getFile() + "."));
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot create your certificate store " + root + ": " + e.getMessage(), e);
            }
        }
        List<StoreProvider> ordered = new ArrayList<>(providers);
        ordered.sort(Comparator.comparingInt(StoreProvider::order).thenComparing(StoreProvider::id));
        return new MergedCertificateStore(new StoreContext(scope, root, identity), ordered, this::open);
    }

    @Override
    public Identity identity() {
        return identity;
    }

    @Override
    public StoreRoots roots() {
        return roots;
    }
}
