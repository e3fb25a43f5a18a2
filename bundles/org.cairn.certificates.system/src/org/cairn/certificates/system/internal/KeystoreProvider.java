package org.cairn.certificates.system.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.spi.PhysicalStore;
import org.cairn.certificates.core.spi.StoreContext;
import org.cairn.certificates.core.spi.StoreProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The keystore files registered for a service ({@link ServiceKeystores}: {@code /etc/cairn/services/NAME.conf}, written
 * by {@code cairn cert add-physical-store}), as physical stores of that service account ({@link KeystoreStore}). A
 * password given in this process for a keystore without a password file is kept here, per file, until the process
 * ends.
 */
@Component(service = StoreProvider.class)
public final class KeystoreProvider implements StoreProvider {

    /** The logical stores a keystore's certificates are placed in. */
    private static final List<LogicalStore> PLACES = List.of(LogicalStore.PERSONAL, LogicalStore.TRUSTED_ROOT,
            LogicalStore.INTERMEDIATE, LogicalStore.OTHER_PEOPLE);
    /** A password file larger than this is not read. */
    private static final int MAX_PASSWORD_BYTES = 4096;

    private final SystemLayout layout;
    /** Passwords given in this process, by keystore file. */
    private final Map<Path, char[]> given = new HashMap<>();
    /** One registration change at a time from this process. */
    private final Object writeLock = new Object();
    /** The last reading of each keystore (guarded by itself). */
    private final Map<Path, Reading> readings = new HashMap<>();

    /** For DS: the layout of this process's properties and environment. */
    public KeystoreProvider() {
        this(SystemLayout.fromEnvironment());
    }

    /** @param layout where the system's files are */
    public KeystoreProvider(SystemLayout layout) {
        this.layout = layout;
    }

    @Override
    public String id() {
        return "service-keystores";
    }

    /** After the service files (20), before NSS (50). */
    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<PhysicalStore> open(StoreContext context, LogicalStore store) {
        return openAll(context, store).stream().findFirst();
    }

    @Override
    public List<PhysicalStore> openAll(StoreContext context, LogicalStore store) {
        if (!(context.scope() instanceof Scope.Service service) || !PLACES.contains(store)) {
            return List.of();
        }
        List<PhysicalStore> stores = new ArrayList<>();
        for (ServiceKeystores.Registered registered : ServiceKeystores.read(layout, service.name(), new ArrayList<>())
                .entries()) {
            stores.add(new KeystoreStore(context, this, registered, layout.resolve(registered.path()), store));
        }
        return stores;
    }

    String serviceOf(StoreContext context) {
        return context.scope() instanceof Scope.Service service ? service.name() : context.scope().displayName();
    }

