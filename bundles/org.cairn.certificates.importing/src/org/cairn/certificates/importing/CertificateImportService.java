package org.cairn.certificates.importing;

import java.nio.file.Path;
import java.util.Optional;

import org.cairn.certificates.core.CertificateStore;

/**
 * The one import engine behind the Certificate Import Wizard and {@code cairn cert import}: PKCS #12 (.pfx,
 * .p12), X.509 certificates (.cer, .crt; DER or Base-64), PKCS #7 certificates (.p7b, .p7c) and PEM bundles
 * (certificates and private keys: PKCS #8 encrypted or not, PKCS #1, SEC1).
 *
 * <p>An import is all or nothing: the whole file is read, decrypted and checked first (each private key against
 * its certificate); only then are the certificates added, and if adding one fails, those already added are
 * removed again. Available as an OSGi Declarative Services service, or without OSGi through
 * {@link CertificateImportServices#create}. Implementations are thread-safe.</p>
 */
public interface CertificateImportService {

    /**
     * Whether reading a file involves a password, so that a caller asks for one only then: PKCS #12 files always
     * (as Windows asks; an empty answer opens files with the empty or the absent password), PEM files when they
     * hold an encrypted key.
     *
     * @param file the file
     * @return whether a password is needed
     * @throws ImportException when the file cannot be read or is of no kind the import reads
     */
    boolean needsPassword(Path file) throws ImportException;

    /**
     * Reads a file completely without changing any store: the wizard's check before its summary page.
     *
     * @param file     the file
     * @param password the password, empty for none (not changed)
     * @return what it holds
     * @throws ImportException when it cannot be opened or read; its reason tells why
     */
    FileContents read(Path file, char[] password) throws ImportException;

    /**
     * Imports a file.
     *
     * @param request what to import, with which options (its password is not changed)
     * @return what was imported
     * @throws ImportException with a reason and a message that says what to do; no store was changed then
     */
    ImportResult importFile(ImportRequest request) throws ImportException;

    /**
     * Imports a file into the given stores instead of those of {@link ImportRequest#scope()} on this computer: the
     * console's "Another computer", whose store carries the certificates there. The file is read and checked here
     * as {@link #importFile(ImportRequest)} does, then added with one {@link CertificateStore#addAll} call.
     *
     * @param request what to import (its scope must be the store's)
     * @param store   the stores to import into
     * @return what was imported
     * @throws ImportException with a reason and a message that says what to do; no store was changed then
     * @since 1.2
     */
    default ImportResult importFile(ImportRequest request, CertificateStore store) throws ImportException {
        throw new ImportException(ImportException.Reason.STORE, "This import service cannot import into " + store
                + "; nothing was imported.");
    }

    /**
     * Describes a PKCS #12 file: algorithms, iteration counts, MAC, bags, attributes, and which readers can open
     * it. Without a password the empty and the absent password are tried; bags in encrypted safes are listed only
     * when a password opens them.
     *
     * @param file     the file
     * @param password the password, if known (not changed)
     * @return the report; a damaged file gives a report with {@link Pkcs12Report#problem()} set as far as it can
     * @throws ImportException when the file cannot be read or is not a PKCS #12 file at all
     */
    Pkcs12Report inspect(Path file, Optional<char[]> password) throws ImportException;
}
