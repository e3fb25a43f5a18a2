package org.cairn.certificates.remote.store;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificationPath;
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
import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.PassphrasePrompt;
import org.cairn.certificates.remote.RemoteCairn;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.RemoteConnection;
import org.cairn.certificates.remote.RemoteException;
import org.cairn.certificates.remote.RemoteResult;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.remote.internal.Json;

/**
 * The Local Computer scope of another computer, read through its own {@code cairn cert ... --json} over SSH: what
 * the console's "Another computer" shows. Connects on first use (never in the constructor: a connection may take up
 * to the connect timeout and ask the user about a host key or a passphrase, so every method that talks to the
 * computer must be called off the UI thread); the questions {@link #whyKeyNotExportable} and the like answer from
 * what the listing said, without the network. Changes this console cannot make there yet are refused with a
 * message; the export goes through {@link RemoteExportService}.
 */
public final class RemoteStore implements CertificateStore, AutoCloseable {

    /**
     * The name under which the console gives a command (the Certificate Export Wizard's) the store its certificates
     * come from, when that is another computer.
     */
    public static final String CONTEXT_KEY = "org.cairn.certificates.remote.store";

    /** The protocol the console needs: version 2's {@code list --json} gives each certificate's sha256. */
    public static final int NEEDED_PROTOCOL = 2;

    private final RemoteComputer computer;
    private final SshSettings settings;
    private final HostKeyPrompt hostKeys;
    private final PassphrasePrompt passphrases;
    /** Held while connecting, so that two background reads make one connection. */
    private final Object connecting = new Object();
    private volatile RemoteConnection connection;
    /** Why the last connection failed; kept until {@link #reset()} so that a dead computer is not asked again and again. */
    private volatile RemoteException failure;

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

    @Override
    public void close() {
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

    private CertificateStoreException notHere(String what) {
        return new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE, what + " is not "
                + "available from this console on another computer (" + computer + ") yet; run cairn cert there."));
    }

    @Override
    public CertificateEntry add(LogicalStore store, X509Certificate certificate, Optional<PrivateKey> privateKey,
            EntryAttributes attributes) throws CertificateStoreException {
        throw notHere("Adding a certificate");
    }

    @Override
    public List<CertificateEntry> addAll(List<NewEntry> entries) throws CertificateStoreException {
        throw notHere("Adding certificates");
    }

    @Override
    public void delete(CertificateEntry entry) throws CertificateStoreException {
        run(List.of("delete", entry.thumbprint(), "--scope", "computer", "--store", entry.logicalStore().shortName(),
                "--json"), new byte[0]);
    }

    @Override
    public CertificateEntry deletePrivateKey(CertificateEntry entry) throws CertificateStoreException {
        throw notHere("Deleting a private key alone");
    }

    @Override
    public CertificateEntry setFriendlyName(CertificateEntry entry, String name) throws CertificateStoreException {
        throw notHere("Changing the friendly name");
    }

    @Override
    public CertificateEntry setDescription(CertificateEntry entry, String text) throws CertificateStoreException {
        throw notHere("Changing the description");
    }

    @Override
    public CertificateEntry setProperties(CertificateEntry entry, Map<String, String> properties)
            throws CertificateStoreException {
        throw notHere("Changing extended properties");
    }

    @Override
    public CertificateEntry putProperty(CertificateEntry entry, String name, String value)
            throws CertificateStoreException {
        throw notHere("Changing extended properties");
    }

    @Override
    public CertificateEntry removeProperty(CertificateEntry entry, String name) throws CertificateStoreException {
        throw notHere("Changing extended properties");
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

    @Override
    public Optional<AccessDenial> whyNotModifiable(CertificateEntry entry) {
        return Optional.of(notHere("Changing a certificate's properties").denial().orElseThrow());
    }

    @Override
    public Optional<AccessDenial> whyCannotAdd(LogicalStore store) {
        return Optional.of(notHere("Importing").denial().orElseThrow());
    }

    @Override
    public CertificationPath chain(CertificateEntry entry) throws CertificateStoreException {
        throw new CertificateStoreException("The certification path of a certificate on " + computer + " is shown "
                + "by cairn cert show there.");
    }

    @Override
    public ChainValidator validator(ValidationOptions options) throws CertificateStoreException {
        throw new CertificateStoreException("Certificates on " + computer + " are validated there (cairn cert show).");
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
