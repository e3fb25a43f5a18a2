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
 * The verdicts of one listing's rows. A row's verdict is computed when its Status cell is first drawn (the table is
 * virtual, so only visible rows ever are) and kept while the listing lives; the stores are read once, on the first
 * verdict. A refresh (after any change to a store) makes a new listing, so verdicts never outlive the store
 * contents they were computed from. Used on the UI thread only.
 */
final class ChainVerdicts {

    private final CertificateStore store;
    private final Map<String, ChainValidation> byThumbprint = new HashMap<>();
    private ChainValidator validator;
    private boolean unavailable;

    ChainVerdicts(CertificateStore store) {
        this.store = store;
    }

    /** @return the verdict on {@code entry}, or empty when the stores cannot be read */
    Optional<ChainValidation> of(CertificateEntry entry) {
        ChainValidation known = byThumbprint.get(entry.thumbprint());
        if (known != null) {
            return Optional.of(known);
        }
        if (validator == null && !unavailable) {
            try {
                validator = store.validator(ValidationOptions.defaults());
            } catch (CertificateStoreException e) {
                unavailable = true; // the listing shows why the store is unreadable; the column stays quiet
            }
        }
        if (validator == null) {
            return Optional.empty();
        }
        ChainValidation validation = validator.validate(entry);
        byThumbprint.put(entry.thumbprint(), validation);
        return Optional.of(validation);
    }
}
