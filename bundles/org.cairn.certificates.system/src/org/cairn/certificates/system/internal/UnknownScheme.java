package org.cairn.certificates.system.internal;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.spi.PhysicalStore;

/**
 * {@code .LocalAnchors} on a system whose trust scheme Cairn does not know: empty and read-only, so that the
 * physical stores view and every refusal say why the computer's trust cannot be changed here.
 */
final class UnknownScheme implements PhysicalStore {

    private final SystemLayout layout;
    private final String why;

    UnknownScheme(SystemLayout layout, String why) {
        this.layout = layout;
        this.why = why;
    }

    @Override
    public String name() {
        return AnchorStore.ANCHORS;
    }

    @Override
    public String location() {
        return "(none on this system under " + layout.root() + ")";
    }

    @Override
    public LogicalStore logicalStore() {
        return LogicalStore.TRUSTED_ROOT;
    }

    @Override
    public StoreListing list() {
        return new StoreListing(List.of(), List.of());
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) {
        return Optional.empty();
    }

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        return Optional.of(readOnly());
    }

    @Override
    public AccessDenial readOnly() {
        return new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, why);
    }
}
