package org.cairn.certificates.nss.internal;

import java.io.ByteArrayInputStream;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * Smart cards and other PKCS #11 tokens registered with p11-kit, as physical stores of the current user's Personal
 * store ("Token: LABEL"). A token with a PIN is a locked store until the PIN is given ({@link PhysicalStore#unlock}); then
 * its private objects show, and certificates and keys can be put on it and deleted (PKCS #11 C_CreateObject and
 * C_DestroyObject) unless it is write-protected. Its private keys never leave the token, so they are not exportable;
 * the certificates are.
 */
@Component(service = StoreProvider.class)
public final class TokenStoreProvider implements StoreProvider {

    @Override
    public String id() {
        return "pkcs11-tokens";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        return openAll(context, store).stream().findFirst();
    }

    @Override
    public List<PhysicalStore> openAll(StoreContext context, LogicalStore store) {
        if (!(context.scope() instanceof Scope.CurrentUser) || store != LogicalStore.PERSONAL || !Tokens.available()) {
            return List.of();
        }
        List<Tokens.Token> tokens;
        try {
            tokens = Tokens.get().read();
        } catch (Pkcs11Exception e) {
            // shown as a problem of an empty store, so that Personal's other physical stores still list
            return List.of(new Unreadable(context, "Cannot read the smart cards and tokens (p11-kit): " + e.getMessage()));
        }
        List<PhysicalStore> stores = new ArrayList<>();
        for (Tokens.Token token : tokens) {
            stores.add(new TokenStore(context, token));
        }
        return stores;
    }

    /** Stands for the tokens when p11-kit cannot be read: empty, with the reason as a problem. */
    private record Unreadable(StoreContext context, String message) implements PhysicalStore {
        @Override
        public String name() {
            return "Tokens";
        }

        @Override
        public String location() {
            return "p11-kit";
        }

        @Override
        public LogicalStore logicalStore() {
            return LogicalStore.PERSONAL;
        }

        @Override
        public StoreListing list() {
            return new StoreListing(List.of(), List.of(new StoreProblem(LogicalStore.PERSONAL, name(), location(), message)));
        }

        @Override
        public Optional<CertificateEntry> find(String thumbprint) {
            return Optional.empty();
        }
    }

    /** One token behind Personal. */
    private static final class TokenStore implements PhysicalStore {
        private final StoreContext context;
        private final Tokens.Token token;

        TokenStore(StoreContext context, Tokens.Token token) {
            this.context = context;
            this.token = token;
        }

        @Override
        public String name() {
            return "Token: " + token.label();
        }

        @Override
        public String location() {
            return "pkcs11:token=" + token.label() + (token.serial().isEmpty() ? "" : ";serial=" + token.serial())
                    + " (p11-kit)";
        }

        @Override
        public LogicalStore logicalStore() {
            return LogicalStore.PERSONAL;
        }

        @Override
        public StoreListing list() throws CertificateStoreException {
            List<CertificateEntry> entries = new ArrayList<>();
            List<StoreProblem> problems = new ArrayList<>();
            for (Tokens.TokenCert cert : token.certificates()) {
                try {
                    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(cert.der()));
                    entries.add(CertificateEntry.builder(x509).scope(context.scope()).logicalStore(LogicalStore.PERSONAL)
                            .physicalStore(name()).location(location()).hasPrivateKey(cert.hasKey())
                            .attributes(EntryAttributes.defaults().withFriendlyName(cert.label()).withExportable(false)
                                    .withDescription("On the token " + token.label() + " (p11-kit)."))
                            .build());
                } catch (CertificateException | RuntimeException e) {
                    problems.add(new StoreProblem(LogicalStore.PERSONAL, name(), location(), "the certificate "
                            + cert.label() + " cannot be read: " + e.getMessage()));
                }
            }
            if (token.locked()) {
                problems.add(new StoreProblem(LogicalStore.PERSONAL, name(), location(), "The token " + token.label()
                        + " is protected by a PIN: its private keys, and its private certificates, show after you give it"
                        + " (Action > Enter PIN...; cairn: --db-password-env or --db-password-file)."));
            }
            return new StoreListing(List.copyOf(entries), List.copyOf(problems));
        }

        @Override
        public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
            return list().find(thumbprint);
        }

        @Override
        public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "The private key is on the smart card "
                    + "or token " + token.label() + " and cannot leave it. Export the certificate without the private key."));
        }

        @Override
        public boolean locked() {
            return token.locked();
        }

        /**
         * C_Login with the user PIN, once. A wrong PIN returns false; when the token then says its PIN counter is low,
         * at its last try, or locked, that is an exception that says so, since the user must know before typing again.
         * Cairn never tries a PIN again by itself.
         */
        @Override
        public boolean unlock(char[] pin) throws CertificateStoreException {
            if (!token.locked()) {
                return true;
            }
            Tokens.Login login;
            try {
                login = Tokens.get().login(token.identity(), pin);
            } catch (Pkcs11Exception e) {
                throw new CertificateStoreException("Cannot log in to the token " + token.label() + ": " + e.getMessage(), e);
            }
            long flags = login.flags();
            if (login.rv() == Pkcs11.CKR_OK) {
                return true;
            }
            if (login.rv() == Pkcs11.CKR_PIN_LOCKED || (flags & Pkcs11.CKF_USER_PIN_LOCKED) != 0) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The PIN of the token "
                        + token.label() + " is locked after too many wrong PINs. Have it unblocked with the security "
                        + "officer's PIN (PUK), with the token's own tool; Cairn did not try the PIN."));
            }
            if (login.rv() == Pkcs11.CKR_PIN_LEN_RANGE) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The PIN is too "
                        + "short or too long for the token " + token.label() + ". Nothing was changed."));
            }
            if (login.rv() == Pkcs11.CKR_PIN_INCORRECT) {
                String remaining = (flags & Pkcs11.CKF_USER_PIN_FINAL_TRY) != 0
                        ? " Only one try remains: a wrong PIN now locks the token."
                        : (flags & Pkcs11.CKF_USER_PIN_COUNT_LOW) != 0
                                ? " The token says that few tries remain before it locks its PIN."
                                : "";
                if (remaining.isEmpty()) {
                    return false;
                }
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The PIN is not "
                        + "correct for the token " + token.label() + "." + remaining + " Nothing was changed; Cairn does "
                        + "not try a PIN again by itself."));
            }
            throw new CertificateStoreException("Cannot log in to the token " + token.label() + ": C_Login failed: "
                    + Pkcs11Exception.name(login.rv()));
        }

        /** Writable when the token is not write-protected; {@link #whyNotWritable} says when a write is refused now. */
        @Override
        public boolean writable() {
            return !token.writeProtected();
        }

        @Override
        public Optional<AccessDenial> whyNotWritable() {
            if (token.writeProtected()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "The token " + token.label()
                        + " is write-protected (it says so to PKCS #11): certificates and keys on it cannot be added or "
                        + "deleted."));
            }
            if (token.locked()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The token " + token.label()
                        + " is protected by a PIN; give it first (Action > Enter PIN..., or --db-password-file in the "
                        + "command line)."));
            }
            if (token.loggedIn() && !token.readWrite()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "The token " + token.label()
                        + " opens only read-only sessions: certificates and keys on it cannot be added or deleted."));
            }
            return Optional.empty();
        }

        private void checkWritable() throws CertificateStoreException {
            Optional<AccessDenial> refused = whyNotWritable();
            if (refused.isPresent()) {
                throw new CertificateStoreException(refused.get());
            }
        }

        /**
         * Puts the certificate, and its private key when given, on the token (C_CreateObject). The key is created as a
         * smart card keeps one: private, sensitive and not extractable, whatever "Mark this key as exportable" said,
         * since a token key never leaves the token. Both or neither: a certificate that the token refuses takes the
         * key just created away again.
         */
        @Override
        public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
                throws CertificateStoreException {
            checkWritable();
            byte[] der = encoded(certificate);
            String thumbprint = CertificateEntry.sha1(der);
            if (token.certificates().stream().anyMatch(c -> c.thumbprint().equals(thumbprint))) {
                throw new CertificateStoreException("The certificate is already on the token " + token.label() + ".");
            }
            String label = attributes.friendlyName().isBlank()
                    ? CertificateEntry.builder(certificate).scope(context.scope()).logicalStore(LogicalStore.PERSONAL)
                            .physicalStore(name()).build().issuedTo()
                    : attributes.friendlyName().strip();
            byte[] id = TokenTemplates.id(certificate);
            List<Pkcs11.Attribute> certTemplate = TokenTemplates.certificate(certificate, label, id);
            List<Pkcs11.Attribute> keyTemplate = privateKey.isPresent()
                    ? TokenTemplates.privateKey(privateKey.get(), certificate, label, id) : List.of();
            String failure;
            try {
                failure = Tokens.get().write(token.identity(), (p11, session) -> {
                    long key = -1;
                    if (!keyTemplate.isEmpty()) {
                        long[] made = p11.createObject(session, keyTemplate);
                        if (made[0] != Pkcs11.CKR_OK) {
                            return "the token refused the private key (C_CreateObject: " + Pkcs11Exception.name(made[0])
                                    + ")";
                        }
                        key = made[1];
                    }
                    long[] made = p11.createObject(session, certTemplate);
                    if (made[0] != Pkcs11.CKR_OK) {
                        if (key != -1) {
                            p11.destroyObject(session, key);
                        }
                        return "the token refused the certificate (C_CreateObject: " + Pkcs11Exception.name(made[0]) + ")";
                    }
                    return "";
                });
            } catch (Pkcs11Exception e) {
                failure = e.getMessage();
            } finally {
                TokenTemplates.clear(keyTemplate);
            }
            if (!failure.isEmpty()) {
                throw new CertificateStoreException("Cannot add the certificate " + label + " to the token "
                        + token.label() + ": " + failure + ". Nothing was added.");
            }
            return fresh().find(thumbprint).orElseThrow(() -> new CertificateStoreException("The certificate " + label
                    + " was added to the token " + token.label() + ", but it does not show there."));
        }

        /**
         * Deletes the certificate and, unlike NSS's certutil -D, its key pair (C_DestroyObject): Cairn shows a token's
         * keys only through their certificates, so a key left behind could not be seen or deleted again from Cairn,
         * and would keep its place on a card that holds few. A key that another certificate on the token also has
         * (a renewed certificate) stays. Before the PIN is given the private keys are hidden: the delete is then
         * refused by {@link #whyNotWritable()}, on a token that has a PIN.
         */
        @Override
        public void delete(String thumbprint) throws CertificateStoreException {
            checkWritable();
            destroy(thumbprint, true);
        }

        /** Deletes the private key of the certificate (C_DestroyObject); the certificate stays. */
        @Override
        public CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
            checkWritable();
            destroy(thumbprint, false);
            return fresh().find(thumbprint).orElseThrow(() -> new CertificateStoreException("The certificate "
                    + thumbprint + " is no longer on the token " + token.label() + "."));
        }

        /**
         * @param certificate whether the certificate goes too (else only its private key, and the public key object
         *                    of the same pair)
         */
        private void destroy(String thumbprint, boolean certificate) throws CertificateStoreException {
            Tokens.TokenCert cert = token.certificates().stream().filter(c -> c.thumbprint().equals(thumbprint))
                    .findFirst().orElseThrow(() -> new CertificateStoreException("The certificate " + thumbprint
                            + " is no longer on the token " + token.label() + ". Refresh the view."));
            if (!certificate && !cert.hasKey()) {
                throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The token "
                        + token.label() + " holds no private key for " + cert.label() + "."));
            }
            X509Certificate x509 = parse(cert.der());
            List<Tokens.TokenCert> others = token.certificates().stream().filter(c -> !c.thumbprint().equals(thumbprint))
                    .toList();
            String failure;
            try {
                failure = Tokens.get().write(token.identity(), (p11, session) -> {
                    List<Long> doomed = new ArrayList<>();
                    List<byte[]> keyIds = new ArrayList<>();
                    for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PRIVATE_KEY})) {
                        Tokens.Key key = Tokens.Key.read(p11, session, h);
                        boolean shared = others.stream().anyMatch(o -> Tokens.parse(o.der())
                                .map(c -> key.matches(o.id(), c)).orElse(false));
                        if (key.matches(cert.id(), x509) && !shared) {
                            doomed.add(h);
                            keyIds.add(key.id());
                        }
                    }
                    for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_PUBLIC_KEY})) {
                        byte[] id = p11.attribute(session, h, Pkcs11.CKA_ID).orElse(new byte[0]);
                        if (id.length > 0 && keyIds.stream().anyMatch(k -> java.util.Arrays.equals(k, id))) {
                            doomed.add(h);
                        }
                    }
                    if (certificate) {
                        for (long h : p11.find(session, new long[] {Pkcs11.CKA_CLASS}, new long[] {Pkcs11.CKO_CERTIFICATE})) {
                            if (p11.attribute(session, h, Pkcs11.CKA_VALUE).map(CertificateEntry::sha1)
                                    .filter(thumbprint::equals).isPresent()) {
                                doomed.add(h);
                            }
                        }
                    }
                    if (doomed.isEmpty()) {
                        return "it is no longer there";
                    }
                    for (long h : doomed) {
                        long rv = p11.destroyObject(session, h);
                        if (rv != Pkcs11.CKR_OK) {
                            return "C_DestroyObject failed: " + Pkcs11Exception.name(rv);
                        }
                    }
                    return "";
                });
            } catch (Pkcs11Exception e) {
                failure = e.getMessage();
            }
            if (!failure.isEmpty()) {
                throw new CertificateStoreException("Cannot delete " + (certificate ? "" : "the private key of ") + "the "
                        + "certificate " + cert.label() + " on the token " + token.label() + ": " + failure + ".");
            }
        }

        /** A token keeps a label only, and Cairn does not change it. */
        @Override
        public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
                throws CertificateStoreException {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "Cairn does not "
                    + "change the label or other properties of a certificate on the token " + token.label() + "."));
        }

        /** @return this token as it is now */
        private TokenStore fresh() throws CertificateStoreException {
            try {
                return Tokens.get().read().stream().filter(t -> t.identity().equals(token.identity())).findFirst()
                        .map(t -> new TokenStore(context, t)).orElseThrow(() -> new CertificateStoreException("The token "
                                + token.label() + " is no longer present."));
            } catch (Pkcs11Exception e) {
                throw new CertificateStoreException("Cannot read the token " + token.label() + ": " + e.getMessage(), e);
            }
        }

        private static byte[] encoded(X509Certificate certificate) throws CertificateStoreException {
            try {
                return certificate.getEncoded();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
            }
        }

        private static X509Certificate parse(byte[] der) throws CertificateStoreException {
            try {
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (CertificateException e) {
                throw new CertificateStoreException("The certificate cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
