package org.cairn.certificates.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.ChainValidator;
import org.cairn.certificates.core.ValidationOptions;

/**
 * The verdicts of one listing's rows. The stores that validation needs (roots, intermediates, untrusted) are read
 * when the listing is made, which is off the UI thread (the listing is a background load, console API 1.2). A row's
 * verdict is computed when its Status cell is first drawn (the table is virtual, so only visible rows ever are:
 * one path validation each, no store access) and kept while the listing lives. A refresh (after any change to a
 * store) makes a new listing, so verdicts never outlive the store contents they were computed from. {@link #of} is
 * used on the UI thread only.
 */
final class ChainVerdicts {

    private final Map<String, ChainValidation> byThumbprint = new HashMap<>();
    private final ChainValidator validator;

    /** Reads the stores validation needs: call off the UI thread. */
    ChainVerdicts(CertificateStore store) {
        ChainValidator read;
        try {
            read = store.validator(ValidationOptions.defaults());
        } catch (CertificateStoreException e) {
            read = null; // the listing shows why the store is unreadable; the column stays quiet
        }
        this.validator = read;
    }

    /** @return the verdict on {@code entry}, or empty when the stores cannot be read */
    Optional<ChainValidation> of(CertificateEntry entry) {
        ChainValidation known = byThumbprint.get(entry.thumbprint());
        if (known != null) {
            return Optional.of(known);
        }
        if (validator == null) {
            return Optional.empty();
        }
        ChainValidation validation = validator.validate(entry);
        byThumbprint.put(entry.thumbprint(), validation);
        return Optional.of(validation);
    }
}
