package org.cairn.certificates.nss.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 * store ("Token: LABEL"), read-only. Their private keys never leave the token, so they are not exportable; the
 * certificates are.
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
            return "pkcs11:token=" + token.label() + " (p11-kit)";
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
    }
}
