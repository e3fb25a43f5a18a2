package org.cairn.certificates.cli;

import java.util.Map;
import java.util.Optional;

/** The {@code --help} texts. */
final class Help {

    static final String OVERVIEW = """
            Usage: cairn cert SUBCOMMAND [OPTIONS]

            Manage certificates from the command line, with the same stores and engine as the console.

            Subcommands:
              list             list certificates
              show             show certificates in detail (fields, chain, private key)
              export           export a certificate to a file (PFX, DER, Base-64, PKCS #7)
              import           import a certificate file (PFX/P12, CER/CRT, P7B, PEM)
              new-self-signed  create a self-signed certificate with its private key
              delete           delete a certificate (and its private key)
              inspect          describe a PKCS #12 file: algorithms, MAC, bags, who can read it
              trust            trust a root everywhere: system anchors and every NSS database (--everywhere)
              distrust         remove a root from every place it is trusted (--everywhere)
              protocol         the version of the protocol another computer's console speaks with this one

            Another computer over SSH: --computer [user@]host[:port] with list, show, export, import, delete,
            new-self-signed; --computers FILE (one computer a line) with list, show, export, import, in parallel.
            See cairn cert remote --help.

            Run cairn cert SUBCOMMAND --help for its options.
            Scopes: --scope user (default) | computer | service:NAME. Stores: --store My, Root, CA, Trust,
            TrustedPeople, TrustedPublisher, Disallowed, AuthRoot, ClientAuthIssuer, AddressBook.
            CAIRN_STORE_ROOT moves every scope under one folder (user/, computer/, services/NAME/).
            --debug (with any subcommand) shows the details of a failure.
            Exit status: 0 done, 1 refused or failed, 2 wrong command line, 70 internal error.
            """;