    @Override
    public Optional<CertificateStore.PhysicalStoreInfo> register(StoreContext context, Path file,
            Optional<Path> passwordFile) throws CertificateStoreException {
        if (!(context.scope() instanceof Scope.Service service)) {
            return Optional.empty();
        }
        refuseChanges(context, service);
        String path = file.toAbsolutePath().normalize().toString();
        Optional<String> password = passwordFile.map(p -> p.toAbsolutePath().normalize().toString());
        Path resolved = layout.resolve(path);
        byte[] bytes;
        try {
            bytes = KeystoreContent.load(resolved);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read " + path + ": " + e.getMessage() + " Nothing was"
                    + " registered.", e);
        }
        if (KeystoreContent.typeOf(bytes).isEmpty()) {
            throw new CertificateStoreException(path + " is neither a Java keystore (JKS, JCEKS) nor a PKCS #12 file;"
                    + " nothing was registered.");
        }
        ServiceKeystores.Registered entry = new ServiceKeystores.Registered(path, password);
        if (password.isPresent()) {
            Optional<char[]> pw = readPasswordFile(layout.resolve(password.get()));
            try {
                KeystoreContent.read(resolved, bytes, pw);
            } catch (KeystoreContent.KeystoreException e) {
                throw new CertificateStoreException(e.getMessage() + (e.wrongPassword() ? " (the password from "
                        + password.get() + ")" : "") + " Nothing was registered.", e);
            } finally {
                pw.ifPresent(p -> Arrays.fill(p, '\0'));
            }
        }
        synchronized (writeLock) {
            ServiceKeystores current = readStrictly(service);
            if (current.find(path).isPresent()) {
                throw new CertificateStoreException("The keystore " + path + " is registered for the service "
                        + service.name() + " already (" + current.file() + ").");
            }
            try {
                current.with(entry).write();
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot write " + current.file() + ": " + e.getMessage()
                        + ". Nothing was registered.", e);
            }
        }
        return Optional.of(new CertificateStore.PhysicalStoreInfo("Keystore: " + path, resolved.toString(), false));
    }

    @Override
    public boolean unregister(StoreContext context, Path file) throws CertificateStoreException {
        if (!(context.scope() instanceof Scope.Service service)) {
            return false;
        }
        String path = file.toAbsolutePath().normalize().toString();
        synchronized (writeLock) {
            ServiceKeystores current = readStrictly(service);
            if (current.find(path).isEmpty()) {
                return false;
            }
            refuseChanges(context, service);
            try {
                current.without(path).write();
            } catch (IOException e) {
                throw new CertificateStoreException("Cannot write " + current.file() + ": " + e.getMessage()
                        + ". Nothing was changed.", e);
            }
        }
        synchronized (given) {
            Optional.ofNullable(given.remove(layout.resolve(path))).ifPresent(p -> Arrays.fill(p, '\0'));
        }
        synchronized (readings) {
            Optional.ofNullable(readings.remove(layout.resolve(path))).ifPresent(Reading::forget);
        }
        return true;
    }

    private ServiceKeystores readStrictly(Scope.Service service) throws CertificateStoreException {
        List<String> problems = new ArrayList<>();
        ServiceKeystores current = ServiceKeystores.read(layout, service.name(), problems);
        if (!problems.isEmpty()) {
            throw new CertificateStoreException(String.join(" ", problems) + " Correct the file first; nothing was"
                    + " changed.");
        }
        return current;
    }

    private void refuseChanges(StoreContext context, Scope.Service service) throws CertificateStoreException {
        if (layout.whyNoChanges().isPresent()) {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.READ_ONLY_STORE,
                    layout.whyNoChanges().get()));
        }
        if (!context.identity().isRoot()) {
            throw new CertificateStoreException(new AccessDenial(AccessDenial.Reason.NO_ACCESS, "Only root can"
                    + " register keystores for the service " + service.name() + " (" + ServiceKeystores.DIR + "/"
                    + service.name() + ".conf); you are " + context.identity() + ". Run it as root (sudo cairn ...)."));
        }
    }

    /** @return the keystore's password: the registered file's, else the one given in this process; a copy */
    Optional<char[]> password(ServiceKeystores.Registered registered, Path file) throws CertificateStoreException {
        if (registered.passwordFile().isPresent()) {
            return readPasswordFile(layout.resolve(registered.passwordFile().get()));
        }
        synchronized (given) {
            return Optional.ofNullable(given.get(file)).map(char[]::clone);
        }
    }

    boolean locked(ServiceKeystores.Registered registered, Path file) {
        if (registered.passwordFile().isPresent()) {
            return false;
        }
        synchronized (given) {
            return !given.containsKey(file);
        }
    }

    boolean unlock(ServiceKeystores.Registered registered, Path file, char[] password) throws CertificateStoreException {
        if (!locked(registered, file)) {
            return true;
        }
        byte[] bytes;
        try {
            bytes = KeystoreContent.load(file);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
        try {
            KeystoreContent.read(file, bytes, Optional.of(password));
        } catch (KeystoreContent.KeystoreException e) {
            if (e.wrongPassword()) {
                return false;
            }
            throw new CertificateStoreException(e.getMessage(), e);
        }
        synchronized (given) {
            Optional.ofNullable(given.put(file, password.clone())).ifPresent(p -> Arrays.fill(p, '\0'));
        }
        return true;
    }

    /**
     * A keystore as last read: a listing of a service account reads each keystore for four logical stores, and a
     * PKCS #12 file costs a key derivation per reading. Used again only while the file's size, modification time and
     * file key are the same, under the same password, and for {@link #READING_NANOS} at most, so that decrypted keys
     * are not kept for long.
     */
    private record Reading(BasicFileAttributes stamp, String type, Optional<char[]> password, KeystoreContent content,
            long readAt) {

        boolean sameAs(BasicFileAttributes other, Optional<char[]> otherPassword, long now) {
            return now - readAt < READING_NANOS && sameFile(other)
                    && password.isPresent() == otherPassword.isPresent()
                    && (password.isEmpty() || Arrays.equals(password.get(), otherPassword.get()));
        }

        boolean sameFile(BasicFileAttributes other) {
            return stamp.size() == other.size() && stamp.lastModifiedTime().equals(other.lastModifiedTime())
                    && Objects.equals(stamp.fileKey(), other.fileKey());
        }

        void forget() {
            password.ifPresent(p -> Arrays.fill(p, '\0'));
        }
    }

    /** How long a reading is used again. */
    private static final long READING_NANOS = 5_000_000_000L;

    /**
     * What the keystore holds: with its keys when {@code withKeys} and its password is known (a PKCS #12 file is
     * always read with its password, which also protects its certificates).
     */
    KeystoreContent content(ServiceKeystores.Registered registered, Path file, boolean withKeys)
            throws CertificateStoreException {
        try {
            BasicFileAttributes stamp = Files.readAttributes(file, BasicFileAttributes.class);
            Reading last;
            synchronized (readings) {
                last = readings.get(file);
            }
            byte[] bytes = null;
            String type;
            if (last != null && last.sameFile(stamp)) {
                type = last.type();
            } else {
                bytes = KeystoreContent.load(file);
                type = KeystoreContent.typeOf(bytes).orElse("");
            }
            Optional<char[]> password = withKeys || type.equals("PKCS12") ? password(registered, file)
                    : Optional.empty();
            long now = System.nanoTime();
            if (last != null && last.sameAs(stamp, password, now)) {
                password.ifPresent(p -> Arrays.fill(p, '\0'));
                return last.content();
            }
            if (bytes == null) {
                bytes = KeystoreContent.load(file);
            }
            KeystoreContent content;
            try {
                content = KeystoreContent.read(file, bytes, password);
            } catch (KeystoreContent.KeystoreException e) {
                password.ifPresent(p -> Arrays.fill(p, '\0'));
                throw new CertificateStoreException(e.getMessage() + (e.wrongPassword() ? registered.passwordFile()
                        .map(p -> " Correct the password file " + p + ".").orElse(" Give the right password.") : ""), e);
            }
            synchronized (readings) {
                Optional.ofNullable(readings.put(file, new Reading(stamp, type, password, content, now)))
                        .ifPresent(Reading::forget);
            }
            return content;
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the keystore " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first line of a password file, at most 4 KiB, UTF-8; a missing or unreadable file is an error. */
    private static Optional<char[]> readPasswordFile(Path file) throws CertificateStoreException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_PASSWORD_BYTES + 1);
        } catch (IOException e) {
            throw new CertificateStoreException("Cannot read the password file " + file + ": " + e.getMessage(), e);
        }
        try {
            if (bytes.length > MAX_PASSWORD_BYTES) {
                throw new CertificateStoreException("The password file " + file + " is larger than "
                        + MAX_PASSWORD_BYTES + " bytes; it should hold the password on one line.");
            }
            int end = 0;
            while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
                end++;
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
            char[] password = new char[chars.remaining()];
            chars.get(password);
            Arrays.fill(chars.array(), '\0');
            return Optional.of(password);
        } catch (CharacterCodingException e) {
            throw new CertificateStoreException("The password file " + file + " is not UTF-8 text.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
