package org.cairn.certificates.ui.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.TrustEverywhere;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.certificates.ui.CertificateItem;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.console.api.ActionContext;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.Icon;
import org.cairn.console.api.Property;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.api.RowStyle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** A certificate in the details pane: its columns, icon, Open, Properties and Delete. */
final class CertificateRow implements CertificateItem {

    private final CertificateStore store;
    private final CertificateEntry entry;
    private final Instant now;
    private final ChainVerdicts verdicts;
    private final Optional<TrustEverywhere> everywhere;

    CertificateRow(CertificateStore store, CertificateEntry entry, Instant now, ChainVerdicts verdicts,
            Optional<TrustEverywhere> everywhere) {
        this.store = store;
        this.entry = entry;
        this.now = now;
        this.verdicts = verdicts;
        this.everywhere = everywhere;
    }

    @Override
    public CertificateEntry entry() {
        return entry;
    }

    @Override
    public CertificateStore store() {
        return store;
    }

    @Override
    public String itemTypeId() {
        return CertificateUiIds.CERTIFICATE_ITEM;
    }

    @Override
    public String text(String columnId) {
        Optional<CertificateColumn> column = CertificateColumn.byId(columnId);
        if (column.isEmpty()) {
            return "";
        }
        if (column.get() == CertificateColumn.INTENDED_PURPOSES) {
            // what the whole path allows, as the certificate dialog says; the certificate's own when unreadable
            return verdicts.of(entry).map(validation -> Formats.purposesOrNone(validation.purposes()))
                    .orElseGet(() -> column.get().text(entry));
        }
        if (column.get() == CertificateColumn.STATUS) {
            // the certificate dialog's verdict, in short; its own dates when the stores cannot be read
            String validity = verdicts.of(entry).map(validation -> StatusTexts.column(validation, entry, now))
                    .orElseGet(() -> CertificateColumn.status(entry, now));
            if (validity.isEmpty() && keyNotAccessible()) {
                return Messages.get("status.keyNotAccessible");
            }
            return validity;
        }
        return column.get().text(entry);
    }

    private boolean keyNotAccessible() {
        return verdicts.keyDenied(entry);
    }

    /**
     * Expired and not yet valid certificates are drawn grey, besides what the Status column says. Only their own
     * dates decide it: the style of every row is asked when the list is sorted or searched, and a chain verdict for
     * each of 10,000 rows would take the UI thread for seconds.
     */
    @Override
    public RowStyle style() {
        return CertificateColumn.status(entry, now).isEmpty() ? RowStyle.NORMAL : RowStyle.DIMMED;
    }

    /**
     * Sorting by Status sorts by the certificate's own dates ("Expired", "Not yet valid"), not by the chain verdict:
     * a verdict for each of 10,000 rows would take the UI thread for many seconds.
     */
    @Override
    public Comparable<?> sortKey(String columnId) {
        if (CertificateColumn.STATUS.id().equals(columnId)) {
            return CertificateColumn.status(entry, now).toLowerCase(Locale.ROOT);
        }
        return CertificateColumn.byId(columnId).filter(column -> column != CertificateColumn.STATUS)
                .<Comparable<?>>map(column -> column.sortKey(entry)).orElseGet(() -> text(columnId));
    }

    @Override
    public Optional<Icon> icon() {
        // the red cross when the Status column names a problem: the same verdict, asked only for rows drawn
        boolean valid = verdicts.of(entry).map(ChainValidation::ok).orElseGet(() -> entry.isValidAt(now));
        return Optional.of(Icon.of(Images.of(entry, valid).url()));
    }

    @Override
    public List<ConsoleAction> actions() {
        return List.of(new Action("org.cairn.certificates.action.open", Messages.get("action.open"),
                Messages.get("action.open.description"), Optional.empty(), this::open));
    }

