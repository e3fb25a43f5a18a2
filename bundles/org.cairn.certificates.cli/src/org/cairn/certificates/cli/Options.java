package org.cairn.certificates.cli;

import java.util.Optional;

import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The options several subcommands share, as picocli mixins. */
final class Options {

    private Options() {
    }

    /** {@code -h}, {@code --help}. */
    static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean requested;
    }

    /** {@code --json}. */
    static final class Json {
        @Option(names = "--json", description = "Print the result as JSON.")
        boolean json;
    }

    /** {@code --scope}, {@code --store}. */
    static final class ScopeStore {
        @Option(names = "--scope", paramLabel = "SCOPE", converter = ScopeConverter.class,
                description = "user (the default), computer or service:NAME.")
        Scope scope;

        @Option(names = "--store", paramLabel = "NAME", converter = StoreConverter.class,
                description = "A logical store: My, Root, CA, Trust, TrustedPeople, TrustedPublisher, Disallowed, "
                        + "AuthRoot, ClientAuthIssuer, AddressBook.")
        LogicalStore store;

        Scope scope() {
            return scope == null ? Scope.currentUser() : scope;
        }

        Optional<LogicalStore> store() {
            return Optional.ofNullable(store);
        }
    }

    /** A file's password: {@code --password-file}, {@code --password-env} (never the password itself). */
    static final class Password {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "The password: the content of FILE without one trailing line end.")
        String file;

        @Option(names = "--password-env", paramLabel = "VARIABLE",
                description = "The password: the value of the environment variable VARIABLE.")
        String env;

        Io.SecretSource source() {
            return new Io.SecretSource("password-file", Optional.ofNullable(file), "password-env", Optional.ofNullable(env));
        }
    }

    /** The primary password of NSS databases, or a token's PIN, separate from a file's password. */
    static final class DbPassword {
        @Option(names = "--db-password-file", paramLabel = "FILE", description = "The primary password of NSS "
                + "databases that have one (Firefox profiles), the password of a service's registered keystore, or the "
                + "PIN of a smart card or token, from FILE; without it their private keys stay hidden. Tried on a token "
                + "only when it fits no database, once.")
        String file;

        @Option(names = "--db-password-env", paramLabel = "VARIABLE",
                description = "The primary password of NSS databases, a registered keystore's password, or a token's "
                        + "PIN, from the environment variable VARIABLE.")
        String env;

        Io.SecretSource source() {
            return new Io.SecretSource("db-password-file", Optional.ofNullable(file), "db-password-env",
                    Optional.ofNullable(env));
        }
    }

    /**
     * Another computer over SSH ({@link RemoteCommand}): {@code --computer}, {@code --computers} and what goes with
     * them. These options stay on this side; the subcommand's own options go to the other computer.
     */
    static final class Remote {
        @Option(names = "--computer", paramLabel = "SPEC",
                description = "Run on another computer over SSH: [user@]host[:port], or a Host of ~/.ssh/config.")
        String computer;

        @Option(names = "--computers", paramLabel = "FILE", description = "Run on each computer of FILE (one a line, "
                + "# comments): one result line a computer (one JSON object a line with --json); exit status 1 if any failed.")
        String computers;

        @Option(names = "--parallel", paramLabel = "N",
                description = "How many computers at once with --computers (default 8, at most 64).")
        Integer parallel;

        @Option(names = "--ssh-config", paramLabel = "FILE", description = "Another OpenSSH client configuration (as ssh -F).")
        String sshConfig;

        @Option(names = "--remote-cairn", paramLabel = "COMMAND", description = "How to start Cairn there (default: "
                + "cairn on its PATH, or CAIRN_REMOTE_CAIRN).")
        String remoteCairn;

        @Option(names = "--accept-host-key", paramLabel = "SHA256:...", description = "Accept an unknown host key with "
                + "this SHA-256 fingerprint (it is added to known_hosts).")
        String acceptHostKey;

        @Option(names = "--passphrase-file", paramLabel = "FILE", description = "The passphrase of an encrypted key file, "
                + "from FILE (else asked on the terminal).")
        String passphraseFile;

        @Option(names = "--passphrase-env", paramLabel = "VARIABLE",
                description = "The passphrase of an encrypted key file, from the environment variable VARIABLE.")
        String passphraseEnv;

        boolean requested() {
            return computer != null || computers != null;
        }

        Io.SecretSource passphrase() {
            return new Io.SecretSource("passphrase-file", Optional.ofNullable(passphraseFile), "passphrase-env",
                    Optional.ofNullable(passphraseEnv));
        }
    }

    /**
     * {@code --computer} and {@code --computers} on a subcommand that does not run on another computer: taken (and
     * not shown in its help) only to say so.
     */
    static final class LocalOnly {
        @Option(names = "--computer", hidden = true)
        String computer;

        @Option(names = "--computers", hidden = true)
        String computers;

        boolean requested() {
            return computer != null || computers != null;
        }
    }

    static final class ScopeConverter implements ITypeConverter<Scope> {
        @Override
        public Scope convert(String value) {
            try {
                return Scope.fromToken(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class StoreConverter implements ITypeConverter<LogicalStore> {
        @Override
        public LogicalStore convert(String value) {
            try {
                return LogicalStore.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
