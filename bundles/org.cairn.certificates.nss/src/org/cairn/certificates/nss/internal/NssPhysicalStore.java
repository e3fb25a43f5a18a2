package org.cairn.certificates.nss.internal;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
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
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.StoreProblem;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;

/** One NSS database seen behind one logical store: the certificates NSS places there. */
final class NssPhysicalStore implements PhysicalStore {

    private final NssStoreProvider provider;
    private final StoreContext context;
    private final LogicalStore store;
    private final NssDatabase database;

    NssPhysicalStore(NssStoreProvider provider, StoreContext context, LogicalStore store, NssDatabase database) {
        this.provider = provider;
        this.context = context;
        this.store = store;
        this.database = database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public String location() {
        return database.location();
    }

    @Override
    public LogicalStore logicalStore() {
        return store;
    }

    @Override
    public StoreListing list() throws CertificateStoreException {
        NssObjects objects;
        try {
            objects = provider.objects(database);
        } catch (CertificateStoreException e) {
            // one unreadable database must not hide the logical store's other physical stores
            return new StoreListing(List.of(), List.of(new StoreProblem(store, name(), location(), e.getMessage())));
        }
        List<CertificateEntry> entries = new ArrayList<>();
        List<StoreProblem> problems = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new CertificateStoreException("The Java runtime cannot read X.509 certificates", e);
        }
        for (NssObjects.Cert cert : objects.certificates()) {
            try {
                X509Certificate x509 = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(cert.der()));
                LogicalStore place = cert.key().isPresent() ? LogicalStore.PERSONAL : cert.trust().place(x509.getBasicConstraints() >= 0);
                if (place == store) {
                    entries.add(entry(x509, cert));
                }
            } catch (CertificateException | RuntimeException e) {
                problems.add(new StoreProblem(store, name(), location(), "the certificate " + cert.nickname() + " ("
                        + cert.thumbprint() + ") cannot be read: " + e.getMessage() + ". Remove it with certutil -D -d "
                        + location() + " -n NICKNAME."));
            }
        }
        if (objects.locked() && store == LogicalStore.PERSONAL) {
            problems.add(new StoreProblem(store, name(), location(), "The NSS database is protected by a primary password: "
                    + "its private keys, and the certificates that have them, show in Personal after you give it "
                    + "(cairn: --db-password-env or --db-password-file)."));
        }
        return new StoreListing(List.copyOf(entries), List.copyOf(problems));
    }

    private CertificateEntry entry(X509Certificate x509, NssObjects.Cert cert) throws CertificateStoreException {
        boolean key = cert.key().isPresent();
        String description = "NSS trust (" + cert.trust().certutilFlags(key) + "): " + cert.trust().describe()
                + ". From the NSS database " + location() + " (" + database.program() + ").";
        EntryAttributes attributes = EntryAttributes.defaults()
                .withFriendlyName(cert.nickname())
                .withDescription(description)
                .withExportable(cert.key().map(NssObjects.Key::extractable).orElse(false));
        return CertificateEntry.builder(x509).scope(context.scope()).logicalStore(store).physicalStore(name())
                .attributes(attributes).hasPrivateKey(key).location(location()).build();
    }

    @Override
    public Optional<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        return list().find(thumbprint);
    }

    @Override
    public boolean locked() {
        try {
            return provider.locked(database);
        } catch (CertificateStoreException e) {
            return false; // an unreadable database says so when listed
        }
    }

    @Override
    public boolean unlock(char[] password) throws CertificateStoreException {
        return provider.unlock(database, password);
    }

    /**
     * Writable when the NSS tools are installed and this account may write the database's files and folder (NSS
     * writes a journal beside them); {@link #whyNotWritable} says when a write is refused now.
     */
    @Override
    public boolean writable() {
        return NssTools.find("certutil").isPresent() && unwritableFile().isEmpty();
    }

    /** @return the first of the database's folder, cert9.db and key4.db this account cannot write */
    private Optional<Path> unwritableFile() {
        Path folder = Path.of(location());
        for (Path file : List.of(folder, folder.resolve("cert9.db"), folder.resolve("key4.db"))) {
            if (Files.exists(file) && !Files.isWritable(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private static String owners(Path file) {
        try {
            PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
            return "owner " + attributes.owner().getName() + ", group " + attributes.group().getName() + ", mode "
                    + PosixFilePermissions.toString(attributes.permissions());
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return "its owner and mode cannot be read: " + e.getMessage();
        }
    }

    @Override
    public Optional<AccessDenial> whyNotWritable() {
        if (NssTools.find("certutil").isEmpty() || NssTools.find("pk12util").isEmpty()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "Cairn changes the NSS database "
                    + name() + " with the NSS tools certutil and pk12util, which are not installed (apt-get install "
                    + "libnss3-tools)."));
        }
        Optional<Path> unwritable = unwritableFile();
        if (unwritable.isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, "You cannot change the NSS database "
                    + name() + ": " + unwritable.get() + " is not writable for you (" + owners(unwritable.get()) + "). Run Cairn"
                    + " as the database's owner, or give your account write access to it."));
        }
        Optional<String> held = database.heldBy();
        if (held.isPresent()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, held.get()));
        }
        if (locked()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The NSS database " + name()
                    + " is protected by a primary password; give it first (Action > Enter Password..., or "
                    + "--db-password-file in the command line)."));
        }
        return Optional.empty();
    }

    private void checkWritable() throws CertificateStoreException {
        Optional<AccessDenial> refused = whyNotWritable();
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
    }

    /** The trust flags ({@code certutil -t}) that put a certificate without a key into this logical store. */
    private Optional<String> trustFor(X509Certificate certificate) {
        boolean ca = certificate.getBasicConstraints() >= 0;
        return switch (store) {
            case TRUSTED_ROOT -> Optional.of("CT,C,C");
            case CLIENT_AUTH_ISSUERS -> Optional.of("T,,");
            case UNTRUSTED -> Optional.of("p,p,p");
            case TRUSTED_PEOPLE -> Optional.of("P,P,P");
            case INTERMEDIATE -> ca ? Optional.of(",,") : Optional.empty();
            case OTHER_PEOPLE -> ca ? Optional.empty() : Optional.of(",,");
            default -> Optional.empty();
        };
    }

    @Override
    public CertificateEntry add(X509Certificate certificate, Optional<PrivateKey> privateKey, EntryAttributes attributes)
            throws CertificateStoreException {
        checkWritable();
        String thumbprint = CertificateEntry.sha1(encoded(certificate));
        Optional<NssObjects.Cert> existing = certificate(thumbprint);
        if (existing.isPresent()) {
            return changeTrust(certificate, existing.get(), privateKey.isPresent());
        }
        String nickname = nickname(certificate, attributes);
        try (NssTools.Workspace work = new NssTools.Workspace()) {
            List<String> auth = auth(work);
            if (privateKey.isPresent()) {
                if (store != LogicalStore.PERSONAL) {
                    throw new CertificateStoreException("NSS shows a certificate with its private key in Personal: add it "
                            + "to Personal, or add the certificate without its key here.");
                }
                addWithKey(work, auth, certificate, privateKey.get(), nickname);
                if (!attributes.exportable()) {
                    // "Mark this key as exportable" unticked: pk12util has no such option (see markNotExtractable)
                    provider.changed(database);
                    try {
                        provider.markNotExtractable(database, thumbprint);
                    } catch (CertificateStoreException e) {
                        List<String> undo = new ArrayList<>(List.of("certutil", "-F", "-d", location(), "-n", nickname));
                        undo.addAll(auth);
                        NssTools.run("remove the certificate " + nickname + " and its key from " + name() + " again", undo);
                        throw new CertificateStoreException(e.getMessage().replace(" Delete it, or keep it exportable.",
                                " It was removed again: nothing was imported."), e);
                    }
                }
            } else {
                String trust = trustFor(certificate).orElseThrow(() -> new CertificateStoreException("NSS would not show "
                        + "this certificate in " + store.displayName() + ": " + (store == LogicalStore.PERSONAL
                                ? "Personal holds only certificates whose private key is in the database."
                                : "NSS places a CA certificate without trust in Intermediate Certification Authorities and "
                                        + "an end-entity certificate in Other People.")));
                Path der = work.file("certificate.der", encoded(certificate));
                List<String> command = new ArrayList<>(List.of("certutil", "-A", "-d", location(), "-n", nickname, "-t",
                        trust, "-i", der.toString()));
                command.addAll(auth);
                NssTools.run("add the certificate " + nickname + " to " + name(), command);
            }
        } finally {
            provider.changed(database);
        }
        return find(thumbprint).orElseThrow(() -> new CertificateStoreException("The NSS tools added the certificate "
                + nickname + ", but it does not show in " + store.displayName() + " of " + name() + "."));
    }

    /**
     * NSS keeps one copy of a certificate, placed by its key and its trust: adding one it holds without a key to another
     * of its stores changes its trust ({@code certutil -M}), as moving it between Trusted Root, Intermediate, Untrusted
     * and the others does. Its nickname stays. A certificate with its key stays in Personal whatever its trust.
     */
    private CertificateEntry changeTrust(X509Certificate certificate, NssObjects.Cert existing, boolean withKey)
            throws CertificateStoreException {
        String nickname = existing.nickname();
        LogicalStore now = existing.key().isPresent() ? LogicalStore.PERSONAL
                : existing.trust().place(certificate.getBasicConstraints() >= 0);
        if (now == store || existing.key().isPresent() || withKey) {
            throw new CertificateStoreException("The certificate " + nickname + " is already in the NSS database "
                    + name() + " (" + location() + "), in " + now.displayName() + "; NSS keeps one copy of a"
                    + " certificate, in the store its trust and key decide" + (existing.key().isPresent() && now != store
                            ? ": one with its private key stays in Personal." : "."));
        }
        String trust = trustFor(certificate).orElseThrow(() -> new CertificateStoreException("NSS would not show "
                + "this certificate in " + store.displayName() + ": NSS places a CA certificate without trust in "
                + "Intermediate Certification Authorities and an end-entity certificate in Other People."));
        try (NssTools.Workspace work = new NssTools.Workspace()) {
            List<String> command = new ArrayList<>(List.of("certutil", "-M", "-d", location(), "-n", nickname, "-t",
                    trust));
            command.addAll(auth(work));
            NssTools.run("change the trust of " + nickname + " in " + name(), command);
        } finally {
            provider.changed(database);
        }
        return find(CertificateEntry.sha1(encoded(certificate))).orElseThrow(() -> new CertificateStoreException(
                "The NSS tools changed the trust of " + nickname + ", but it does not show in " + store.displayName()
                        + " of " + name() + "."));
    }

    private void addWithKey(NssTools.Workspace work, List<String> auth, X509Certificate certificate, PrivateKey key,
            String nickname) throws CertificateStoreException {
        // pk12util is NSS's only tool that imports a private key: the key goes to it in a PKCS #12 file encrypted with a
        // random one-time password, in the private folder, deleted right after
        char[] transport = randomPassword();
        try {
            java.security.KeyStore p12 = java.security.KeyStore.getInstance("PKCS12");
            p12.load(null, null);
            // the JDK writes the alias in lower case as the PKCS #12 friendly name, which pk12util takes for the key's
            // label and the certificate's nickname: certutil gives the certificate its nickname as written after
            String transient_ = nickname.toLowerCase(java.util.Locale.ROOT);
            p12.setKeyEntry(transient_, key, transport, new java.security.cert.Certificate[] {certificate});
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            p12.store(out, transport);
            Path file = work.file("transport.p12", out.toByteArray());
            Path pw = work.password("transport.txt", transport);
            List<String> command = new ArrayList<>(List.of("pk12util", "-i", file.toString(), "-d", location(), "-w",
                    pw.toString()));
            if (!auth.isEmpty()) {
                command.addAll(List.of("-k", auth.get(1)));
            }
            NssTools.run("import the certificate " + nickname + " with its private key into " + name(), command);
            if (!transient_.equals(nickname)) {
                List<String> rename = new ArrayList<>(List.of("certutil", "--rename", "-d", location(), "-n", transient_,
                        "--new-n", nickname));
                rename.addAll(auth);
                NssTools.run("name the certificate " + nickname + " in " + name(), rename);
            }
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new CertificateStoreException("Cannot hand the private key of " + nickname + " to pk12util: "
                    + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(transport, '\0');
        }
    }

    private static char[] randomPassword() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        char[] p = new char[32];
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < p.length; i++) {
            p[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return p;
    }

    /** {@code -f FILE} with the primary password given in this process, or nothing for a database without one. */
    private List<String> auth(NssTools.Workspace work) throws CertificateStoreException {
        Optional<char[]> password = provider.password(database);
        if (password.isEmpty()) {
            return List.of();
        }
        try {
            return List.of("-f", work.password("database.txt", password.get()).toString());
        } finally {
            java.util.Arrays.fill(password.get(), '\0');
        }
    }

    private String nickname(X509Certificate certificate, EntryAttributes attributes) throws CertificateStoreException {
        if (!attributes.friendlyName().isBlank()) {
            return attributes.friendlyName().strip();
        }
        String cn = CertificateEntry.builder(certificate).scope(context.scope()).logicalStore(store).physicalStore(name())
                .build().issuedTo();
        return cn.isBlank() ? CertificateEntry.sha1(encoded(certificate)) : cn;
    }

    private static byte[] encoded(X509Certificate certificate) throws CertificateStoreException {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new CertificateStoreException("The certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The certificate as it is in this logical store, with the only nickname it has in the database. */
    private NssObjects.Cert here(String thumbprint) throws CertificateStoreException {
        if (find(thumbprint).isEmpty()) {
            throw new CertificateStoreException("The certificate " + thumbprint + " is no longer in " + store.displayName()
                    + " of " + name() + "; another program may have changed the database. Refresh the view.");
        }
        NssObjects.Cert cert = certificate(thumbprint).orElseThrow();
        long sameName = provider.objects(database).certificates().stream()
                .filter(c -> c.nickname().equals(cert.nickname())).count();
        if (sameName > 1) {
            throw new CertificateStoreException("The NSS database " + name() + " has " + sameName + " certificates named "
                    + cert.nickname() + "; the NSS tools cannot tell them apart. Rename one with certutil --rename first.");
        }
        return cert;
    }

    /** Deletes the certificate (certutil -D); its private key, if any, stays in the database, as certutil leaves it. */
    @Override
    public void delete(String thumbprint) throws CertificateStoreException {
        checkWritable();
        NssObjects.Cert cert = here(thumbprint);
        try (NssTools.Workspace work = new NssTools.Workspace()) {
            List<String> command = new ArrayList<>(List.of("certutil", "-D", "-d", location(), "-n", cert.nickname()));
            command.addAll(auth(work));
            NssTools.run("delete the certificate " + cert.nickname() + " from " + name(), command);
        } finally {
            provider.changed(database);
        }
    }

    /**
     * Deletes the private key and keeps the certificate: NSS's certutil -F deletes a key only with its certificate, so
     * the certificate (read before) goes back in at once with the trust it had; without its key NSS then places it
     * by that trust (Other People or Intermediate Certification Authorities, for a client certificate).
     */
    @Override
    public CertificateEntry deletePrivateKey(String thumbprint) throws CertificateStoreException {
        checkWritable();
        NssObjects.Cert cert = here(thumbprint);
        if (cert.key().isEmpty()) {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The NSS database "
                    + name() + " holds no private key for " + cert.nickname() + "."));
        }
        String trust = cert.trust().certutilFlags(false);
        try (NssTools.Workspace work = new NssTools.Workspace()) {
            List<String> auth = auth(work);
            Path der = work.file("certificate.der", cert.der());
            List<String> delete = new ArrayList<>(List.of("certutil", "-F", "-d", location(), "-n", cert.nickname()));
            delete.addAll(auth);
            NssTools.run("delete the private key of " + cert.nickname() + " from " + name(), delete);
            List<String> add = new ArrayList<>(List.of("certutil", "-A", "-d", location(), "-n", cert.nickname(), "-t",
                    trust, "-i", der.toString()));
            add.addAll(auth);
            try {
                NssTools.run("put the certificate " + cert.nickname() + " back into " + name(), add);
            } catch (CertificateStoreException e) {
                throw new CertificateStoreException(e.getMessage() + " The private key was deleted with the certificate "
                        + "(certutil -F); import the certificate again from the exported file.", e);
            }
        } finally {
            provider.changed(database);
        }
        X509Certificate x509;
        try {
            x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                    new ByteArrayInputStream(cert.der()));
        } catch (CertificateException e) {
            throw new CertificateStoreException("The certificate " + cert.nickname() + " cannot be read: " + e.getMessage(), e);
        }
        LogicalStore place = cert.trust().place(x509.getBasicConstraints() >= 0);
        return new NssPhysicalStore(provider, context, place, database).find(thumbprint).orElseThrow(
                () -> new CertificateStoreException("The certificate " + cert.nickname() + " is no longer in " + name()
                        + " after its private key was deleted."));
    }

    /** NSS keeps a nickname only: the friendly name is renamed (certutil --rename); other attributes have no place. */
    @Override
    public CertificateEntry updateAttributes(String thumbprint, UnaryOperator<EntryAttributes> change)
            throws CertificateStoreException {
        checkWritable();
        NssObjects.Cert cert = here(thumbprint);
        CertificateEntry entry = find(thumbprint).orElseThrow();
        EntryAttributes before = entry.attributes();
        EntryAttributes after = change.apply(before);
        if (!after.description().equals(before.description()) || !after.properties().equals(before.properties())) {
            throw new CertificateStoreException("An NSS database keeps only a certificate's nickname (its friendly name): "
                    + "the description and the other properties of " + cert.nickname() + " in " + name()
                    + " cannot be changed.");
        }
        String name = after.friendlyName().strip();
        if (name.equals(cert.nickname())) {
            return entry;
        }
        if (name.isEmpty()) {
            throw new CertificateStoreException("NSS needs a nickname for every certificate: give " + cert.nickname()
                    + " a friendly name.");
        }
        try (NssTools.Workspace work = new NssTools.Workspace()) {
            List<String> command = new ArrayList<>(List.of("certutil", "--rename", "-d", location(), "-n", cert.nickname(),
                    "--new-n", name));
            command.addAll(auth(work));
            NssTools.run("rename the certificate " + cert.nickname() + " in " + name(), command);
        } finally {
            provider.changed(database);
        }
        return find(thumbprint).orElseThrow();
    }

    @Override
    public Optional<AccessDenial> whyKeyNotReadable(String thumbprint) {
        try {
            if (provider.locked(database)) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The NSS database " + name()
                        + " is protected by a primary password; give it first."));
            }
            Optional<NssObjects.Cert> cert = certificate(thumbprint);
            if (cert.isEmpty() || cert.get().key().isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The NSS database " + name()
                        + " holds no private key for this certificate."));
            }
            if (!cert.get().key().get().extractable()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "NSS marks this private key as "
                        + "not extractable (" + name() + "), so it cannot leave the database. Export the certificate "
                        + "without its key."));
            }
            if (NssStoreProvider.algorithm(cert.get().key().get().keyType()).isEmpty()) {
                return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "The private key in " + name()
                        + " is of a type Cairn cannot export."));
            }
            return Optional.empty();
        } catch (CertificateStoreException e) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_ACCESS, e.getMessage()));
        }
    }

    private Optional<NssObjects.Cert> certificate(String thumbprint) throws CertificateStoreException {
        return provider.objects(database).certificates().stream().filter(c -> c.thumbprint().equals(thumbprint)).findFirst();
    }

    @Override
    public PrivateKey readPrivateKey(String thumbprint) throws CertificateStoreException {
        Optional<AccessDenial> refused = whyKeyNotReadable(thumbprint);
        if (refused.isPresent()) {
            throw new CertificateStoreException(refused.get());
        }
        NssObjects.Cert cert = certificate(thumbprint).orElseThrow();
        return provider.readKey(database, thumbprint, cert.key().orElseThrow().keyType());
    }
}
