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
        boolean preferred = false;
        for (NewEntry entry : entries) {
            // the same choice as a single add: a writable store that asks for new entries first (the system's local
            // anchors for the computer's Trusted Root), else the first writable one
            StoreProvider found = null;
            boolean foundPreferred = false;
            for (StoreProvider provider : providers) {
                java.util.Optional<PhysicalStore> physical = provider.open(context, entry.store());
                if (physical.isPresent() && physical.get().writable()) {
                    if (physical.get().preferredTarget()) {
                        found = provider;
                        foundPreferred = true;
                        break;
                    }
                    if (found == null) {
                        found = provider;
                    }
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
            preferred |= foundPreferred;
        }
        if (preferred) {
            return oneByOne(view, entries);
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

    /**
     * Adds through stores that change more than Cairn's own files (the system's trust anchors run the
     * distribution's update command for each change): one at a time, and what was added is deleted again when a
     * later add fails. A process killed in between can leave part of such an import; Cairn's own stores, which keep
     * a journal, never do.
     */
    private static List<CertificateEntry> oneByOne(CertificateStore view, List<NewEntry> entries)
            throws CertificateStoreException {
        List<CertificateEntry> added = new ArrayList<>(entries.size());
        try {
            for (NewEntry entry : entries) {
                added.add(view.add(entry.store(), entry.certificate(), entry.privateKey(), entry.attributes()));
            }
        } catch (CertificateStoreException | RuntimeException e) {
            for (CertificateEntry undo : added.reversed()) {
                try {
                    view.delete(undo);
                } catch (CertificateStoreException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        return List.copyOf(added);
    }
}
