package org.cairn.certificates.core.internal;

import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/** Provides the writable file store ({@code .Default}) behind every logical store of every scope. */
@Component(service = StoreProvider.class)
public final class FileStoreProvider implements StoreProvider {

    /** Shared by all stores of this provider, so threads of one process queue instead of failing on the OS lock. */
    private final StoreLocks locks = new StoreLocks();

    @Override
    public String id() {
        return "file";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        return Optional.of(new FileStore(locks, context, store));
    }
}
