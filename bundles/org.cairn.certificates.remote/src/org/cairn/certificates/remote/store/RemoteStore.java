package org.cairn.certificates.remote.store;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStatus;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificationPath;
import org.cairn.certificates.core.ChainValidation;
import org.cairn.certificates.core.ChainValidator;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.PurposeGroup;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreListing;
import org.cairn.certificates.core.ValidationOptions;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportSettings;
import org.cairn.certificates.export.Pkcs12Transfer;
import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.PassphrasePrompt;
import org.cairn.certificates.remote.RemoteCairn;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.RemoteConnection;
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.RemoteImport;
import org.cairn.certificates.remote.RemoteResult;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.remote.internal.Json;

/**
 * The Local Computer scope of another computer, read through its own {@code cairn cert ... --json} over SSH: what
 * the console's "Another computer" shows. Connects on first use (never in the constructor: a connection may take up
 * to the connect timeout and ask the user about a host key or a passphrase, so every method that talks to the
 * computer must be called off the UI thread); the questions {@link #whyKeyNotExportable} and the like answer from
 * what the listing said, without the network. Changes run there too, with the rights of the account logged in with
 * (never sudo; the remote's reason is the message when it refuses): an import carries each certificate as a PKCS #12
 * file made here ({@link #addAll}), {@code cairn cert set} changes the friendly name, description and extended
 * properties, {@code cairn cert delete --key-only} deletes a key alone (protocol {@value #CHANGES_PROTOCOL}: a
 * Cairn speaking only {@value #NEEDED_PROTOCOL} there is refused those with "update Cairn on HOST"); the export
 * goes through {@link RemoteExportService}.
 */
public final class RemoteStore implements CertificateStore, AutoCloseable {

    /**
     * The name under which the console gives a command (the Certificate Export Wizard's) the store its certificates
     * come from, when that is another computer.
     */
    public static final String CONTEXT_KEY = "org.cairn.certificates.remote.store";

    /** The protocol the console needs: version 2's {@code list --json} gives each certificate's sha256. */
    public static final int NEEDED_PROTOCOL = 2;

    /**
     * The protocol the console's changes need: version 3's {@code cairn cert set} (friendly name, description,
     * extended properties) and {@code delete --key-only}. A Cairn speaking only 2 keeps working for reading, import,
     * delete and export; these changes are refused with "update Cairn on HOST".
     */
    public static final int CHANGES_PROTOCOL = 3;

    /** The PBKDF2 iterations of the one-time PKCS #12 file that carries a certificate there (the strong default). */
    private static final int CARRY_ITERATIONS = ExportSettings.DEFAULT_STRONG_ITERATIONS;
    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final RemoteComputer computer;
    private final SshSettings settings;
    private final HostKeyPrompt hostKeys;
    private final PassphrasePrompt passphrases;
    /** Held while connecting, so that two background reads make one connection. */
    private final Object connecting = new Object();
    private volatile RemoteConnection connection;
    /** Why the last connection failed; kept until {@link #reset()} so that a dead computer is not asked again and again. */
    private volatile RemoteException failure;
    /** The protocol the remote Cairn reported on the last connection; 0 before the first one. */
    private volatile int protocol;
    /** Set by {@link #close()}: a connection made afterwards (by a read already under way) is closed at once. */
    private volatile boolean closed;

