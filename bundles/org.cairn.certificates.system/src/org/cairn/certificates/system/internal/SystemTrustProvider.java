package org.cairn.certificates.system.internal;

import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The computer's trust anchors ({@code .LocalAnchors} behind Trusted Root Certification Authorities) and, where the
 * distribution's scheme has one, its blocklist ({@code .Blocklist} behind Untrusted Certificates). Both prefer adds
 * that name no physical store: adding a root to the computer means "this machine trusts it". The distribution's
 * own roots stay in core's read-only {@code .SystemTrustBundle}.
 */
@Component(service = StoreProvider.class)
public final class SystemTrustProvider implements StoreProvider {

    private final SystemLayout layout;
    /** One update command at a time from this process (they rewrite the same extracted files). */
    private final Object updateLock = new Object();

    /** For DS: the layout of this process's properties and environment. */
    public SystemTrustProvider() {
        this(SystemLayout.fromEnvironment());
    }

    /** @param layout where the system's files and commands are */
    public SystemTrustProvider(SystemLayout layout) {
        this.layout = layout;
    }

    @Override
    public String id() {
        return "system-trust";
    }

    /** After Cairn's own store (order 0), before the distribution's bundle (100). */
    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        if (!(context.scope() instanceof Scope.Computer)
                || (store != LogicalStore.TRUSTED_ROOT && store != LogicalStore.UNTRUSTED)) {
            return Optional.empty();
        }
        TrustScheme.Detection detection = TrustScheme.detect(layout);
        if (detection.scheme().isEmpty()) {
            return store == LogicalStore.TRUSTED_ROOT
                    ? Optional.of(new UnknownScheme(layout, detection.whyReadOnly().orElse(""))) : Optional.empty();
        }
        TrustScheme scheme = detection.scheme().get();
        if (store == LogicalStore.TRUSTED_ROOT) {
            return Optional.of(new AnchorStore(context, layout, detection, store, scheme.anchors(), updateLock));
        }
        return scheme.blocklist().map(dir -> new AnchorStore(context, layout, detection, store, dir, updateLock));
    }
}
