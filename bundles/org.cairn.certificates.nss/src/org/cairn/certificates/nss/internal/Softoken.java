package org.cairn.certificates.nss.internal;

import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NSS's software token ({@code libsoftokn3.so}) loaded once per process, with every NSS database Cairn reads
 * opened read-only as one slot each ({@code tokens=<0x04=[configdir=...]...>} in the library parameters), so
 * that several databases can be open at once (the JDK's SunPKCS11 opens only one per process).
 *
 * <p>Process-wide on purpose: softokn keeps its state per process and refuses a second {@code C_Initialize}, so
 * one Java owner mirrors the native reality. Every call is serialised on this object. When a database is asked for
 * that is not open yet, the module is finalised and initialised again with the larger set (slots keep their
 * numbers, logins are lost and asked for again).</p>
 */
final class Softoken {

    /** The first slot id softokn gives to databases named in {@code tokens=} (SFTK_MIN_USER_SLOT_ID). */
    private static final long FIRST_SLOT = 4;
    /** The last one (SFTK_MAX_USER_SLOT_ID). */
    private static final long LAST_SLOT = 100;

    /** Where Debian, Ubuntu, Fedora and Arch keep it; the library's own name last (the loader's search path). */
    static final List<Path> LIBRARY_CANDIDATES = List.of(
            Path.of("/usr/lib/x86_64-linux-gnu/libsoftokn3.so"), Path.of("/usr/lib/aarch64-linux-gnu/libsoftokn3.so"),
            Path.of("/usr/lib64/libsoftokn3.so"), Path.of("/usr/lib/libsoftokn3.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/nss/libsoftokn3.so"));

    private static final class Holder {
        static final Softoken INSTANCE = new Softoken();
    }

    private final Map<Path, Long> slots = new LinkedHashMap<>();
    /** Logged-in databases and the session that keeps each logged in (closing a slot's last session logs out). */
    private final Map<Path, Long> loggedIn = new HashMap<>();
    private Pkcs11 module;
    private boolean initialized;
    private RuntimeException loadFailure;
    /** The one database opened read-write for {@link #withWritableSession}, else null. */
    private Path writable;

    private Softoken() {
    }

    /** @return the process's softokn */
    static Softoken get() {
        return Holder.INSTANCE;
    }

    /** @return the library to load, if NSS is installed */
    static Optional<Path> library() {
        return LIBRARY_CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
    }

    /** What runs with an open session on a database's slot. */
    @FunctionalInterface
    interface SessionWork<T> {
        T run(Pkcs11 p11, long session);
    }

    /**
     * @param directory an NSS database directory (holding cert9.db and key4.db)
     * @param work      what to do in a session on its slot (no handles may be kept after it returns)
     * @return what the work returned
     * @throws Pkcs11Exception when the module or the database cannot be opened, or the work fails
     */
    synchronized <T> T withSession(Path directory, SessionWork<T> work) {
        long slot = slot(directory);
        long session = module.openSession(slot, false);
        try {
            return work.run(module, session);
        } finally {
            module.closeSession(session);
        }
    }

    /**
     * Runs a change that NSS's tools cannot make (a key's CKA_EXTRACTABLE) in a read-write, logged-in session: the
     * module is initialised again with this one database writable, and once more read-only after the change, so that
     * Cairn never keeps a database open for writing. Logins of other databases are lost, as on any
     * re-initialisation, and given again by their owner ({@link NssStoreProvider}).
     *
     * @param password the primary password, if the database has one (not cleared here)
     */
    synchronized <T> T withWritableSession(Path directory, Optional<char[]> password, SessionWork<T> work) {
        long slot = slot(directory);
        writable = directory;
        try {
            reinitialize();
            long session = module.openSession(slot, true);
            try {
                if (password.isPresent() && module.tokenInfo(slot).needsLogin()) {
                    byte[] pin = Passwords.utf8(password.get());
                    try {
                        Pkcs11.check("C_Login", module.login(session, pin));
                    } finally {
                        java.util.Arrays.fill(pin, (byte) 0);
                    }
                }
                return work.run(module, session);
            } finally {
                module.closeSession(session);
            }
        } finally {
            writable = null;
            reinitialize();
        }
    }

    /** @return whether the database has a primary password that has not been given in this process yet */
    synchronized boolean locked(Path directory) {
        long slot = slot(directory);
        return !loggedIn.containsKey(directory) && module.tokenInfo(slot).needsLogin();
    }

    /**
     * @param password the database's primary password (not cleared here)
     * @return whether the password was right
     */
    synchronized boolean login(Path directory, char[] password) {
        byte[] pin = Passwords.utf8(password);
        long slot = slot(directory);
        long session = module.openSession(slot, false);
        boolean keep = false;
        try {
            long rv = module.login(session, pin);
            if (rv == Pkcs11.CKR_OK || rv == Pkcs11.CKR_USER_ALREADY_LOGGED_IN) {
                loggedIn.put(directory, session);
                keep = true;
                return true;
            }
            if (rv == Pkcs11.CKR_PIN_INCORRECT) {
                return false;
            }
            Pkcs11.check("C_Login", rv);
            return false;
        } finally {
            java.util.Arrays.fill(pin, (byte) 0);
            if (!keep) {
                module.closeSession(session);
            }
        }
    }

    private long slot(Path directory) {
        Long slot = slots.get(directory);
        if (slot != null && initialized) {
            return slot;
        }
        if (slot == null) {
            long next = slots.values().stream().mapToLong(Long::longValue).max().orElse(FIRST_SLOT - 1) + 1;
            if (next > LAST_SLOT) {
                throw new Pkcs11Exception("More than " + (LAST_SLOT - FIRST_SLOT + 1)
                        + " NSS databases in one process; restart Cairn.", -1);
            }
            checkPath(directory);
            slots.put(directory, next);
            slot = next;
        }
        reinitialize();
        return slot;
    }

    private void reinitialize() {
        if (loadFailure != null) {
            throw loadFailure;
        }
        if (module == null) {
            Path library = library().orElseThrow(() -> new Pkcs11Exception(
                    "NSS is not installed (libsoftokn3.so not found); install libnss3.", -1));
            try {
                // the library stays loaded for the life of the process, as softokn expects
                module = new Pkcs11(library, Arena.global());
            } catch (RuntimeException e) {
                loadFailure = e;
                throw e;
            }
        }
        if (initialized) {
            module.finalizeModule();
            initialized = false;
            loggedIn.clear();
        }
        // a database deleted meanwhile (a removed Firefox profile) would fail the whole initialisation
        slots.keySet().removeIf(dir -> !Files.isRegularFile(dir.resolve("cert9.db")));
        long rv = module.initialize(parameters());
        Pkcs11.check("C_Initialize", rv);
        initialized = true;
    }

    /**
     * The main slot opens no database (noCertDB, noModDB); each database is a read-only extra token, so
     * Cairn never writes a pkcs11.txt and changes a database through this module only in
     * {@link #withWritableSession} (the one thing NSS's tools cannot do).
     */
    private String parameters() {
        StringBuilder tokens = new StringBuilder();
        for (Map.Entry<Path, Long> e : slots.entrySet()) {
            tokens.append(String.format("0x%02x=[configdir='sql:%s' certPrefix='' keyPrefix='' tokenDescription='%s' "
                    + "%s] ", e.getValue(), e.getKey(), "Cairn " + e.getValue(),
                    e.getKey().equals(writable) ? "" : "flags=readOnly"));
        }
        return "configdir='' certPrefix='' keyPrefix='' secmod='' flags='readOnly,noCertDB,noModDB,forceOpen,optimizeSpace' "
                + "tokens=<" + tokens.toString().strip() + ">";
    }

    /** NSS's parameter syntax has quoting but no reliable nested escaping: such paths are refused, not mangled. */
    private static void checkPath(Path directory) {
        String s = directory.toString();
        for (char c : "'\"<>[]{}()\\".toCharArray()) {
            if (s.indexOf(c) >= 0) {
                throw new Pkcs11Exception("The NSS database path " + s + " contains the character " + c
                        + ", which Cairn cannot pass to NSS; open it with certutil instead.", -1);
            }
        }
    }
}
