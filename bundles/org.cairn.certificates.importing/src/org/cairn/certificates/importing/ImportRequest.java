package org.cairn.certificates.importing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import org.cairn.certificates.core.Scope;

/**
 * Everything the Certificate Import Wizard (or the command line) gathered: an immutable request that the
 * {@link CertificateImportService} carries out.
 *
 * <p><b>The password.</b> The request keeps a reference to the caller's {@code char[]} (no copy); the service
 * never changes it. An empty array means "no password": it opens files protected with the empty password and
 * files protected with no (absent) password, as Windows does. Clear it with {@link #close()}.
 * {@link #toString()} never shows it.</p>
 *
 * @param file               the file to import
 * @param password           the password (PKCS #12 and encrypted keys); empty for none
 * @param scope              whose stores receive the certificates
 * @param store              automatic placement or one chosen store
 * @param exportable         "Mark this key as exportable" (off by default: a restored key stays in the store)
 * @param extendedProperties "Include all extended properties": the description and extended properties that
 *                           Cairn's (or Windows') export wrote into the file; the friendly name is always kept
 */
public record ImportRequest(Path file, char[] password, Scope scope, StoreChoice store, boolean exportable,
        boolean extendedProperties) implements AutoCloseable {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password (empty for none)");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(store, "store");
    }

    /**
     * @param file     the file
     * @param password the password, empty for none (kept, not copied)
     * @param scope    the scope
     * @return a request with the wizard's defaults: automatic store, key not exportable, no extended properties
     */
    public static ImportRequest of(Path file, char[] password, Scope scope) {
        return new ImportRequest(file, password, scope, StoreChoice.automatic(), false, false);
    }

    /** @param choice where to put the certificates @return a copy with that choice */
    public ImportRequest withStore(StoreChoice choice) {
        return new ImportRequest(file, password, scope, choice, exportable, extendedProperties);
    }

    /** @param value mark the key as exportable @return a copy with that option */
    public ImportRequest withExportable(boolean value) {
        return new ImportRequest(file, password, scope, store, value, extendedProperties);
    }

    /** @param value include all extended properties @return a copy with that option */
    public ImportRequest withExtendedProperties(boolean value) {
        return new ImportRequest(file, password, scope, store, exportable, value);
    }

    /** Clears the password array (the caller's array). */
    @Override
    public void close() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "ImportRequest[file=" + file + ", password=" + (password.length == 0 ? "none" : "(given)") + ", scope="
                + scope.token() + ", store=" + store + ", exportable=" + exportable + ", extendedProperties="
                + extendedProperties + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImportRequest r && file.equals(r.file) && Arrays.equals(password, r.password)
                && scope.equals(r.scope) && store.equals(r.store) && exportable == r.exportable
                && extendedProperties == r.extendedProperties;
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, scope, store, exportable, extendedProperties);
    }
}
