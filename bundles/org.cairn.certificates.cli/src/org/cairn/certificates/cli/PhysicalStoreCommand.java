package org.cairn.certificates.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.Scope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cairn cert add-physical-store} and {@code remove-physical-store}: a service's keystore file (JKS, JCEKS,
 * PKCS #12) registered as a physical store of that service account, through
 * {@link CertificateStore#registerPhysicalStore} (the keystore provider writes
 * {@code /etc/cairn/services/NAME.conf}).
 */
final class PhysicalStoreCommand {

    private PhysicalStoreCommand() {
    }

    /** The options both share. */
    static final class Target {
        @Parameters(paramLabel = "FILE", description = "The keystore file (JKS, JCEKS or PKCS #12), absolute or "
                + "relative to the current folder.")
        Path file;

        @Option(names = "--scope", paramLabel = "service:NAME", required = true, converter = Options.ScopeConverter.class,
                description = "The service account whose keystore it is (service:NAME).")
        Scope scope;

        Scope.Service service() throws UsageException {
            if (scope instanceof Scope.Service service) {
                return service;
            }
            throw new UsageException("keystores are registered for a service account: --scope service:NAME (not "
                    + scope.token() + ").");
        }
    }

    @Command(name = "add-physical-store", header = "register a service's keystore file as a physical store",
            description = {"Register a service's keystore (JKS, JCEKS or PKCS #12) as a physical store of its service "
                    + "account: its certificates show in that account's stores (those with a private key in "
                    + "Personal), and can be exported with their keys. The file stays where it is and is never changed.",
                "The registration is kept in /etc/cairn/services/NAME.conf (root only). With --password-file, the "
                    + "keystore's password is read from that file whenever the store is read, and checked now; "
                    + "without it, give the password when needed (--db-password-file/--db-password-env; the console "
                    + "asks)."})
    static final class Add implements Subcommand {
        @Mixin
        Options.Help help;
        @Mixin
        Target target;
        @Option(names = "--password-file", paramLabel = "FILE", description = "The file holding the keystore's "
                + "password on its first line (registered as its path, not its content).")
        Path passwordFile;
        @Mixin
        Options.Json json;
        @Mixin
        Options.LocalOnly remote;

        private final Session session;

        Add(Session session) {
            this.session = session;
        }

        @Override
        public int run() throws UsageException, CommandException {
            Scope.Service service = target.service();
            Path file = target.file.toAbsolutePath().normalize();
            CertificateStore store = session.open(service);
            CertificateStore.PhysicalStoreInfo info;
            try {
                info = store.registerPhysicalStore(file,
                        Optional.ofNullable(passwordFile).map(p -> p.toAbsolutePath().normalize()));
            } catch (CertificateStoreException e) {
                throw new CommandException(e.getMessage(), e);
            }
            if (json.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("scope", service.token());
                m.put("physicalStore", info.name());
                m.put("location", info.location());
                session.io().out().println(Json.write(m));
            } else {
                session.io().out().println("Registered " + file + " for the service " + service.name() + " as the "
                        + "physical store \"" + info.name() + "\" (cairn cert list --scope " + service.token()
                        + " --physical).");
            }
            return CertCommand.DONE;
        }
    }

    @Command(name = "remove-physical-store", header = "unregister a service's keystore file",
            description = "Remove the registration made by add-physical-store; the keystore file itself stays.")
    static final class Remove implements Subcommand {
        @Mixin
        Options.Help help;
        @Mixin
        Target target;
        @Mixin
        Options.LocalOnly remote;

        private final Session session;

        Remove(Session session) {
            this.session = session;
        }

        @Override
        public int run() throws UsageException, CommandException {
            Scope.Service service = target.service();
            Path file = target.file.toAbsolutePath().normalize();
            CertificateStore store = session.open(service);
            try {
                if (!store.unregisterPhysicalStore(file)) {
                    throw new CommandException(file + " is not registered for the service " + service.name()
                            + "; nothing was changed.");
                }
            } catch (CertificateStoreException e) {
                throw new CommandException(e.getMessage(), e);
            }
            session.io().out().println("Removed the registration of " + file + " for the service " + service.name()
                    + "; the file itself stays.");
            return CertCommand.DONE;
        }
    }
}
