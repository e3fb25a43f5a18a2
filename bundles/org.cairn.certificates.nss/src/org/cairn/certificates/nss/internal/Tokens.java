package org.cairn.certificates.nss.internal;

import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;

/**
 * The PKCS #11 tokens (smart cards, security keys, SoftHSM) of the modules registered with p11-kit, through
 * {@code p11-kit-proxy.so}, loaded once per process (as the proxy expects) and read without logging in: the
 * certificates, and whether a key with the same {@code CKA_ID} is on the token.
 */
final class Tokens {

    static final List<Path> PROXY_CANDIDATES = List.of(Path.of("/usr/lib/x86_64-linux-gnu/p11-kit-proxy.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/p11-kit-proxy.so"), Path.of("/usr/lib64/p11-kit-proxy.so"),
            Path.of("/usr/lib/p11-kit-proxy.so"));

    private static final class Holder {
        static final Tokens INSTANCE = new Tokens();
    }

    private static final long CKF_TOKEN_INITIALIZED = 0x400;

    private Pkcs11 module;
    private RuntimeException failure;

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
     * @param der        its encoding
     * @param thumbprint SHA-1
     * @param label      {@code CKA_LABEL}
     * @param hasKey     whether a private (or public) key with its {@code CKA_ID} is on the token
     */
    record TokenCert(byte[] der, String thumbprint, String label, boolean hasKey) {
    }

    /**
     * @param label        the token's label
     * @param certificates its certificates
     */
    record Token(String label, List<TokenCert> certificates) {
    }

    /** @return every token present, read now */
    synchronized List<Token> read() {
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
        } else {
            // a card inserted or a token made since the last read shows only after p11-kit and its modules start
            // again (SoftHSM reads its token folder in C_Initialize)
            module.finalizeModule();
            long rv = module.initialize();
            if (rv != Pkcs11.CKR_OK && rv != Pkcs11.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                Pkcs11.check("C_Initialize", rv);
            }
        }
        List<Token> tokens = new ArrayList<>();
        for (long slot : module.slots()) {
            Pkcs11.TokenInfo info = module.tokenInfo(slot);
            if ((info.flags() & CKF_TOKEN_INITIALIZED) == 0) {
                continue; // an empty reader slot or SoftHSM's spare slot: nothing to show
            }
            String label = info.label();
            long session = module.openSession(slot, false);
            try {
                Set<String> keyIds = new HashSet<>();
                for (long cls : new long[] {Pkcs11.CKO_PRIVATE_KEY, Pkcs11.CKO_PUBLIC_KEY}) {
                    for (long h : module.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {cls})) {
                        module.attribute(session, h, Pkcs11.CKA_ID).ifPresent(id -> keyIds.add(HexFormat.of().formatHex(id)));
                    }
                }
                List<TokenCert> certificates = new ArrayList<>();
                for (long h : module.find(session, new long[] {Pkcs11.CKA_CLASS, Pkcs11.CKA_CERTIFICATE_TYPE},
                        new long[] {Pkcs11.CKO_CERTIFICATE, 0})) {
                    Optional<byte[]> der = module.attribute(session, h, Pkcs11.CKA_VALUE);
                    if (der.isEmpty()) {
                        continue;
                    }
                    String certLabel = module.attribute(session, h, Pkcs11.CKA_LABEL)
                            .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
                    // private keys stay hidden until the PIN is given; on a token that needs one, a certificate with a
                    // CKA_ID is, by the PKCS #11 convention, the certificate of the key pair with that id
                    Optional<byte[]> id = module.attribute(session, h, Pkcs11.CKA_ID).filter(b -> b.length > 0);
                    boolean key = id.map(b -> keyIds.contains(HexFormat.of().formatHex(b))
                            || (info.flags() & Pkcs11.CKF_LOGIN_REQUIRED) != 0).orElse(false);
                    certificates.add(new TokenCert(der.get(), CertificateEntry.sha1(der.get()), certLabel, key));
                }
                tokens.add(new Token(label, List.copyOf(certificates)));
            } finally {
                module.closeSession(session);
            }
        }
        return tokens;
    }
}
