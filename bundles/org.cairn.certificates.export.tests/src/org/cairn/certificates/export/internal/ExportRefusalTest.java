package org.cairn.certificates.export.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.ExportException;
import org.cairn.certificates.export.ExportException.Reason;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.ExportRequest;
import org.cairn.certificates.export.ExportResult;
import org.cairn.certificates.export.ExportSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal names its reason, leaves no file (not even a temporary one) and never deletes the key.
 */
class ExportRefusalTest {

    private static final char[] PASSWORD = "refusal-test".toCharArray();

    @TempDir
    Path dir;
    Path out;
    StoreFixture stores;

    @BeforeEach
    void setUp() throws Exception {
        stores = new StoreFixture(dir.resolve("stores"));
        out = Files.createDirectory(dir.resolve("out"));
    }

    private static ExportRequest.Builder pfxWithKey(CertificateEntry entry, Path file) {
        return ExportRequest.builder(ExportSource.of(entry), ExportFormat.PKCS12, file).includePrivateKey(true)
                .password(PASSWORD);
    }

    private ExportException refused(Reason reason, ExportRequest request) {
        return refused(reason, stores.service(), request);
    }

    private ExportException refused(Reason reason, DefaultCertificateExportService service, ExportRequest request) {
        ExportException e = assertThrows(ExportException.class, () -> service.export(request));
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    private void assertNothingWritten() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "nothing may be left in the target folder");
        }
    }

    @Test
    void exportFailsWhenKeyIsNotExportable() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Locked key", false);

        ExportException e = refused(Reason.NOT_EXPORTABLE, pfxWithKey(entry, out.resolve("locked.pfx")).build());

        assertTrue(e.getMessage().contains("not exportable"), e.getMessage());
        assertNothingWritten();
        assertTrue(stores.reload(entry).hasPrivateKey());
    }

    @Test
    void aNonExportableKeyStillAllowsACertificateOnlyPfx() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.RSA_2048, "Locked key", false);
        Path file = out.resolve("cert-only.pfx");

        ExportResult result = stores.service().export(pfxWithKey(entry, file).includePrivateKey(false).build());

        assertFalse(result.keyWritten());
        ExternalTools.Run run = ExternalTools.openssl(List.of("pkcs12", "-in", file.toString(), "-passin",
                "env:" + ExternalTools.PASSWORD_VARIABLE, "-nodes"), PASSWORD);
        assertEquals(0, run.exitCode(), run.output());
        assertFalse(run.output().contains("PRIVATE KEY"), run.output());
        assertTrue(run.output().contains("BEGIN CERTIFICATE"), run.output());
    }

    @Test
    void exportFailsWhenThereIsNoPrivateKey() throws Exception {
        CertificateEntry leaf = stores.chain(KeyAlgorithm.EC_P256, "No key here");
        CertificateEntry root = stores.user.list(LogicalStore.TRUSTED_ROOT).entries().stream()
                .filter(e -> e.subject().contains("No key here Root CA")).findFirst().orElseThrow();

        refused(Reason.NO_PRIVATE_KEY, pfxWithKey(root, out.resolve("root.pfx")).build());

        assertNothingWritten();
        assertTrue(stores.reload(leaf).hasPrivateKey());
    }

    @Test
    void exportFailsWithoutAccessToTheKey() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Someone else's key", true);
        Identity other = new Identity(Identity.current().uid() == 4242 ? 4243 : 4242, "alice");
        StoreFixture asOther = stores.as(other);

        ExportException e = refused(Reason.NO_ACCESS, asOther.service(),
                pfxWithKey(entry, out.resolve("other.pfx")).deletePrivateKey(true).build());

        assertTrue(e.getMessage().contains("alice"), e.getMessage());
        assertNothingWritten();
        assertTrue(stores.reload(entry).hasPrivateKey());
    }

    @Test
    void exportRefusesAnExistingTargetUnlessOverwriteIsAsked() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Existing", true);
        Path file = out.resolve("existing.pfx");
        Files.writeString(file, "somebody's file");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        refused(Reason.TARGET_EXISTS, pfxWithKey(entry, file).build());
        assertEquals("somebody's file", Files.readString(file));

        ExportResult result = stores.service().export(pfxWithKey(entry, file).overwrite(true).build());
        assertEquals(Files.size(file), result.size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "the replaced file does not inherit the old, readable permissions");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aTargetCreatedWhileExportingIsNotOverwritten() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Race", true);
        Path file = out.resolve("race.pfx");
        ExportVerifier real = new ReadBackVerifier();
        // another program creates the target after the check for an existing file, before the rename
        ExportVerifier racing = (written, format, expected, options, password) -> {
            try {
                Files.writeString(file, "the other program's file");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return real.verify(written, format, expected, options, password);
        };

        refused(Reason.TARGET_EXISTS, stores.service(racing, FileOutput.DIRECT), pfxWithKey(entry, file).build());

        assertEquals("the other program's file", Files.readString(file));
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void exportRefusesATargetUnderARegularFile() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Under a file", true);
        Path regular = Files.writeString(out.resolve("plain.txt"), "not a folder");

        ExportException e = refused(Reason.TARGET_NOT_WRITABLE, pfxWithKey(entry, regular.resolve("x.pfx")).build());

        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(regular), files.toList());
        }
    }

    @Test
    void exportRefusesAMissingFolder() throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Missing folder", true);

        refused(Reason.TARGET_NOT_WRITABLE, pfxWithKey(entry, out.resolve("missing/x.pfx")).build());

        assertNothingWritten();
    }

    @Test
    void exportRefusesAFolderThatEvenRootCannotWriteTo() throws Exception {
        // sysfs refuses new files to every user, root included: a real unwritable folder for tests that run as root
        Path sys = Path.of("/sys");
        assumeTrue(Files.isDirectory(sys), "needs /sys");
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Read-only folder", true);

        ExportException e = refused(Reason.TARGET_NOT_WRITABLE, pfxWithKey(entry, sys.resolve("cairn-export.pfx")).build());

        assertTrue(e.getMessage().contains("Choose a folder you can write to"), e.getMessage());
        assertFalse(Files.exists(sys.resolve("cairn-export.pfx")));
    }

    @Test
    void exportRefusesAFolderWithoutWritePermissionForOrdinaryUsers() throws Exception {
        assumeTrue(Identity.current().uid() != 0, "root may write anywhere; covered by the /sys test");
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "No permission", true);
        Path locked = Files.createDirectory(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));

        ExportException e = refused(Reason.TARGET_NOT_WRITABLE, pfxWithKey(entry, locked.resolve("x.pfx")).build());

        assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    }

    /** Output seams that fail the way real disks do. */
    static Stream<Arguments> failingOutputs() {
        FileOutput diskFullHalfway = new FileOutput() {
            @Override
            public void write(FileChannel channel, ByteBuffer data) throws IOException {
                ByteBuffer half = data.slice(0, data.remaining() / 2);
                channel.write(half);
                throw new IOException("No space left on device");
            }
        };
        FileOutput ioError = new FileOutput() {
            @Override
            public void write(FileChannel channel, ByteBuffer data) throws IOException {
                throw new IOException("Input/output error");
            }
        };
        FileOutput syncFails = new FileOutput() {
            @Override
            public void sync(FileChannel channel) throws IOException {
                throw new IOException("Input/output error during fsync");
            }
        };
        return Stream.of(Arguments.of("disk full halfway", diskFullHalfway, "No space left on device"),
                Arguments.of("I/O error", ioError, "Input/output error"),
                Arguments.of("sync fails", syncFails, "fsync"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failingOutputs")
    void aFailedWriteLeavesNothingBehindAndKeepsTheKey(String name, FileOutput output, String cause) throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.RSA_2048, "Failing disk", true);
        DefaultCertificateExportService service = stores.service(
                new ReadBackVerifier(),
                output);

        ExportException e = refused(Reason.WRITE_FAILED, service,
                pfxWithKey(entry, out.resolve("failing.pfx")).deletePrivateKey(true).build());

        assertTrue(e.getMessage().contains(cause), e.getMessage());
        assertTrue(e.getMessage().contains("Nothing was written"), e.getMessage());
        assertNothingWritten();
        assertTrue(stores.reload(entry).hasPrivateKey(), "the key must not be deleted after a failed write");
    }

    static Stream<Arguments> inconsistentRequests() {
        return Stream.of(
                Arguments.of("key in a DER file", (UnaryOperator<ExportRequest.Builder>) b -> b, ExportFormat.DER, true),
                Arguments.of("chain in a DER file", (UnaryOperator<ExportRequest.Builder>) b -> b.includeChain(true),
                        ExportFormat.DER, false),
                Arguments.of("key in a PKCS #7 file", (UnaryOperator<ExportRequest.Builder>) b -> b, ExportFormat.PKCS7,
                        true, false),
                Arguments.of("extended properties in Base-64", (UnaryOperator<ExportRequest.Builder>) b -> b
                        .extendedProperties(true), ExportFormat.BASE64, false),
                Arguments.of("delete without exporting the key", (UnaryOperator<ExportRequest.Builder>) b -> b
                        .deletePrivateKey(true).password(PASSWORD), ExportFormat.PKCS12, false),
                Arguments.of("PKCS #12 without password", (UnaryOperator<ExportRequest.Builder>) b -> b.password(null),
                        ExportFormat.PKCS12, true),
                Arguments.of("PKCS #12 with an empty password", (UnaryOperator<ExportRequest.Builder>) b -> b
                        .password(new char[0]), ExportFormat.PKCS12, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inconsistentRequests")
    void inconsistentRequestsAreRefusedWithAnExplanation(String name, UnaryOperator<ExportRequest.Builder> change,
            ExportFormat format, boolean key) throws Exception {
        CertificateEntry entry = stores.selfSigned(KeyAlgorithm.EC_P256, "Inconsistent", true);
        ExportRequest request = change.apply(ExportRequest.builder(ExportSource.of(entry), format,
                out.resolve("x." + format.fileExtension())).includePrivateKey(key)).build();

        ExportException e = refused(Reason.INVALID_REQUEST, request);

        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        assertNothingWritten();
        assertTrue(stores.reload(entry).hasPrivateKey());
    }

    @Test
    void exportFailsForACertificateThatIsNotInTheStore() throws Exception {
        ExportRequest request = ExportRequest.builder(ExportSource.of(Scope.currentUser(), LogicalStore.PERSONAL,
                "00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00 11 22 33"), ExportFormat.DER, out.resolve("x.cer"))
                .build();

        ExportException e = refused(Reason.CERTIFICATE_NOT_FOUND, request);

        assertTrue(e.getMessage().contains("00112233445566778899AABBCCDDEEFF00112233"), e.getMessage());
        assertNothingWritten();
    }
}
