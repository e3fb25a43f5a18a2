package org.cairn.certificates.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PrivateKey;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.importing.CertificateImportService;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.importing.ImportException;
import org.cairn.certificates.importing.ImportRequest;
import org.cairn.certificates.importing.ImportResult;
import org.cairn.certificates.importing.Pkcs12Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the third-party corpus against its MANIFEST row: valid files import with the right number of
 * certificates, key type and friendly names (read back from a fresh store); broken ones are refused with a clear
 * error and leave the store empty.
 */
class CorpusImportTest {

    static Stream<Corpus.Row> validWithCertificates() {
        return Corpus.rows().stream().filter(r -> r.valid() && r.certs() > 0 && !r.keyType().contains("GnuTLS only"));
    }

    static Stream<Corpus.Row> keyWithoutCertificate() {
        return Corpus.rows().stream().filter(r -> r.valid() && r.certs() == 0);
    }

    /** Valid files that, per the MANIFEST, only GnuTLS reads (GOST algorithms). */
    static Stream<Corpus.Row> onlyGnuTls() {
        return Corpus.rows().stream().filter(r -> r.valid() && r.keyType().contains("GnuTLS only"));
    }

    static Stream<Corpus.Row> invalid() {
        return Corpus.rows().stream().filter(r -> !r.valid());
    }

    static Stream<Corpus.Row> valid() {
        return Corpus.rows().stream().filter(Corpus.Row::valid);
    }

    private static CertificateStoreService stores(String name) {
        return CertificateStores.create(StoreRoots.under(Corpus.freshRoot(name)), Identity.current(),
                List.of(CertificateStores.fileStoreProvider()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validWithCertificates")
    void validFileImportsWhatItsManifestRowSays(Corpus.Row row) throws Exception {
        CertificateStoreService stores = stores(row.file());
        CertificateImportService service = CertificateImportServices.create(stores);
        ImportResult result = service.importFile(ImportRequest.of(row.path(), row.password().toCharArray(), Scope.currentUser())
                .withExportable(true));

        assertEquals(row.certs(), result.certificates().size(), "certificates imported");
        CertificateStore store = stores.open(Scope.currentUser());
        List<CertificateEntry> entries = store.listAll().entries();
        assertEquals(row.certs(), entries.size(), "entries in the store: " + entries);
        List<CertificateEntry> withKey = entries.stream().filter(CertificateEntry::hasPrivateKey).toList();
        if (row.keyType().equals("none")) {
            assertTrue(withKey.isEmpty(), "no key expected");
        } else {
            assertEquals(1, withKey.size(), "one certificate with its key");
            assertEquals(row.keyType(), keyType(store.exportablePrivateKey(withKey.get(0))));
            assertEquals("My", withKey.get(0).logicalStore().shortName(), "a certificate with its key goes to Personal");
        }
        Set<String> names = entries.stream().map(CertificateEntry::friendlyName).filter(n -> !n.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(row.friendlyNames()), names, "friendly names");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyWithoutCertificate")
    void keyWithoutCertificateIsReadButRefusedWithNothingImported(Corpus.Row row) throws Exception {
        CertificateStoreService stores = stores(row.file());
        CertificateImportService service = CertificateImportServices.create(stores);
        ImportException e = assertThrows(ImportException.class, () -> service.importFile(
                ImportRequest.of(row.path(), row.password().toCharArray(), Scope.currentUser())));
        assertEquals(ImportException.Reason.NOTHING_TO_IMPORT, e.reason());
        assertTrue(e.getMessage().contains("(" + row.keyType() + ") but no certificate"), e.getMessage());
        assertTrue(stores.open(Scope.currentUser()).listAll().entries().isEmpty());
        Pkcs12Report report = service.inspect(row.path(), Optional.of(row.password().toCharArray()));
        assertTrue(report.bags().stream().anyMatch(b -> b.type().endsWith("eyBag") && b.summary().equals(row.keyType())),
                "inspect shows the key: " + report.bags());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onlyGnuTls")
    void fileOnlyGnuTlsReadsIsRefusedNamingItsAlgorithm(Corpus.Row row) throws Exception {
        CertificateStoreService stores = stores(row.file());
        CertificateImportService service = CertificateImportServices.create(stores);
        ImportException e = assertThrows(ImportException.class, () -> service.importFile(
                ImportRequest.of(row.path(), row.password().toCharArray(), Scope.currentUser())));
        assertEquals(ImportException.Reason.UNSUPPORTED, e.reason());
        assertTrue(e.getMessage().contains("GOST"), e.getMessage());
        assertTrue(stores.open(Scope.currentUser()).listAll().entries().isEmpty());
    }

    @Test
    void everyCorpusFileIsCoveredByOneOfTheseTests() {
        long covered = validWithCertificates().count() + keyWithoutCertificate().count() + onlyGnuTls().count()
                + invalid().count();
        assertEquals(Corpus.rows().size(), covered);
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(Corpus.dir())) {
            assertEquals(Corpus.rows().size(), files.filter(f -> f.toString().matches(".*\\.(p12|pfx)$")).count(),
                    "every file in the corpus folder has a MANIFEST row");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void brokenFileIsRefusedWithItsOwnReasonAndNothingImported(Corpus.Row row) throws Exception {
        CertificateStoreService stores = stores(row.file());
        CertificateImportService service = CertificateImportServices.create(stores);
        ImportException e = assertThrows(ImportException.class, () -> service.importFile(
                ImportRequest.of(row.path(), row.password().toCharArray(), Scope.currentUser())));
        assertNotEquals(ImportException.Reason.STORE, e.reason());
        assertNotEquals(ImportException.Reason.UNREADABLE, e.reason());
        assertFalse(e.getMessage().isBlank());
        assertTrue(stores.open(Scope.currentUser()).listAll().entries().isEmpty(), "nothing imported");
        Pkcs12Report report = service.inspect(row.path(), Optional.of(row.password().toCharArray()));
        assertTrue(report.problem().isPresent(), "inspect reports the problem");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void inspectPredictsTheReadersObservedOnTheCorpus(Corpus.Row row) throws Exception {
        CertificateImportService service = CertificateImportServices.create(stores(row.file()));
        Pkcs12Report report = service.inspect(row.path(), Optional.of(row.password().toCharArray()));
        Map<String, String> predicted = new HashMap<>();
        for (Pkcs12Report.ReaderSupport r : report.readers()) {
            String key = r.reader().startsWith("OpenSSL") ? "openssl" : r.reader().startsWith("JDK") ? "keytool"
                    : r.reader().startsWith("NSS") ? "nss" : r.reader().startsWith("GnuTLS") ? "gnutls"
                    : r.reader().startsWith("python") ? "python" : null;
            if (key != null) {
                predicted.put(key, !r.opens() ? "fail" : key.equals("openssl") && r.why().contains("-legacy") ? "ok-legacy" : "ok");
            }
        }
        Map<String, String> observed = new HashMap<>();
        for (String word : Corpus.words(row.readers())) {
            String[] kv = word.split("=");
            observed.put(kv[0], kv[1]);
        }
        assertEquals(observed, predicted);
    }

    /** The key type as the MANIFEST writes it, from the key read back from the store (Java's own key classes). */
    static String keyType(PrivateKey key) {
        if (key instanceof RSAPrivateKey rsa) {
            return "RSA-" + rsa.getModulus().bitLength();
        }
        if (key instanceof ECPrivateKey ec) {
            return "EC-P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPrivateKey dsa) {
            return "DSA-" + dsa.getParams().getP().bitLength();
        }
        return key.getAlgorithm();
    }
}
