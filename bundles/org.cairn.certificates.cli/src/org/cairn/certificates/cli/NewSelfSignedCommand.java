package org.cairn.certificates.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cairn cert new-self-signed}. */
@Command(name = "new-self-signed", header = "create a self-signed certificate with its private key", description = "Create a self-signed certificate with a new private key (default "
        + "ec-p256, 365 days, store My). The key is exportable only with --exportable.")
final class NewSelfSignedCommand implements Subcommand {

    @Mixin
    Options.Help help;
    @Option(names = "--subject", paramLabel = "DN", required = true,
            description = "The subject, for example \"CN=www.example.org,O=Example\".")
    String subject;
    @Option(names = "--key", paramLabel = "ALGORITHM", defaultValue = "ec-p256",
            description = "rsa2048, rsa3072, rsa4096, ec-p256 (the default), ec-p384 or ed25519.")
    String key;
    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Valid for N days (1 to 36500; "
            + "default 365).")
    int days;
    @Option(names = "--eku", paramLabel = "PURPOSE", split = ",", description = "Purposes, comma-separated: serverAuth, "
            + "clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, ipsecIKE, smartcardLogon, "
            + "documentSigning, efs, any, or OIDs.")
    String[] eku = {};
    @Option(names = "--friendly-name", paramLabel = "NAME", defaultValue = "", description = "The friendly name.")
    String friendlyName;
    @Option(names = "--exportable", description = "Mark the private key as exportable.")
    boolean exportable;
    @Mixin
    Options.ScopeStore where;
    @Mixin
    Options.Json json;
    @Mixin
    Options.Remote remote;

    private final Session session;

    NewSelfSignedCommand(Session session) {
        this.session = session;
    }

    @Override
    public int run() throws UsageException, CommandException {
        Io io = session.io();
        KeyAlgorithm algorithm = switch (key.toLowerCase(Locale.ROOT)) {
            case "rsa2048" -> KeyAlgorithm.RSA_2048;
            case "rsa3072" -> KeyAlgorithm.RSA_3072;
            case "rsa4096" -> KeyAlgorithm.RSA_4096;
            case "ec-p256" -> KeyAlgorithm.EC_P256;
            case "ec-p384" -> KeyAlgorithm.EC_P384;
            case "ed25519" -> KeyAlgorithm.ED25519;
            default -> throw new UsageException("--key: use rsa2048, rsa3072, rsa4096, ec-p256, ec-p384 or ed25519 (got '"
                    + key + "').");
        };
        if (days < 1 || days > 36_500) {
            throw new UsageException("--days: give between 1 and 36500 days (got " + days + ").");
        }
        List<Purpose> purposes = new ArrayList<>();
        for (String name : eku) {
            purposes.add(purpose(name.trim()));
        }
        LogicalStore target = where.store().orElse(LogicalStore.PERSONAL);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CertificateRequest request;
        try {
            request = CertificateRequest.of(subject).withAlgorithm(algorithm).withValidity(now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(days))).withPurposes(purposes)
                    .withFriendlyName(friendlyName).withExportable(exportable);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cairn cert new-self-signed: " + e.getMessage());
        }
        CertificateStore store = session.open(where.scope());
        CertificateEntry entry;
        try {
            entry = session.services().factory().createSelfSignedIn(store, target, request);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (json.json) {
            io.out().println(Json.write(Entries.summary(entry)));
        } else {
            io.out().println("Created " + entry.thumbprint() + "  " + entry.subject() + " in " + target.displayName()
                    + " (" + algorithm.displayName() + ", valid to " + Entries.DAY.format(entry.notAfter()) + ", key "
                    + (entry.exportable() ? "exportable" : "not exportable") + ").");
        }
        return CertCommand.DONE;
    }

    private static Purpose purpose(String name) throws UsageException {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "serverauth" -> Purpose.SERVER_AUTHENTICATION;
            case "clientauth" -> Purpose.CLIENT_AUTHENTICATION;
            case "codesigning" -> Purpose.CODE_SIGNING;
            case "emailprotection" -> Purpose.SECURE_EMAIL;
            case "timestamping" -> Purpose.TIME_STAMPING;
            case "ocspsigning" -> Purpose.OCSP_SIGNING;
            case "ipsecike" -> Purpose.IP_SECURITY_IKE;
            case "smartcardlogon" -> Purpose.SMART_CARD_LOGON;
            case "documentsigning" -> Purpose.DOCUMENT_SIGNING;
            case "efs" -> Purpose.ENCRYPTING_FILE_SYSTEM;
            case "any" -> Purpose.ANY_PURPOSE;
            default -> {
                if (name.matches("[0-2](\\.[0-9]+)+")) {
                    yield Purpose.ofOid(name);
                }
                throw new UsageException("--eku: unknown purpose '" + name + "'. Use serverAuth, clientAuth, codeSigning, "
                        + "emailProtection, timeStamping, OCSPSigning, ipsecIKE, smartcardLogon, documentSigning, efs, any, or an OID.");
            }
        };
    }
}