    /**
     * @param computer    the computer
     * @param settings    the user's SSH files and the remote command
     * @param hostKeys    asked about an unknown host key
     * @param passphrases asked for an encrypted key file's passphrase
     */
    public RemoteStore(RemoteComputer computer, SshSettings settings, HostKeyPrompt hostKeys,
            PassphrasePrompt passphrases) {
        this.computer = Objects.requireNonNull(computer, "computer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hostKeys = Objects.requireNonNull(hostKeys, "hostKeys");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    }

    /** @return the computer these stores are on */
    public RemoteComputer computer() {
        return computer;
    }

    /** @return why the computer could not be used the last time, until {@link #reset()} (quick: no network) */
    public Optional<RemoteException> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * @return the protocol the remote Cairn reported when the console connected; 0 before it connected (quick: no
     *         network)
     */
    public int protocol() {
        return protocol;
    }

    /** @return whether a connection is open (quick: no network) */
    public boolean connected() {
        return connection != null;
    }

    /**
     * Connects and logs in, then checks that the remote Cairn speaks {@link #NEEDED_PROTOCOL}; once, then the same
     * connection is used until it breaks or {@link #reset()}. Off the UI thread.
     *
     * @return the open connection
     * @throws RemoteException why the computer cannot be used (also kept as {@link #failure()})
     */
    public RemoteConnection connection() throws RemoteException {
        RemoteConnection open = connection;
        if (open != null) {
            return open;
        }
        synchronized (connecting) {
            if (connection != null) {
                return connection;
            }
            if (failure != null) {
                throw failure;
            }
            try {
                RemoteConnection made = RemoteCairn.connect(computer, settings, hostKeys, passphrases);
                try {
                    int version = made.checkProtocol();
                    if (version < NEEDED_PROTOCOL) {
                        throw new RemoteException(RemoteException.Reason.PROTOCOL, "the Cairn on " + computer
                                + " speaks protocol " + version + "; the console needs " + NEEDED_PROTOCOL
                                + ". Update Cairn there.");
                    }
                } catch (RemoteException e) {
                    made.close();
                    throw e;
                }
                protocol = made.protocol();
                if (closed) {
                    made.close();
                    throw new RemoteException(RemoteException.Reason.UNAVAILABLE, "the console closed the "
                            + "connection to " + computer + ".");
                }
                connection = made;
                return made;
            } catch (RemoteException e) {
                failure = e;
                throw e;
            }
        }
    }

    /**
     * Forgets the connection and the last failure: the next use connects again (Action → Refresh). Quick: it does
     * not wait for a connection being made (which then stays, and is used).
     */
    public void reset() {
        failure = null;
        drop();
    }

    /**
     * Closes the connection for good (the console's snap-in went away): quick, on any thread; a connection a read
     * under way makes afterwards is closed at once and that read fails.
     */
    @Override
    public void close() {
        closed = true;
        reset();
    }

    /**
     * Runs {@code cairn cert ARGS} there.
     *
     * @return its result, exit status 0
     * @throws CertificateStoreException with the remote's own message when it failed, or why the computer cannot be
     *                                   reached
     */
    public RemoteResult run(List<String> args, byte[] stdin) throws CertificateStoreException {
        RemoteResult r;
        try {
            r = connection().cairn(args, stdin);
        } catch (RemoteException e) {
            if (e.reason() == RemoteException.Reason.TRANSPORT || e.reason() == RemoteException.Reason.UNAVAILABLE) {
                drop();
            }
            throw new CertificateStoreException(e.getMessage(), e);
        }
        if (r.exitStatus() != 0) {
            String message = r.err().strip();
            throw new CertificateStoreException((message.isEmpty() ? "the command failed (exit status "
                    + r.exitStatus() + ")" : message.replaceFirst("^cairn cert [a-z-]+: ", "")) + " [on " + computer + "]");
        }
        return r;
    }

    private void drop() {
        RemoteConnection open = connection;
        connection = null;
        if (open != null) {
            open.close();
        }
    }

    @Override
    public Scope scope() {
        return Scope.computer();
    }

    @Override
    public Identity identity() {
        return new Identity(Integer.MAX_VALUE, computer.user().orElse(computer.toString()));
    }

    @Override
    public StoreListing list(LogicalStore store) throws CertificateStoreException {
        return listing(List.of("list", "--scope", "computer", "--store", store.shortName(), "--json"));
    }

    @Override
    public StoreListing listAll() throws CertificateStoreException {
        return listing(List.of("list", "--scope", "computer", "--json"));
    }

    private StoreListing listing(List<String> args) throws CertificateStoreException {
        RemoteResult r = run(args, new byte[0]);
        List<CertificateEntry> entries = new ArrayList<>();
        try {
            for (Object o : (List<?>) Json.parse(r.outText())) {
                entries.add(entry((Map<?, ?>) o));
            }
        } catch (RuntimeException e) {
            throw new CertificateStoreException("the answer of " + computer + " to 'cairn cert list' cannot be read: "
                    + e.getMessage(), e);
        }
        return new StoreListing(entries, List.of());
    }

    private CertificateEntry entry(Map<?, ?> m) {
        LogicalStore logical = LogicalStore.parse(text(m, "store"));
        String thumbprint = text(m, "thumbprint");
        String physical = text(m, "physicalStore");
        Map<String, String> properties = new TreeMap<>();
        if (m.get("properties") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        }
        List<Purpose> purposes = new ArrayList<>();
        if (m.get("purposes") instanceof List<?> names) {
            for (Object name : names) {
                purpose(String.valueOf(name)).ifPresent(purposes::add);
            }
        }
        return CertificateEntry.builder().scope(Scope.computer()).logicalStore(logical)
                .physicalStore(physical.isEmpty() ? ".Default" : physical)
                .thumbprint(thumbprint.toUpperCase(Locale.ROOT))
                .sha256(text(m, "sha256").toUpperCase(Locale.ROOT)).subject(text(m, "subject"))
                .issuer(text(m, "issuer")).serialNumber(text(m, "serialNumber"))
                .notBefore(Instant.parse(text(m, "notBefore"))).notAfter(Instant.parse(text(m, "notAfter")))
                .purposes(purposes.isEmpty() ? List.of(Purpose.ALL) : purposes)
                .attributes(new EntryAttributes(text(m, "friendlyName"), text(m, "description"),
                        Boolean.TRUE.equals(m.get("exportable")), properties))
                .hasPrivateKey(Boolean.TRUE.equals(m.get("hasPrivateKey")))
                .location(computer + ": " + logical.displayName())
                .source(() -> certificate(logical, thumbprint)).build();
    }

    private static Optional<Purpose> purpose(String name) {
        if (name.equals(Purpose.ALL.displayName())) {
            return Optional.of(Purpose.ALL);
        }
        for (Purpose known : Purpose.familiar()) {
            if (known.displayName().equals(name)) {
                return Optional.of(known);
            }
        }
        return name.matches("[0-9]+(\\.[0-9]+)+") ? Optional.of(Purpose.ofOid(name)) : Optional.empty();
    }

    private static String text(Map<?, ?> m, String name) {
        Object v = m.get(name);
        if (v == null) {
            if (name.equals("sha256")) {
                throw new IllegalArgumentException("no sha256 (a Cairn older than protocol " + NEEDED_PROTOCOL + ")");
            }
            return "";
        }
        return String.valueOf(v);
    }

    /** The certificate's DER encoding, exported there into a private temporary folder that is then removed. */
    private byte[] certificate(LogicalStore logical, String thumbprint) throws IOException {
        try {
            RemoteConnection c = connection();
            String folder = c.createTemporaryFolder();
            try {
                String file = folder + "/certificate.cer";
                RemoteResult r = c.cairn(List.of("export", thumbprint, "--scope", "computer", "--store",
                        logical.shortName(), "--format", "der", "--out", file, "--json"), new byte[0]);
                if (r.exitStatus() != 0) {
                    throw new IOException(r.err().strip() + " [on " + computer + "]");
                }
                return c.download(file);
            } finally {
                c.removeFolder(folder);
            }
        } catch (RemoteException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<CertificateEntry> find(LogicalStore store, String thumbprint) throws CertificateStoreException {
        return list(store).find(thumbprint);
    }

    @Override
    public List<CertificateEntry> find(String thumbprint) throws CertificateStoreException {
        String t = CertificateStore.normalizeThumbprint(thumbprint);
        return listAll().entries().stream().filter(e -> e.thumbprint().equals(t)).toList();
    }

    @Override
    public List<PhysicalStoreInfo> physicalStores(LogicalStore store) throws CertificateStoreException {
        RemoteResult r = run(List.of("list", "--scope", "computer", "--store", store.shortName(), "--physical",
                "--json"), new byte[0]);
        List<PhysicalStoreInfo> all = new ArrayList<>();
        try {
            Map<?, ?> answer = (Map<?, ?>) Json.parse(r.outText());
            for (Object o : (List<?>) answer.get("physicalStores")) {
                Map<?, ?> p = (Map<?, ?>) o;
                all.add(new PhysicalStoreInfo(text(p, "name"), computer + ":" + text(p, "location"),
                        Boolean.TRUE.equals(p.get("writable"))));
            }
        } catch (RuntimeException e) {
            throw new CertificateStoreException("the answer of " + computer + " to 'cairn cert list --physical' "
                    + "cannot be read: " + e.getMessage(), e);
        }
        return all;
    }

    /** Refuses what needs {@link #CHANGES_PROTOCOL} when the remote reported less (after connecting). */
    private Optional<AccessDenial> protocolDenial(String what) {
        int spoken = protocol;
        if (spoken != 0 && spoken < CHANGES_PROTOCOL) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE,
                    RemoteConnection.protocolRefusal(computer, spoken, CHANGES_PROTOCOL, what)));
        }
        return Optional.empty();
    }

    /** Connects (when not yet), then refuses what the remote's protocol cannot do. */
    private void requireChanges(String what) throws CertificateStoreException {
        try {
            connection();
        } catch (RemoteException e) {
            throw new CertificateStoreException(e.getMessage(), e);
        }
        Optional<AccessDenial> denied = protocolDenial(what);
        if (denied.isPresent()) {
            throw new CertificateStoreException(denied.get());
        }
    }

    /** The arguments that name {@code entry} there. */
    private static List<String> where(CertificateEntry entry) {
        return List.of(entry.thumbprint(), "--scope", "computer", "--store", entry.logicalStore().shortName());
    }

    /** Runs a change there whose {@code --json} answer is the entry as it is afterwards. */
    private CertificateEntry changed(List<String> args) throws CertificateStoreException {
        RemoteResult r = run(args, new byte[0]);
        try {
            return entry((Map<?, ?>) Json.parse(r.outText()));
        } catch (RuntimeException e) {
            throw new CertificateStoreException("the answer of " + computer + " to 'cairn cert " + args.get(0)
                    + "' cannot be read: " + e.getMessage(), e);
        }
    }

    /** {@code cairn cert set THUMBPRINT --scope computer --store S --json OPTIONS} there. */
    private CertificateEntry set(CertificateEntry entry, String what, List<String> options)
            throws CertificateStoreException {
        requireChanges(what);
        List<String> args = new ArrayList<>(List.of("set"));
        args.addAll(where(entry));
        args.add("--json");
        // --name=value: a value that starts with a dash stays a value
        args.addAll(options);
        return changed(args);
    }

    /**
     * Carries the certificates there and imports them with the other computer's own {@code cairn cert import}, one
     * at a time: each goes as a PKCS #12 file made here in memory by the export engine (AES256-SHA256, a random
     * one-time password sent on the import's standard input), through a private temporary folder there that is
     * removed in every case. All or nothing: when one is refused, those imported before are deleted there again, and
     * the remote's reason is the message.
     */
    @Override
    public List<CertificateEntry> addAll(List<NewEntry> entries) throws CertificateStoreException {
        RemoteConnection c;
        try {
            c = connection();
        } catch (RemoteException e) {
            throw new CertificateStoreException(e.getMessage(), e);
        }
        List<NewEntry> done = new ArrayList<>();
        char[] password = oneTimePassword();
        try {
            for (NewEntry add : entries) {
                byte[] pfx = Pkcs12Transfer.encode(add.certificate(), add.privateKey(), add.attributes(),
                        CARRY_ITERATIONS, password);
                List<String> options = new ArrayList<>(List.of("--json", "--scope", "computer", "--store",
                        add.store().shortName(), "--extended-properties"));
                if (add.privateKey().isPresent() && add.attributes().exportable()) {
                    options.add("--exportable");
                }
                RemoteResult r = RemoteImport.importFile(c, pfx, ".pfx", password, options);
                if (r.exitStatus() != 0) {
                    throw refused(r.err(), done);
                }
                if (r.outText().contains("\"alreadyPresent\": true")) {
                    throw refused("the certificate " + CertificateEntry.sha1(add.certificate().getEncoded())
                            + " is already in " + add.store().displayName() + " there.", done);
                }
                done.add(add);
            }
        } catch (RemoteException e) {
            if (e.reason() == RemoteException.Reason.TRANSPORT || e.reason() == RemoteException.Reason.UNAVAILABLE) {
                drop();
            }
            throw new CertificateStoreException(e.getMessage() + (done.isEmpty() ? " Nothing was imported." : " "
                    + "The connection failed part-way: check " + computer + " for " + thumbprints(done) + "."), e);
        } catch (ExportException | java.security.cert.CertificateEncodingException e) {
            throw refused(e.getMessage(), done);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        List<CertificateEntry> added = new ArrayList<>();
        for (NewEntry add : entries) {
            String thumbprint = thumbprint(add);
            added.add(find(add.store(), thumbprint).orElseThrow(() -> new CertificateStoreException("the "
                    + "certificate " + thumbprint + " was imported on " + computer + " but is not in "
                    + add.store().displayName() + " there now.")));
        }
        return added;
    }

    /** @return the refusal, after deleting there the certificates imported before it (all or nothing) */
    private CertificateStoreException refused(String why, List<NewEntry> done) {
        List<String> left = new ArrayList<>();
        for (int i = done.size() - 1; i >= 0; i--) {
            NewEntry add = done.get(i);
            try {
                run(List.of("delete", thumbprint(add), "--scope", "computer", "--store", add.store().shortName()),
                        new byte[0]);
            } catch (CertificateStoreException | RuntimeException e) {
                left.add(thumbprint(add) + " (" + e.getMessage() + ")");
            }
        }
        String message = why.strip().replaceFirst("^cairn cert [a-z-]+: ", "");
        return new CertificateStoreException(message + " [on " + computer + "]" + (left.isEmpty()
                ? " Nothing was imported." : " Undoing the certificates imported before failed; still there: "
                        + String.join("; ", left) + "."));
    }

    private static String thumbprint(NewEntry add) {
        try {
            return CertificateEntry.sha1(add.certificate().getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate that cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static String thumbprints(List<NewEntry> entries) {
        return String.join(", ", entries.stream().map(RemoteStore::thumbprint).toList());
    }

    /** 32 characters of 57 (about 186 bits): only for the one file and the one import that reads it. */
    private static char[] oneTimePassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = PASSWORD_CHARACTERS.charAt(random.nextInt(PASSWORD_CHARACTERS.length()));
        }
        return password;
    }

    @Override
    public CertificateEntry add(LogicalStore store, X509Certificate certificate, Optional<PrivateKey> privateKey,
            EntryAttributes attributes) throws CertificateStoreException {
        return addAll(List.of(new NewEntry(store, certificate, privateKey, attributes))).get(0);
    }

    @Override
    public void delete(CertificateEntry entry) throws CertificateStoreException {
        run(List.of("delete", entry.thumbprint(), "--scope", "computer", "--store", entry.logicalStore().shortName(),
                "--json"), new byte[0]);
    }

    /** {@code cairn cert delete --key-only} there (protocol 3): the certificate stays. */
    @Override
    public CertificateEntry deletePrivateKey(CertificateEntry entry) throws CertificateStoreException {
        requireChanges("Deleting a private key alone");
        List<String> args = new ArrayList<>(List.of("delete"));
        args.addAll(where(entry));
        args.addAll(List.of("--key-only", "--json"));
        return changed(args);
    }

    @Override
    public CertificateEntry setFriendlyName(CertificateEntry entry, String name) throws CertificateStoreException {
        return set(entry, "Changing the friendly name", List.of("--friendly-name=" + name));
    }

    @Override
    public CertificateEntry setDescription(CertificateEntry entry, String text) throws CertificateStoreException {
        return set(entry, "Changing the description", List.of("--description=" + text));
    }

    @Override
    public CertificateEntry setProperties(CertificateEntry entry, Map<String, String> properties)
            throws CertificateStoreException {
        CertificateEntry current = find(entry.logicalStore(), entry.thumbprint()).orElseThrow(
                () -> new CertificateStoreException("The certificate " + entry.thumbprint() + " is no longer in "
                        + entry.logicalStore().displayName() + " on " + computer + "."));
        List<String> options = new ArrayList<>();
        for (Map.Entry<String, String> p : new TreeMap<>(properties).entrySet()) {
            if (!p.getValue().equals(current.properties().get(p.getKey()))) {
                options.add("--property=" + propertyName(p.getKey()) + "=" + p.getValue());
            }
        }
        for (String name : current.properties().keySet()) {
            if (!properties.containsKey(name)) {
                options.add("--remove-property=" + propertyName(name));
            }
        }
        return options.isEmpty() ? current : set(current, "Changing extended properties", options);
    }

    @Override
    public CertificateEntry putProperty(CertificateEntry entry, String name, String value)
            throws CertificateStoreException {
        return set(entry, "Changing extended properties", List.of("--property=" + propertyName(name) + "=" + value));
    }

    @Override
    public CertificateEntry removeProperty(CertificateEntry entry, String name) throws CertificateStoreException {
        return set(entry, "Changing extended properties", List.of("--remove-property=" + propertyName(name)));
    }

    /** A name with '=' cannot go through {@code --property NAME=VALUE}: refused rather than cut. */
    private static String propertyName(String name) throws CertificateStoreException {
        if (name.isEmpty() || name.contains("=")) {
            throw new CertificateStoreException("An extended property of a certificate on another computer cannot be "
                    + "named '" + name + "' (empty, or with '='); choose another name.");
        }
        return name;
    }

    /** The key never comes here as a key: the export runs there and only the protected file comes back. */
    @Override
    public PrivateKey exportablePrivateKey(CertificateEntry entry) throws CertificateStoreException {
        throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "The private key of "
                + entry.issuedTo() + " stays on " + computer + ": export it there (the Certificate Export Wizard "
                + "of this console does)."));
    }

    @Override
    public Optional<AccessDenial> whyKeyNotExportable(CertificateEntry entry) {
        if (!entry.hasPrivateKey()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NO_PRIVATE_KEY, "The certificate has no private "
                    + "key on " + computer + "."));
        }
        if (!entry.exportable()) {
            return Optional.of(new AccessDenial(AccessDenial.Reason.NOT_EXPORTABLE, "The private key on " + computer
                    + " was marked as not exportable."));
        }
        return Optional.empty(); // whether the remote account may read it, only the remote export tells
    }

    @Override
    public Optional<AccessDenial> whyKeyNotDeletable(CertificateEntry entry) {
        return entry.hasPrivateKey() ? Optional.empty() : whyKeyNotExportable(entry);
    }

    /**
     * From the protocol the remote reported, without the network: a Cairn that speaks only 2 cannot change a
     * certificate's properties. Whether the account there may, the change itself tells (with the remote's reason).
     */
    @Override
    public Optional<AccessDenial> whyNotModifiable(CertificateEntry entry) {
        return protocolDenial("Changing a certificate's properties");
    }

    /**
     * The import there is in every protocol: no refusal here. Whether the account there may add to the store, the
     * import itself tells (with the remote's reason); the import is all or nothing.
     */
    @Override
    public Optional<AccessDenial> whyCannotAdd(LogicalStore store) {
        return Optional.empty();
    }

    /**
     * The certification path as the other computer built it, from its own stores and trust anchors: what its
     * {@code cairn cert show --json} validated there. Off the UI thread.
     *
     * @throws CertificateStoreException when the computer cannot be reached, or its Cairn is older than the
     *                                   {@code chain} with DER of {@code show --json} ("update Cairn there")
     */
    @Override
    public CertificationPath chain(CertificateEntry entry) throws CertificateStoreException {
        return validate(entry).path();
    }

    /** The verdict of the other computer on {@code entry} (its {@code cairn cert show --json}). Off the UI thread. */
    @Override
    public ChainValidation validate(CertificateEntry entry) throws CertificateStoreException {
        RemoteResult r = run(List.of("show", entry.thumbprint(), "--scope", "computer", "--store",
                entry.logicalStore().shortName(), "--json"), new byte[0]);
        try {
            for (Object o : (List<?>) Json.parse(r.outText())) {
                Map<?, ?> shown = (Map<?, ?>) o;
                if (text(shown, "store").equals(entry.logicalStore().shortName())) {
                    return verdict(shown, entry);
                }
            }
        } catch (RuntimeException e) {
            throw new CertificateStoreException("the answer of " + computer + " to 'cairn cert show' cannot be read: "
                    + e.getMessage(), e);
        }
        throw new CertificateStoreException(entry.issuedTo() + " is no longer in " + entry.logicalStore().displayName()
                + " on " + computer + ". Refresh the list.");
    }

    /**
     * The verdicts of the other computer on every certificate of its Local Computer scope, read at once (its
     * {@code cairn cert list --json --status}, one round trip): the certificate list's Status column. The options are
     * the remote's (now, no revocation). Off the UI thread; the validator answers without the network.
     *
     * @throws CertificateStoreException when the computer cannot be reached or its Cairn has no {@code --status}
     *                                   (older than this console: the list then shows the certificates' own dates)
     */
    @Override
    public ChainValidator validator(ValidationOptions options) throws CertificateStoreException {
        RemoteResult r = run(List.of("list", "--scope", "computer", "--json", "--status"), new byte[0]);
        Map<String, Map<?, ?>> answers = new java.util.HashMap<>();
        try {
            for (Object o : (List<?>) Json.parse(r.outText())) {
                Map<?, ?> m = (Map<?, ?>) o;
                answers.put(text(m, "store") + "/" + text(m, "thumbprint").toUpperCase(Locale.ROOT), m);
            }
        } catch (RuntimeException e) {
            throw new CertificateStoreException("the answer of " + computer + " to 'cairn cert list --status' cannot "
                    + "be read: " + e.getMessage(), e);
        }
        return entry -> {
            Map<?, ?> answer = answers.get(entry.logicalStore().shortName() + "/" + entry.thumbprint());
            try {
                if (answer == null) {
                    throw new CertificateStoreException(entry.issuedTo() + " was not in the list of " + computer
                            + " when the statuses were read. Refresh the list.");
                }
                return verdict(answer, entry);
            } catch (CertificateStoreException | RuntimeException e) {
                return cannotCheck(entry, e.getMessage());
            }
        };
    }

    private static ChainValidation cannotCheck(CertificateEntry entry, String why) {
        return new ChainValidation(new CertificationPath(List.of(entry), CertificationPath.Status.ISSUER_NOT_FOUND,
                Optional.of(entry.issuer())), CertificateStatus.CANNOT_CHECK, OptionalInt.of(0), String.valueOf(why),
                List.of(CertificateStatus.CANNOT_CHECK));
    }

    /**
     * The verdict of {@code show --json} or {@code list --json --status}: the path's certificates from their DER
     * (the leaf is {@code leaf}, the entry listed), each with the remote's status.
     */
    private ChainValidation verdict(Map<?, ?> m, CertificateEntry leaf) throws CertificateStoreException {
        if (!(m.get("status") instanceof Map<?, ?> status) || !(m.get("chain") instanceof List<?> links)
                || links.isEmpty() || links.stream().anyMatch(l -> !(l instanceof Map<?, ?> link)
                        || !(link.get("der") instanceof String))) {
            if (m.get("status") instanceof Map<?, ?> status && "cannot-check".equals(status.get("code"))) {
                return cannotCheck(leaf, text(status, "detail"));
            }
            throw new CertificateStoreException("Update Cairn on " + computer.host() + " to see the certification "
                    + "path: the Cairn there is older than this console.");
        }
        List<CertificateEntry> path = new ArrayList<>();
        List<CertificateStatus> statuses = new ArrayList<>();
        java.security.cert.CertificateFactory x509;
        try {
            x509 = java.security.cert.CertificateFactory.getInstance("X.509");
        } catch (java.security.cert.CertificateException e) {
            throw new CertificateStoreException("X.509 certificates cannot be read here: " + e.getMessage(), e);
        }
        for (int i = 0; i < links.size(); i++) {
            Map<?, ?> link = (Map<?, ?>) links.get(i);
            statuses.add(status(text(link, "status")));
            if (i == 0) {
                path.add(leaf); // the entry listed, with its properties and key (the dialog knows it as the leaf)
                continue;
            }
            byte[] der = java.util.Base64.getDecoder().decode(text(link, "der"));
            X509Certificate certificate;
            try {
                certificate = (X509Certificate) x509.generateCertificate(new java.io.ByteArrayInputStream(der));
            } catch (java.security.cert.CertificateException e) {
                throw new CertificateStoreException("certificate " + i + " of the path " + computer + " sent cannot "
                        + "be read: " + e.getMessage(), e);
            }
            LogicalStore store = LogicalStore.parse(text(link, "store"));
            path.add(CertificateEntry.builder(certificate).scope(Scope.computer()).logicalStore(store)
                    .physicalStore(".Default").location(computer + ": " + store.displayName()).source(() -> der)
                    .build());
        }
        String chainStatus = text(m, "chainStatus");
        CertificationPath.Status pathStatus = switch (chainStatus) {
            case "TRUSTED_ROOT" -> CertificationPath.Status.TRUSTED_ROOT;
            case "UNTRUSTED_ROOT" -> CertificationPath.Status.UNTRUSTED_ROOT;
            default -> CertificationPath.Status.ISSUER_NOT_FOUND;
        };
        Optional<String> missing = pathStatus == CertificationPath.Status.ISSUER_NOT_FOUND
                ? Optional.of(m.get("missingIssuer") == null ? path.getLast().issuer() : text(m, "missingIssuer"))
                : Optional.empty();
        CertificateStatus verdict = status(text(status, "code"));
        OptionalInt failedAt = verdict.ok() ? OptionalInt.empty()
                : OptionalInt.of(status.get("failedAt") instanceof Number n ? n.intValue() : 0);
        statuses.set(0, verdict);
        return new ChainValidation(new CertificationPath(path, pathStatus, missing), verdict, failedAt,
                verdict.ok() ? "" : text(status, "detail"), statuses);
    }

    /** @return the status of a code ({@code issuer-not-found}); a code this console does not know cannot be checked */
    private static CertificateStatus status(String code) {
        for (CertificateStatus known : CertificateStatus.values()) {
            if (known.code().equals(code)) {
                return known;
            }
        }
        return CertificateStatus.CANNOT_CHECK;
    }

    @Override
    public List<PurposeGroup> byPurpose() throws CertificateStoreException {
        return PurposeGroup.group(listAll().entries());
    }

    @Override
    public String toString() {
        return "Certificates (" + computer + ")";
    }
}
