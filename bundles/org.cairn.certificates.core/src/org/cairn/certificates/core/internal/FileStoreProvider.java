package org.cairn.certificates.core.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/** Provides the writable file store ({@code .Default}) behind every logical store of every scope. */
@Component(service = StoreProvider.class)
public final class FileStoreProvider implements StoreProvider {

    /** How long a change waits for another program's lock, in seconds (system property, for tests and scripts). */
    static final String TIMEOUT_PROPERTY = "cairn.store.lockTimeout";

    /**
     * Shared by all stores of this provider, so threads of one process queue instead of failing on the OS lock. A
     * wait longer than a moment is reported through the platform logger (the command line shows it on stderr), with
     * the lock file and the process holding it.
     */
    private final StoreLocks locks = new StoreLocks(
            java.time.Duration.ofSeconds(Math.max(1, Long.getLong(TIMEOUT_PROPERTY, 60))),
            message -> System.getLogger("org.cairn.certificates.core").log(System.Logger.Level.WARNING, message));

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

    @Override
    public void addAll(StoreContext context, List<NewEntry> entries) throws CertificateStoreException {
        if (!entries.isEmpty()) {
            new FileStore(locks, context, entries.get(0).store()).addAll(entries);
        }
    }
}
