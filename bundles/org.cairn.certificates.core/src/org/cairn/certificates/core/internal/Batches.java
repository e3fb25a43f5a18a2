package org.cairn.certificates.core.internal;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.List;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;

/** {@link CertificateStore#addAll(List)} of the merged view: one provider, the one of the writable stores, does it. */
final class Batches {

    private Batches() {
    }

    static List<CertificateEntry> addAll(StoreContext context, List<StoreProvider> providers, CertificateStore view,
            List<NewEntry> entries) throws CertificateStoreException {
        if (entries.isEmpty()) {
            return List.of();
        }
        StoreProvider writer = null;
        for (NewEntry entry : entries) {
            StoreProvider found = null;
            for (StoreProvider provider : providers) {
                java.util.Optional<PhysicalStore> physical = provider.open(context, entry.store());
                if (physical.isPresent() && physical.get().writable()) {
                    found = provider;
                    break;
                }
            }
            if (found == null) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE,
                        "No physical store behind " + entry.store().displayName() + " of " + context.scope().displayName()
                                + " is writable. Nothing was added."));
            }
            if (writer != null && writer != found) {
                throw new CertificateStoreException("The certificates go to stores of different providers (" + writer.id()
                        + ", " + found.id() + "), which cannot be changed all at once; add them one store at a time. Nothing was added.");
            }
            writer = found;
        }
        writer.addAll(context, entries);
        List<CertificateEntry> added = new ArrayList<>(entries.size());
        for (NewEntry entry : entries) {
            String thumbprint;
            try {
                thumbprint = CertificateEntry.sha1(entry.certificate().getEncoded());
            } catch (CertificateEncodingException e) {
                throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
            }
            added.add(view.find(entry.store(), thumbprint).orElseThrow(() -> new CertificateStoreException(
                    "The certificate " + thumbprint + " was deleted by another program right after it was added.")));
        }
        return List.copyOf(added);
    }
}
