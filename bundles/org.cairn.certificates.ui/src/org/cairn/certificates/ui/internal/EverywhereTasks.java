package org.cairn.certificates.ui.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.certificates.core.TrustEverywhere.Place;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.CertificateItem;
import org.eclipse.e4.ui.model.application.ui.menu.MItem;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * All Tasks → Trust Everywhere... and Distrust Everywhere... on one certificate (issue 14 item 3): asks, runs
 * {@link TrustEverywhere} off the UI thread ({@link StoreWork}: update-ca-certificates may take seconds) and shows
 * each place with what happened there. Shared by the two stateless handlers.
 */
final class EverywhereTasks {

    private EverywhereTasks() {
    }

    /** @return the one certificate selected in the details pane, if that is the selection */
    static Optional<CertificateEntry> selected(List<?> items) {
        if (items != null && items.size() == 1 && items.get(0) instanceof CertificateItem item) {
            return Optional.of(item.entry());
        }
        return Optional.empty();
    }

    /**
     * @return why the certificate cannot be trusted everywhere (it is not a root: issued by another), if so, in the
     *         console's words. Asked on the UI thread when the menu shows: decided from the names alone, without
     *         reading the certificate (which for another computer's certificate is a round trip); the core
     *         ({@link TrustEverywhere#whyNotARoot}) checks the signature too before it changes anything.
     */
    static Optional<String> whyNotTrustable(CertificateEntry entry) {
        if (entry.isSelfIssued()) {
            return Optional.empty();
        }
        return Optional.of(Messages.format("everywhere.trust.notRoot", entry.issuedBy()));
    }

    /** Trust Everywhere...: asks, adds the root everywhere, reports. @return whether anything changed */
    static boolean trust(Shell shell, CertificateStoreService stores, CertificateEntry entry) {
        TrustEverywhere everywhere = new TrustEverywhere(stores);
        return change(shell, entry, "trust", "storeWork.trusting", () -> everywhere.trust(entry.certificate()),
                TrustEverywhere.Outcome.ADDED);
    }

    /** Distrust Everywhere...: asks, removes the certificate from every Trusted Root it may change, reports. */
    static boolean distrust(Shell shell, CertificateStoreService stores, CertificateEntry entry) {
        TrustEverywhere everywhere = new TrustEverywhere(stores);
        return change(shell, entry, "distrust", "storeWork.distrusting", () -> everywhere.distrust(entry.thumbprint()),
                TrustEverywhere.Outcome.REMOVED);
    }

    /**
     * Asks (everywhere.KIND.question), runs the change off the UI thread and reports each place.
     *
     * @param kind    "trust" or "distrust": the texts' keys
     * @param changed the outcome that counts as a change
     * @return whether any place changed
     */
    private static boolean change(Shell shell, CertificateEntry entry, String kind, String progressKey,
            StoreWork.Change<List<Place>> change, TrustEverywhere.Outcome changed) {
        String name = name(entry);
        String title = Messages.get("everywhere." + kind + ".title");
        if (!MessageDialog.openQuestion(shell, title, Messages.format("everywhere." + kind + ".question", name))) {
            return false;
        }
        List<Place> places;
        try {
            places = StoreWork.run(shell, Messages.get(progressKey), change);
        } catch (CertificateStoreException e) {
            MessageDialog.openError(shell, title, Messages.format("everywhere.failed", e.getMessage()));
            return false;
        }
        report(shell, title, places, Messages.format("everywhere." + kind + ".none", name),
                Messages.format("everywhere." + kind + ".done", name));
        return places.stream().anyMatch(p -> p.outcome() == changed);
    }

    /**
     * A handler's {@code @CanExecute}: one certificate selected, the stores there, and nothing {@code denied}; the
     * menu item's tooltip says why not, or what it does.
     */
    static boolean canExecute(List<?> items, CertificateStoreService stores, MItem item,
            Function<CertificateEntry, Optional<String>> denied, String descriptionKey) {
        Optional<CertificateEntry> entry = selected(items);
        if (stores == null || entry.isEmpty()) {
            return false;
        }
        // another computer's certificate: these tasks change this computer's stores, never that one's
        Optional<String> why = items.get(0) instanceof CertificateItem one && one.store() instanceof RemoteStore
                ? Optional.of(Messages.get("everywhere.remote")) : denied.apply(entry.get());
        if (item != null) {
            item.setTooltip(why.orElse(Messages.get(descriptionKey)));
        }
        return why.isEmpty();
    }

    private static void report(Shell shell, String title, List<Place> places, String none, String done) {
        if (places.isEmpty()) {
            MessageDialog.openInformation(shell, title, none);
            return;
        }
        StringBuilder text = new StringBuilder(done).append("\n");
        for (Place place : places) {
            text.append("\n").append(line(place));
        }
        if (places.stream().anyMatch(Place::refused)) {
            MessageDialog.openWarning(shell, title, text.toString());
        } else {
            MessageDialog.openInformation(shell, title, text.toString());
        }
    }

    /** @return "• Scope / logical store / physical store: outcome", the outcome in the console's words */
    static String line(Place place) {
        String outcome = Messages.format("everywhere.outcome." + place.outcome().name(), place.detail());
        return outcome.isEmpty() ? Messages.format("everywhere.placeOnly", place.where())
                : Messages.format("everywhere.place", place.where(), outcome);
    }

    private static String name(CertificateEntry entry) {
        return entry.friendlyName().isEmpty() ? entry.issuedTo() : entry.friendlyName();
    }
}
