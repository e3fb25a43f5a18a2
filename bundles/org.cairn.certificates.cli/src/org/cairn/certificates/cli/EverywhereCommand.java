package org.cairn.certificates.cli;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.TrustEverywhere;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn cert trust|distrust THUMBPRINT --everywhere}: {@link TrustEverywhere} (the console's All Tasks use it too); each place on its own line. The two
 * subcommands differ only in their direction and help.
 */
abstract class EverywhereCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Parameters(paramLabel = "THUMBPRINT", description = "The root certificate's SHA-1 thumbprint.")
    String thumbprint;
    @Option(names = "--everywhere", required = true, description = "Every writable place (required: the change "
            + "reaches beyond Cairn's own store).")
    boolean everywhere;
    @Mixin
    Options.Json json;
    @Mixin
    Options.LocalOnly remote;

    private final Session session;
    private final boolean trust;

    EverywhereCommand(Session session, boolean trust) {
        this.session = session;
        this.trust = trust;
    }

    @Override
    public final int run() throws UsageException, CommandException {
        Io io = session.io();
        String thumbprint = Entries.thumbprint(this.thumbprint);
        TrustEverywhere everywhere = new TrustEverywhere(session.services().stores());
        List<TrustEverywhere.Place> places;
        try {
            if (trust) {
                X509Certificate root = everywhere.certificate(thumbprint).orElseThrow(() ->
                        new CommandException("no certificate with thumbprint " + thumbprint + " in any store of "
                                + "the current user or the computer; import it first (cairn cert import FILE)."));
                places = everywhere.trust(root);
            } else {
                places = everywhere.distrust(thumbprint);
            }
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (json.json) {
            List<Object> all = new ArrayList<>();
            for (TrustEverywhere.Place p : places) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scope", p.scope().token());
                m.put("store", p.store().shortName());
                m.put("physicalStore", p.physicalStore());
                m.put("outcome", p.outcomeText());
                all.add(m);
            }
            io.out().println(Json.write(all));
        } else {
            places.forEach(p -> io.out().println(p.line()));
            if (places.isEmpty()) {
                io.out().println("No place to change: no writable physical store behind Trusted Root Certification"
                        + " Authorities of the current user or the computer.");
            }
        }
        boolean failed = places.stream().anyMatch(TrustEverywhere.Place::refused);
        return failed ? CertCommand.FAILED : CertCommand.DONE;
    }
}
