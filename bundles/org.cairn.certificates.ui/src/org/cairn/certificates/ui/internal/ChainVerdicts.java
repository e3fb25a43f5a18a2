package org.cairn.certificates.ui.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.cairn.certificates.core.AccessDenial;
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
 * used on the UI thread. The first rows' verdicts are computed in advance, off the UI thread ({@link #prepare}): the
 * first validations of a run are the slow ones (the runtime's signature code is not yet compiled, hundreds of
 * milliseconds of CPU on a loaded machine), and the rows drawn first are those a person sees at once.
 */
final class ChainVerdicts {

    /** How many rows {@link #prepare} validates at most: more than a window shows. */
    static final int PREPARED_ROWS = 100;
    /** How long {@link #prepare} may take at most. */
    static final Duration PREPARE_BUDGET = Duration.ofMillis(500);

    private final Map<String, ChainValidation> byThumbprint = new ConcurrentHashMap<>();
    /** Whether the user may not read a row's private key ("no access"), by thumbprint. */
    private final Map<String, Boolean> keyDenied = new ConcurrentHashMap<>();
    private final CertificateStore store;
    private final ChainValidator validator;

    /** Reads the stores validation needs: call off the UI thread. */
    ChainVerdicts(CertificateStore store) {
        this.store = store;
        ChainValidator read;
        try {
            read = store.validator(ValidationOptions.defaults());
        } catch (CertificateStoreException e) {
            read = null; // the listing shows why the store is unreadable; the column stays quiet
        }
        this.validator = read;
    }

    /**
     * Validates the first of {@code entries}, and asks whether their keys may be read, in order, up to {@link #PREPARED_ROWS} of them or for
     * {@link #PREPARE_BUDGET}, whichever comes first. Call off the UI thread, where the listing is read.
     */
    void prepare(List<CertificateEntry> entries) {
        long until = System.nanoTime() + PREPARE_BUDGET.toNanos();
        for (CertificateEntry entry : entries.subList(0, Math.min(entries.size(), PREPARED_ROWS))) {
            if (System.nanoTime() > until) {
                return;
            }
            if (validator != null) {
                byThumbprint.computeIfAbsent(entry.thumbprint(), thumbprint -> validator.validate(entry));
            }
            keyDenied(entry); // the Status column says "no access to the key" too: a question to the key's store
        }
    }

    /**
     * @return whether {@code entry} has a private key the user may not read (asking the physical store that holds
     *         it: an NSS database, a token, a key file), kept for this listing
     */
    boolean keyDenied(CertificateEntry entry) {
        if (!entry.hasPrivateKey()) {
            return false;
        }
        return keyDenied.computeIfAbsent(entry.thumbprint(), thumbprint -> store.whyKeyNotExportable(entry)
                .map(AccessDenial::reason).filter(reason -> reason == AccessDenial.Reason.NO_ACCESS).isPresent());
    }

    /** @return how many verdicts are known */
    int known() {
        return byThumbprint.size();
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
