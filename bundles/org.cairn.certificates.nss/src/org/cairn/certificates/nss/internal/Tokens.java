package org.cairn.certificates.nss.internal;

import java.io.ByteArrayInputStream;
import java.lang.foreign.Arena;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;

/**
 * The PKCS #11 tokens (smart cards, security keys, SoftHSM) of the modules registered with p11-kit, through
 * {@code p11-kit-proxy.so}, loaded once per process (as the proxy expects). A token is read without logging in until
 * its PIN is given ({@link #login}); PKCS #11 keeps a login for the whole process as long as one of its sessions on
 * the token stays open, so the logged-in session is kept here and the PIN is not: it is cleared right after C_Login.
 */
final class Tokens {

    static final List<Path> PROXY_CANDIDATES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/p11-kit-proxy.so"), Path.of("/usr/lib64/p11-kit-proxy.so"),
            Path.of("/usr/lib/p11-kit-proxy.so"));

    private static final class Holder {
        static final Tokens INSTANCE = new Tokens();
    }

    private Pkcs11 module;
    private RuntimeException failure;

    /** The logged-in sessions, by {@link Token#identity()}: closing the last one would log the token out. */
    private final Map<String, Held> held = new HashMap<>();

    private record Held(long slot, long session, boolean readWrite) {
    }

    private Tokens() {
    }

    static Tokens get() {
        return Holder.INSTANCE;
    }

    /** @return whether p11-kit is installed */
    static boolean available() {
        return PROXY_CANDIDATES.stream().anyMatch(Files::isRegularFile);
    }

    /**
     * One certificate on a token.
     *
     * @param der           its encoding
     * @param thumbprint    SHA-1
     * @param label         {@code CKA_LABEL}
     * @param id            {@code CKA_ID} (empty when it has none)
     * @param hasKey        whether its private key is on the token (see {@link Tokens#read()})
     * @param privateObject whether the certificate itself is a private object (seen only after login)
     */
    record TokenCert(byte[] der, String thumbprint, String label, byte[] id, boolean hasKey, boolean privateObject) {
    }

    /**
     * @param label        the token's label
     * @param serial       its serial number
     * @param flags        CK_TOKEN_INFO.flags when read
     * @param loggedIn     whether Cairn is logged in to it
     * @param readWrite    whether Cairn's session on it can write (read-write session opened)
     * @param certificates its certificates
     */
    record Token(String label, String serial, long flags, boolean loggedIn, boolean readWrite,
            List<TokenCert> certificates) {

        /** @return what tells this token from another with the same label */
        String identity() {
            return label + "\u0000" + serial;
        }

        /** @return whether the token has a user PIN not given yet: its private objects are hidden */
        boolean locked() {
            return !loggedIn && (flags & Pkcs11.CKF_LOGIN_REQUIRED) != 0 && (flags & Pkcs11.CKF_USER_PIN_INITIALIZED) != 0;
        }

        boolean writeProtected() {
            return (flags & Pkcs11.CKF_WRITE_PROTECTED) != 0;
        }
    }

    /**
     * @param rv    C_Login's return value (CKR_OK also when the token was logged in already)
     * @param flags the token's flags after the attempt (the PIN counters: CKF_USER_PIN_COUNT_LOW, _FINAL_TRY, _LOCKED)
     */
    record Login(long rv, long flags) {
    }

    /** A private key on a token, as far as it can be matched to a certificate. */
    record Key(byte[] id, Optional<byte[]> modulus, Optional<byte[]> publicKeyInfo) {
        static Key read(Pkcs11 p11, long session, long handle) {
            return new Key(p11.attribute(session, handle, Pkcs11.CKA_ID).orElse(new byte[0]),
                    p11.attribute(session, handle, Pkcs11.CKA_MODULUS),
                    p11.attribute(session, handle, Pkcs11.CKA_PUBLIC_KEY_INFO).filter(b -> b.length > 0));
        }

        /** @return whether this is the private key of the certificate: the same CKA_ID, or the same public key */
        boolean matches(byte[] certId, X509Certificate certificate) {
            if (certId.length > 0 && Arrays.equals(id, certId)) {
                return true;
            }
            if (publicKeyInfo.isPresent() && Arrays.equals(publicKeyInfo.get(), certificate.getPublicKey().getEncoded())) {
                return true;
            }
            return modulus.isPresent() && certificate.getPublicKey() instanceof RSAPublicKey rsa
                    && new BigInteger(1, modulus.get()).equals(rsa.getModulus());
        }
    }

    private void start() {
        if (failure != null) {
            throw failure;
        }
        if (module == null) {
            Path proxy = PROXY_CANDIDATES.stream().filter(Files::isRegularFile).findFirst()
                    .orElseThrow(() -> new Pkcs11Exception("p11-kit is not installed (p11-kit-proxy.so)", -1));
            try {
                Pkcs11 p11 = new Pkcs11(proxy, Arena.global());
                long rv = p11.initialize();
                if (rv != Pkcs11.CKR_OK && rv != Pkcs11.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                    Pkcs11.check("C_Initialize", rv);
                }
                module = p11;
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
            return;
        }
        // a logged-in session that is gone (card pulled out, module restarted) or no longer logged in is forgotten
        held.values().removeIf(h -> {
            Optional<Long> state = module.sessionState(h.session());
            boolean user = state.isPresent()
                    && (state.get() == Pkcs11.CKS_RO_USER_FUNCTIONS || state.get() == Pkcs11.CKS_RW_USER_FUNCTIONS);
            if (state.isPresent() && !user) {
                module.closeSession(h.session());
            }
            return !user;
        });
        if (held.isEmpty()) {
            // a card inserted or a token made since the last read shows only after p11-kit and its modules start
            // again (SoftHSM reads its token folder in C_Initialize). Not while a token is logged in: that would log it
            // out, and Cairn does not keep PINs to log in again; hot-plugged readers still show through C_GetSlotList
            module.finalizeModule();
            long rv = module.initialize();
            if (rv != Pkcs11.CKR_OK && rv != Pkcs11.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                Pkcs11.check("C_Initialize", rv);
            }
        }
    }

    /** @return every token present, read now (with its private objects when Cairn is logged in to it) */
    synchronized List<Token> read() {
        start();
        List<Token> tokens = new ArrayList<>();
        for (long slot : module.slots()) {
            Pkcs11.TokenInfo info = module.tokenInfo(slot);
            if ((info.flags() & Pkcs11.CKF_TOKEN_INITIALIZED) == 0) {
                continue; // an empty reader slot or SoftHSM's spare slot: nothing to show
            }
            Held h = held.get(info.label() + "\u0000" + info.serial());
            if (h != null && h.slot() == slot) {
                tokens.add(read(h.session(), info, true, h.readWrite()));
                continue;
            }
            long session = module.openSession(slot, false);
            try {
                tokens.add(read(session, info, false, false));
            } finally {
                module.closeSession(session);
            }
        }
        return tokens;
    }

    private Token read(long session, Pkcs11.TokenInfo info, boolean loggedIn, boolean readWrite) {
        HexFormat hex = HexFormat.of();
        Set<String> keyIds = new HashSet<>();
        List<Key> privateKeys = new ArrayList<>();
        for (long h : module.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PRIVATE_KEY})) {
            Key key = Key.read(module, session, h);
            keyIds.add(hex.formatHex(key.id()));
            privateKeys.add(key);
        }
        for (long h : module.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PUBLIC_KEY})) {
            module.attribute(session, h, Pkcs11.CKA_ID).ifPresent(id -> keyIds.add(hex.formatHex(id)));
        }
        // with the login (or on a token that has no PIN) every private key is visible: a certificate has its key when
        // one has its CKA_ID or its public key. Without it the private keys stay hidden, and a certificate with a
        // CKA_ID on a token that needs a PIN is, by the PKCS #11 convention, the certificate of the key pair with that id
        boolean keysVisible = loggedIn || (info.flags() & Pkcs11.CKF_LOGIN_REQUIRED) == 0;
        List<TokenCert> certificates = new ArrayList<>();
        for (long h : module.find(session, new long[] {Pkcs11.CKA_CLASS, Pkcs11.CKA_CERTIFICATE_TYPE},
                new long[] {Pkcs11.CKO_CERTIFICATE, Pkcs11.CKC_X_509})) {
            Optional<byte[]> der = module.attribute(session, h, Pkcs11.CKA_VALUE);
            if (der.isEmpty()) {
                continue;
            }
            String label = module.attribute(session, h, Pkcs11.CKA_LABEL)
                    .map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
            byte[] id = module.attribute(session, h, Pkcs11.CKA_ID).orElse(new byte[0]);
            boolean privateObject = module.booleanAttribute(session, h, Pkcs11.CKA_PRIVATE).orElse(false);
            boolean key;
            if (keysVisible) {
                Optional<X509Certificate> x509 = parse(der.get());
                key = privateKeys.stream().anyMatch(k -> x509.map(c -> k.matches(id, c)).orElse(false));
            } else {
                key = id.length > 0 && (keyIds.contains(hex.formatHex(id)) || (info.flags() & Pkcs11.CKF_LOGIN_REQUIRED) != 0);
            }
            certificates.add(new TokenCert(der.get(), CertificateEntry.sha1(der.get()), label, id, key, privateObject));
        }
        return new Token(info.label(), info.serial(), info.flags(), loggedIn, readWrite, List.copyOf(certificates));
    }

    static Optional<X509Certificate> parse(byte[] der) {
        try {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | RuntimeException e) {
            return Optional.empty(); // listed as a problem by the store
        }
    }

    private long slot(String identity) {
        for (long slot : module.slots()) {
            Pkcs11.TokenInfo info = module.tokenInfo(slot);
            if ((info.label() + "\u0000" + info.serial()).equals(identity)) {
                return slot;
            }
        }
        throw new Pkcs11Exception("the token is no longer present", Pkcs11.CKR_TOKEN_NOT_PRESENT);
    }

    /**
     * Logs in with the user PIN, once: a wrong PIN is never tried again here (each try counts against the card).
     * A token whose PIN is locked already is not tried at all.
     *
     * @param identity the token's {@link Token#identity()}
     * @param pin      the PIN; the caller clears it
     * @return the outcome
     */
    synchronized Login login(String identity, char[] pin) {
        start();
        if (held.containsKey(identity)) {
            return new Login(Pkcs11.CKR_OK, module.tokenInfo(held.get(identity).slot()).flags());
        }
        long slot = slot(identity);
        long flags = module.tokenInfo(slot).flags();
        if ((flags & Pkcs11.CKF_USER_PIN_LOCKED) != 0) {
            return new Login(Pkcs11.CKR_PIN_LOCKED, flags);
        }
        // a read-write session when the token allows one, so that the same login serves imports and deletes
        boolean readWrite = (flags & Pkcs11.CKF_WRITE_PROTECTED) == 0;
        long[] opened = readWrite ? module.tryOpenSession(slot, true) : new long[] {-1, 0};
        if (opened[0] != Pkcs11.CKR_OK) {
            readWrite = false;
            opened = new long[] {Pkcs11.CKR_OK, module.openSession(slot, false)};
        }
        long session = opened[1];
        byte[] bytes = Passwords.utf8(pin);
        long rv;
        try {
            rv = module.login(session, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        if (rv == Pkcs11.CKR_OK || rv == Pkcs11.CKR_USER_ALREADY_LOGGED_IN) {
            held.put(identity, new Held(slot, session, readWrite));
            return new Login(Pkcs11.CKR_OK, module.tokenInfo(slot).flags());
        }
        module.closeSession(session);
        return new Login(rv, module.tokenInfo(slot).flags());
    }

    /** Work on one token's objects in a read-write session. */
    @FunctionalInterface
    interface Write<T> {
        T apply(Pkcs11 p11, long session);
    }

    /**
     * Runs a write in the logged-in read-write session, or, on a token that needs no login, in a read-write session
     * opened for it.
     *
     * @throws Pkcs11Exception when the token is gone, write-protected, or the call fails
     */
    synchronized <T> T write(String identity, Write<T> write) {
        start();
        Held h = held.get(identity);
        if (h != null) {
            if (!h.readWrite()) {
                throw new Pkcs11Exception("the token opens only read-only sessions", Pkcs11.CKR_TOKEN_WRITE_PROTECTED);
            }
            return write.apply(module, h.session());
        }
        long slot = slot(identity);
        long[] opened = module.tryOpenSession(slot, true);
        Pkcs11.check("C_OpenSession (read-write)", opened[0]);
        try {
            return write.apply(module, opened[1]);
        } finally {
            module.closeSession(opened[1]);
        }
    }
}
