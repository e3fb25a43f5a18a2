package org.cairn.certificates.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn cert set}: what the certificate's Properties dialog changes (its General tab: friendly name and
 * description) and the extended properties, as PowerShell's certificate provider sets FriendlyName on an item.
 */
@Command(name = "set", header = "change a certificate's friendly name, description or extended properties",
        description = {"Change the friendly name, the description or extended properties of a certificate, as its "
                + "Properties dialog does; the certificate and its key stay as they are. Give at least one change; an "
                + "empty TEXT removes the friendly name or the description.",
            "With --json, the entry as it is afterwards (the fields of cairn cert list --json)."})
final class SetCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "THUMBPRINT", description = "The certificate's SHA-1 thumbprint.")
    String thumbprint;
    @Option(names = "--friendly-name", paramLabel = "TEXT", description = "The new friendly name (empty for none).")
    String friendlyName;
    @Option(names = "--description", paramLabel = "TEXT", description = "The new description (empty for none).")
    String description;
    @Option(names = "--property", paramLabel = "NAME=VALUE", description = "Set an extended property; may be "
            + "repeated.")
    List<String> properties = new ArrayList<>();
    @Option(names = "--remove-property", paramLabel = "NAME", description = "Remove an extended property; may be "
            + "repeated.")
    List<String> removed = new ArrayList<>();
    @Mixin
    Options.ScopeStore where;
    @Mixin
    Options.Json json;
    @Mixin
    Options.DbPassword db;
    @Mixin
    Options.Remote remote;

    private final Session session;

    SetCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        String thumbprint = Entries.thumbprint(this.thumbprint);
        Map<String, String> put = new LinkedHashMap<>();
        for (String p : properties) {
            int equals = p.indexOf('=');
            if (equals <= 0) {
                throw new UsageException("cairn cert set: --property takes NAME=VALUE with a non-empty NAME (got '" + p
                        + "').");
            }
            put.put(p.substring(0, equals), p.substring(equals + 1));
        }
        for (String name : removed) {
            if (name.isEmpty() || put.containsKey(name)) {
                throw new UsageException("cairn cert set: --remove-property takes the NAME of a property that is not "
                        + "also set (got '" + name + "').");
            }
        }
        if (friendlyName == null && description == null && put.isEmpty() && removed.isEmpty()) {
            throw new UsageException("cairn cert set: say what to change: --friendly-name TEXT, --description TEXT, "
                    + "--property NAME=VALUE or --remove-property NAME.");
        }
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        CertificateStore store = session.open(scope, db);
        CertificateEntry entry = Entries.findOne(store, scope, logical, thumbprint, "Nothing was changed.");
        if (!removed.isEmpty()) {
            List<String> absent = removed.stream().filter(n -> !entry.properties().containsKey(n)).toList();
            if (!absent.isEmpty()) {
                throw new CommandException("the certificate " + thumbprint + " has no extended propert"
                        + (absent.size() == 1 ? "y " : "ies ") + String.join(", ", absent) + ". Nothing was changed.");
            }
        }
        CertificateEntry changed = entry;
        try {
            // one refusal (a read-only physical store, another account's entry) comes before any change
            Optional<String> why = store.whyNotModifiable(entry).map(d -> d.message());
            if (why.isPresent()) {
                throw new CommandException(why.get() + " Nothing was changed.");
            }
            if (friendlyName != null) {
                changed = store.setFriendlyName(changed, friendlyName);
            }
            if (description != null) {
                changed = store.setDescription(changed, description);
            }
            for (Map.Entry<String, String> p : put.entrySet()) {
                changed = store.putProperty(changed, p.getKey(), p.getValue());
            }
            for (String name : removed) {
                changed = store.removeProperty(changed, name);
            }
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage() + (changed == entry ? " Nothing was changed."
                    : " Some changes were made: see cairn cert show " + thumbprint + "."), e);
        }
        if (json.json) {
            session.io().out().println(Json.write(Entries.summary(changed)));
        } else {
            session.io().out().println("Changed " + thumbprint + "  " + changed.subject() + " in "
                    + changed.logicalStore().displayName() + ": friendly name \"" + changed.friendlyName()
                    + "\", description \"" + changed.description() + "\"" + (changed.properties().isEmpty() ? ""
                            : ", extended properties " + changed.properties()) + ".");
        }
        return CertCommand.DONE;
    }
}
