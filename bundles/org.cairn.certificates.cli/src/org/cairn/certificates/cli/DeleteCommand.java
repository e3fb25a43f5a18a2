package org.cairn.certificates.cli;

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

/** {@code cairn cert delete}. */
@Command(name = "delete", header = "delete a certificate (and its private key)", description = {"Delete the certificate and its private key. When the certificate is in several "
        + "stores of the scope, say which with --store.",
    "--key-only deletes only the private key; the certificate stays (as the console's Delete Private Key...)."})
final class DeleteCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "THUMBPRINT", description = "The certificate's SHA-1 thumbprint.")
    String thumbprint;
    @Option(names = "--key-only", description = "Delete only the private key; the certificate stays in its store.")
    boolean keyOnly;
    @Mixin
    Options.ScopeStore where;
    @Mixin
    Options.Json json;
    @Mixin
    Options.DbPassword db;
    @Mixin
    Options.Remote remote;

    private final Session session;

    DeleteCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        String thumbprint = Entries.thumbprint(this.thumbprint);
        Scope scope = where.scope();
        Optional<LogicalStore> logical = where.store();
        // a locked NSS database or token is changed only after its primary password or PIN
        CertificateStore store = session.open(scope, db);
        CertificateEntry entry = Entries.findOne(store, scope, logical, thumbprint, "Nothing was deleted.");
        if (keyOnly) {
            return deleteKey(store, entry);
        }
        try {
            store.delete(entry);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage() + " Nothing was deleted.", e);
        }
        if (json.json) {
            io.out().println(Json.write(Entries.summary(entry)));
        } else {
            io.out().println("Deleted " + thumbprint + "  " + entry.subject() + " from " + entry.logicalStore().displayName()
                    + (entry.hasPrivateKey() ? ", with its private key." : "."));
        }
        return CertCommand.DONE;
    }

    /** {@code --key-only}: the store's own refusal (no key, a read-only store, no access) says why not. */
    private int deleteKey(CertificateStore store, CertificateEntry entry) throws CommandException {
        Optional<String> why = store.whyKeyNotDeletable(entry).map(d -> d.message());
        if (why.isPresent()) {
            throw new CommandException(why.get() + " Nothing was deleted.");
        }
        CertificateEntry after;
        try {
            after = store.deletePrivateKey(entry);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage() + " Nothing was deleted.", e);
        }
        if (json.json) {
            session.io().out().println(Json.write(Entries.summary(after)));
        } else {
            session.io().out().println("Deleted the private key of " + entry.thumbprint() + "  " + entry.subject()
                    + "; the certificate stays in " + entry.logicalStore().displayName() + ".");
        }
        return CertCommand.DONE;
    }
}
