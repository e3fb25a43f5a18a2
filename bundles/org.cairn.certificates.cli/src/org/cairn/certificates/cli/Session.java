package org.cairn.certificates.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.Scope;

/**
 * What the subcommands of one {@code cairn cert} run share: the streams and the services, which are waited for only
 * when a subcommand needs them (not for {@code --help} or a usage error).
 */
final class Session {

    /** Where the services come from. */
    @FunctionalInterface
    interface ServiceSource {
        CliServices get() throws CommandException;
    }

    private final ServiceSource source;
    private final Io io;
    private CliServices services;

    Session(ServiceSource source, Io io) {
        this.source = source;
        this.io = io;
    }

    Io io() {
        return io;
    }

    /**
     * @return the services, looked up once (a subcommand working on several computers at once asks from several
     *         threads)
     */
    synchronized CliServices services() throws CommandException {
        if (services == null) {
            services = source.get();
        }
        return services;
    }

    CertificateStore open(Scope scope) throws CommandException {
        try {
            return services().stores().open(scope);
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /**
     * Opens the scope and, when a database password was given, unlocks the physical stores that wait for one (NSS
     * databases with a primary password, smart cards and tokens with a PIN). A password that fits none of them is an
     * error; one that fits some leaves the others locked, with a warning. A token counts every wrong PIN and locks
     * itself after a few, so the password goes to the tokens only when it fits no NSS database (a Firefox primary
     * password is never tried as a PIN), and to each token once.
     */
    CertificateStore open(Scope scope, Options.DbPassword db) throws CommandException, UsageException {
        CertificateStore store = open(scope);
        if (!db.source().given()) {
            return store;
        }
        char[] password = io.secret(db.source()).orElseThrow();
        try {
            List<CertificateStore.PhysicalStoreInfo> locked = store.lockedStores();
            List<CertificateStore.PhysicalStoreInfo> databases = locked.stream().filter(l -> !token(l)).toList();
            List<CertificateStore.PhysicalStoreInfo> tokens = locked.stream().filter(Session::token).toList();
            List<String> wrong = new ArrayList<>();
            boolean fitted = false;
            for (CertificateStore.PhysicalStoreInfo info : databases) {
                if (store.unlock(info.location(), password)) {
                    fitted = true;
                } else {
                    wrong.add(info.name() + " (" + info.location() + ")");
                }
            }
            for (CertificateStore.PhysicalStoreInfo info : tokens) {
                if (fitted) {
                    wrong.add(info.name() + " (" + info.location() + ")");
                } else if (!store.unlock(info.location(), password)) {
                    wrong.add(info.name() + " (" + info.location() + ")");
                }
            }
            if (!locked.isEmpty() && wrong.size() == locked.size()) {
                throw new CommandException("the database password or PIN (--db-password-file/--db-password-env) is wrong "
                        + "for " + String.join(", ", wrong) + ". Nothing was done.");
            }
            for (String w : wrong) {
                io.err().println("warning: the database password or PIN does not fit " + w
                        + "; its private keys stay hidden.");
            }
            return store;
        } catch (CertificateStoreException e) {
            throw new CommandException(e.getMessage(), e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** @return whether the store is a smart card or token (its location a PKCS #11 URI) */
    private static boolean token(CertificateStore.PhysicalStoreInfo info) {
        return info.location().startsWith("pkcs11:");
    }
}
