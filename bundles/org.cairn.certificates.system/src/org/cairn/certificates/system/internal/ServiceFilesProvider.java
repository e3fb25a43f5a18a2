package org.cairn.certificates.system.internal;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The certificate and key files of the computer's services ({@link PemPlace}: /etc/ssl, /etc/pki/tls, certbot's live
 * folders, systemd's credential store) as physical stores behind the computer's Personal store, one per place that
 * exists; and, behind a service account's Personal store ({@code service:NAME}), the files its systemd unit loads
 * ({@code LoadCredential=}, read-only: {@link UnitCredentials}). Adds that name no physical store still go to Cairn's own store: a service's files are written only when
 * the administrator names them ({@code --physical-store "Files: /etc/ssl"}).
 */
@Component(service = StoreProvider.class)
public final class ServiceFilesProvider implements StoreProvider {

    private final SystemLayout layout;
    /** One write at a time from this process into a place's files. */
    private final Object writeLock = new Object();

    /** For DS: the layout of this process's properties and environment. */
    public ServiceFilesProvider() {
        this(SystemLayout.fromEnvironment());
    }

    /** @param layout where the system's files are */
    public ServiceFilesProvider(SystemLayout layout) {
        this.layout = layout;
    }

    @Override
    public String id() {
        return "service-files";
    }

    /** After Cairn's own store (0) and the trust anchors (10), before NSS (50). */
    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        return openAll(context, store).stream().findFirst();
    }

    @Override
    public List<PhysicalStore> openAll(StoreContext context, LogicalStore store) {
        if (store != LogicalStore.PERSONAL) {
            return List.of();
        }
        if (context.scope() instanceof Scope.Service service) {
            // the files the service's systemd unit loads (LoadCredential=), when it has such a unit
            return UnitCredentials.read(layout, service.name())
                    .filter(unit -> !unit.files().isEmpty() || !unit.problems().isEmpty())
                    .<List<PhysicalStore>>map(unit -> List.of(new PemPairStore(context, layout, PemPlace.unit(unit),
                            writeLock)))
                    .orElse(List.of());
        }
        if (!(context.scope() instanceof Scope.Computer)) {
            return List.of();
        }
        List<PhysicalStore> stores = new ArrayList<>();
        for (PemPlace place : PemPlace.ALL) {
            if (Files.isDirectory(layout.resolve(place.certDir()))) {
                stores.add(new PemPairStore(context, layout, place, writeLock));
            }
        }
        return stores;
    }
}