    private static final Map<String, String> COMMANDS = Map.ofEntries(
            Map.entry("trust", """
                    Usage: cairn cert trust THUMBPRINT --everywhere [--json]

                    Adds the root (found in any store of the current user or the computer) to Trusted Root
                    Certification Authorities in every writable place other programs read: the computer's local
                    trust anchors (as root; the system's trust is updated) and each of your NSS databases
                    (Firefox, Chrome). Cairn's own store is left as it is. Prints each place and what happened;
                    exit status 1 when a place refused (the reason is printed).
                    """),
            Map.entry("distrust", """
                    Usage: cairn cert distrust THUMBPRINT --everywhere [--json]

                    Removes the certificate from Trusted Root Certification Authorities in every writable place of
                    the current user and the computer, Cairn's own store included. Prints each place and what
                    happened, and the read-only places that still hold it; exit status 1 when a place refused.
                    """),
            Map.entry("protocol", """
                    Usage: cairn cert protocol [--json]

                    Says which version of the remote protocol this Cairn speaks ({"protocol": N, "subcommands": [...]}).
                    A console on another computer asks it first over SSH (cairn cert --computer).
                    """),
            Map.entry("remote", """
                    Usage: cairn cert SUBCOMMAND --computer [user@]host[:port] [OPTIONS]
                           cairn cert list|show|export|import --computers FILE [--parallel N] [OPTIONS]

                    Runs the subcommand on another computer over SSH, with that computer's own cairn cert and the
                    rights of the account you log in with (never sudo). Your ~/.ssh is used as ssh uses it: config
                    (Host, HostName, User, Port, IdentityFile, ProxyJump, UserKnownHostsFile), the default key files,
                    known_hosts. A host key that is not in known_hosts is refused until you accept it (a question on
                    a terminal, or --accept-host-key SHA256:...); a changed host key is always refused.
                      --computer SPEC        [user@]host[:port], or a Host name of ~/.ssh/config
                      --computers FILE       one computer a line (# comments); one result line per computer (or one
                                             JSON object a line with --json); exit 1 if any failed
                      --parallel N           how many computers at once with --computers (default 8, at most 64)
                      --ssh-config FILE      another OpenSSH client configuration (as ssh -F)
                      --remote-cairn CMD     how to start Cairn there (default: cairn on its PATH; or CAIRN_REMOTE_CAIRN)
                      --accept-host-key FP   accept an unknown host key with this SHA-256 fingerprint (added to
                                             known_hosts)
                      --passphrase-file F | --passphrase-env V   the passphrase of an encrypted key file (else asked
                                             on the terminal)
                    export writes --out on THIS computer (with --computers, --out is a folder: one HOST.pfx each): the
                    remote Cairn exports and verifies into a private temporary folder there, the bytes come back over
                    SSH, are checked against the remote's SHA-256, read back here by Cairn's PKCS #12 reader and only
                    then written; the temporary folder is removed. --delete-key deletes the remote key only after that.
                    import sends the file into a private temporary folder there, removed afterwards. Passwords go over
                    the connection's standard input, never in an argument.
                    """),
            Map.entry("list", """
                    Usage: cairn cert list [--scope user|computer|service:NAME] [--store NAME] [--physical] [--json]
                                           [--db-password-file FILE | --db-password-env VARIABLE]

                    Lists the certificates of one logical store (--store), or of every store of the scope.
                      --physical  also the physical stores behind each logical store (Cairn's own .Default, the
                               system trust bundle, the user's NSS databases: "NSS: Chrome and system",
                               "Firefox: PROFILE", ...), with where they are; --json then gives an object with
                               "physicalStores" (store, name, location, writable, locked) and "certificates"
                      --db-password-file/--db-password-env  the primary password of NSS databases that have
                               one: their private keys (and so their certificates in Personal) show only with it
                      --json   a JSON array; each object has thumbprint (SHA-1, upper-case hex), subject, issuer,
                               issuedTo, issuedBy, serialNumber, notBefore, notAfter (ISO-8601 UTC), friendlyName,
                               description, purposes, hasPrivateKey, exportable, store (short name), storeName,
                               physicalStore, scope
                    """),
            Map.entry("show", """
                    Usage: cairn cert show THUMBPRINT... [--scope SCOPE] [--store NAME] [--json]
                                           [--db-password-file FILE | --db-password-env VARIABLE]

                    Shows each certificate: its fields, intended purposes, certificate template, friendly name and
                    properties, its extensions as Windows' Details tab shows them, whether you have its private key
                    and whether it is exportable (and why not), its certification path and its status: the
                    verdict of PKIX validation up to Trusted Root Certification Authorities, in the words of the
                    certificate dialog (--json: "status": {"code", "message", "failedAt", "detail"}; codes: ok,
                    not-time-valid, issuer-not-found, untrusted-root, not-trusted, invalid-ca, distrusted, revoked,
                    bad-signature, not-valid, cannot-check). Revocation is not checked. "Held in" (--json:
                    "heldIn") lists every physical store of the current user and the computer that holds it:
                    Cairn's own, the system's anchors and bundle, Java's cacerts, NSS databases, service files.
                    Thumbprints may contain spaces or colons. Exit status 1 when one is not found.
                    """),
            Map.entry("export", """
                    Usage: cairn cert export THUMBPRINT --out FILE [--format pfx|der|base64|p7b|ID] [--chain]
                                              [--extended-properties] [--delete-key]
                                              [--encryption aes256-sha256|tripledes-sha1] [--force]
                                              [--password-file FILE | --password-env VARIABLE]
                                              [--db-password-file FILE | --db-password-env VARIABLE]
                                              [--scope SCOPE] [--store NAME] [--json]

                    Exports a certificate, as the Certificate Export Wizard does. pfx (the default) includes the
                    private key, protected by the password (from --password-file, --password-env, or standard
                    input; never from an argument). An existing FILE is kept unless --force is given.
                    A certificate from an NSS database (a browser's client certificate) exports with its key like any
                    other; a database with a primary password needs it, separately from the file's password
                    (--db-password-file FILE or --db-password-env VARIABLE).
                    Other bundles can add certificate-only formats: --format ID names one (an unknown --format
                    lists those installed).
                    """),
            Map.entry("import", """
                    Usage: cairn cert import FILE [--store NAME [--physical-store NAME] | --auto] [--exportable]
                                             [--extended-properties] [--password-file FILE | --password-env VARIABLE]
                                             [--db-password-file FILE | --db-password-env VARIABLE]
                                             [--scope SCOPE] [--json]

                    Imports a PKCS #12 (.pfx, .p12), X.509 (.cer, .crt; DER or Base-64), PKCS #7 (.p7b, .p7c)
                    or PEM file, all or nothing, as the Certificate Import Wizard does.
                      --auto                 choose the store by the type of certificate (the default): with its
                                             private key -> My; self-signed -> Root; other CA -> CA; else AddressBook
                      --store NAME           put every certificate in that store
                      --physical-store NAME  into that physical store behind it (cairn cert list --physical), for
                                             example "NSS: Chrome and system" or "Firefox: default-release"; an
                                             NSS database takes them one at a time, its primary password from
                                             --db-password-file/--db-password-env; a running Firefox refuses
                      --exportable           mark the private key as exportable (off by default)
                      --extended-properties  include all extended properties (description, properties)
                    The password (for PKCS #12 files and encrypted keys) comes from --password-file FILE (its
                    first line), --password-env VARIABLE, or standard input (a prompt on a terminal). An empty
                    password opens files protected with the empty or with no password, as Windows does.
                    """),
            Map.entry("new-self-signed", """
                    Usage: cairn cert new-self-signed --subject DN [--key rsa2048|rsa3072|rsa4096|ec-p256|ec-p384|ed25519]
                                                      [--days N] [--eku serverAuth,clientAuth,...]
                                                      [--friendly-name NAME] [--exportable] [--store My]
                                                      [--scope SCOPE] [--json]

                    Creates a self-signed certificate with a new private key (default ec-p256, 365 days, store My).
                    --eku takes serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning,
                    ipsecIKE, smartcardLogon, documentSigning, efs, any, or OIDs. The key is exportable only with
                    --exportable.
                    """),
            Map.entry("delete", """
                    Usage: cairn cert delete THUMBPRINT [--scope SCOPE] [--store NAME] [--json]

                    Deletes the certificate and its private key. When the certificate is in several stores of the
                    scope, say which with --store.
                    """),
            Map.entry("inspect", """
                    Usage: cairn cert inspect FILE [--password-file FILE | --password-env VARIABLE] [--json]

                    Describes a PKCS #12 file: its integrity check (MAC) and iteration counts, its safes and
                    their encryption, its bags and their attributes, and which readers are expected to open it.
                    Without a password the empty and the absent password are tried; bags in encrypted safes are
                    shown when the password opens them. Exit status 1 when the file cannot be read completely.
                    """));

    private Help() {
    }

    static Optional<String> of(String command) {
        return Optional.ofNullable(COMMANDS.get(command));
    }
}