    private void open(ActionContext context) throws ConsoleException {
        Shell shell = context.adapt(Shell.class).orElse(null);
        Optional<ExportCommand> export = ExportCommand.of(context).map(command -> command.from(store));
        if (store instanceof RemoteStore remote && shell != null) {
            // the certificate itself comes over the connection: read it off the UI thread before the dialog shows it
            try {
                StoreWork.run(shell, Messages.format("remote.reading", remote.computer().toString()), entry::certificate);
            } catch (CertificateStoreException e) {
                throw new ConsoleException(e.getMessage(), e);
            }
        }
        new CertificateDialog(shell, store, entry, export, everywhere).open();
        context.refresh(context.node());
    }

    @Override
    public Optional<PropertySheet> properties() {
        boolean editable = store.whyNotModifiable(entry).isEmpty();
        List<Property> properties = new ArrayList<>();
        properties.add(new Property("friendlyName", Messages.get("sheet.friendlyName"), entry.friendlyName(), editable));
        properties.add(new Property("description", Messages.get("sheet.description"), entry.description(), editable));
        properties.add(Property.readOnly("issuedTo", Messages.get("sheet.issuedTo"), entry.issuedTo()));
        properties.add(Property.readOnly("issuedBy", Messages.get("sheet.issuedBy"), entry.issuedBy()));
        properties.add(Property.readOnly("validFrom", Messages.get("sheet.validFrom"), Formats.shortDate(entry.notBefore())));
        properties.add(Property.readOnly("validTo", Messages.get("sheet.validTo"), Formats.shortDate(entry.notAfter())));
        properties.add(Property.readOnly("thumbprint", Messages.get("sheet.thumbprint"),
                entry.thumbprint().toLowerCase(Locale.ROOT)));
        properties.add(Property.readOnly("privateKey", Messages.get("sheet.privateKey"), !entry.hasPrivateKey()
                ? Messages.get("sheet.privateKey.none")
                : Messages.get(entry.exportable() ? "field.privateKey.exportable" : "field.privateKey.notExportable")));
        properties.add(Property.readOnly("store", Messages.get("sheet.store"), entry.logicalStore().displayName()));
        String title = Messages.format("sheet.title", entry.friendlyName().isEmpty() ? entry.issuedTo() : entry.friendlyName());
        return Optional.of(new PropertySheet() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public List<Property> properties() {
                return properties;
            }

            @Override
            public void apply(Map<String, String> changed) throws ConsoleException {
                StoreWork.Change<CertificateEntry> save = () -> {
                    CertificateEntry updated = entry;
                    if (changed.containsKey("friendlyName")) {
                        updated = store.setFriendlyName(updated, changed.get("friendlyName").strip());
                    }
                    if (changed.containsKey("description")) {
                        updated = store.setDescription(updated, changed.get("description"));
                    }
                    return updated;
                };
                try {
                    // the host's Properties dialog calls this on the UI thread when OK or Apply is pressed
                    Display display = Display.getCurrent();
                    Shell shell = display == null ? null : display.getActiveShell();
                    if (shell != null) {
                        StoreWork.run(shell, Messages.get("storeWork.saving"), save);
                    } else {
                        save.run();
                    }
                } catch (CertificateStoreException e) {
                    throw new ConsoleException(Messages.format("properties.saveFailed.message", e.getMessage()), e);
                }
            }
        });
    }

    @Override
    public boolean canDelete() {
        // another computer decides there, with the rights of the account logged in with, and says why it refuses
        return store instanceof RemoteStore || store.whyNotModifiable(entry).isEmpty();
    }

    @Override
    public void delete(ActionContext context) throws ConsoleException {
        try {
            Optional<Shell> shell = context.adapt(Shell.class);
            if (shell.isPresent()) {
                // the host calls this on the UI thread: a store lock held elsewhere may take up to a minute
                StoreWork.run(shell.get(), Messages.get("storeWork.deleting"), () -> {
                    store.delete(entry);
                    return null;
                });
            } else {
                store.delete(entry);
            }
        } catch (CertificateStoreException e) {
            throw new ConsoleException(Messages.format("delete.denied", e.getMessage()), e);
        }
    }
}
