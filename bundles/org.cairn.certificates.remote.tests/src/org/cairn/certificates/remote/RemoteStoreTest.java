package org.cairn.certificates.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.remote.internal.Json;
import org.cairn.certificates.remote.store.RemoteStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's store of another computer ({@link RemoteStore}) against a real sshd on 127.0.0.1 whose "cairn" is a
 * script answering as the protocol says (the console's UI test runs the real command line there): the listing read
 * into entries, an older Cairn refused with what it lacks, a computer that does not answer reported once and kept
 * until reset, the changes of protocol 3 refused on a Cairn that speaks 2 and run as {@code cairn cert set} on one
 * that speaks 3. The real command line there: {@code RemoteStoreChangesTest} of the UI tests.
 */
class RemoteStoreTest {

    private static final String THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567";
    private static final String SHA256 = "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF";

    @TempDir
    static Path work;

    private static Sshd sshd;
    private static Path ssh;

    @BeforeAll
    static void startServer() throws Exception {
        ssh = Files.createDirectories(work.resolve("home/.ssh"));
        Files.setPosixFilePermissions(ssh, PosixFilePermissions.fromString("rwx------"));
        Sshd.keygen(ssh.resolve("id_ed25519"), "ed25519", "");
        Path authorized = work.resolve("authorized_keys");
        Files.writeString(authorized, Files.readString(ssh.resolve("id_ed25519.pub")));
        sshd = Sshd.start(work.resolve("sshd"), authorized);
        Files.writeString(ssh.resolve("known_hosts"), "[127.0.0.1]:" + sshd.port() + " " + sshd.hostKeyLine() + "\n");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private static RemoteStore store(String remoteCairn, int port) {
        SshSettings settings = new SshSettings(ssh, ssh.resolve("config"), Optional.empty(), remoteCairn,
                Duration.ofSeconds(10), Duration.ofSeconds(60));
        return new RemoteStore(RemoteComputer.parse(System.getProperty("user.name") + "@127.0.0.1:" + port), settings,
                HostKeyPrompt.REFUSE, PassphrasePrompt.NONE);
    }

    /** A remote "cairn" that answers protocol {@code version} and one listing; logs its arguments. */
    private static Path fakeCairn(Path dir, int version) throws Exception {
        String entry = "{\"thumbprint\": \"" + THUMBPRINT + "\", \"sha256\": \"" + SHA256.toLowerCase() + "\", "
                + "\"subject\": \"CN=web1.example.org\", \"issuer\": \"CN=Example CA\", \"issuedTo\": \"web1.example.org\", "
                + "\"issuedBy\": \"Example CA\", \"serialNumber\": \"01\", \"notBefore\": \"2026-01-01T00:00:00Z\", "
                + "\"notAfter\": \"2027-01-01T00:00:00Z\", \"friendlyName\": \"Web \\\"one\\\"\", \"description\": \"\", "
                + "\"purposes\": [\"Server Authentication\", \"1.2.3.4\"], \"hasPrivateKey\": true, \"exportable\": false, "
                + "\"store\": \"My\", \"storeName\": \"Personal\", \"physicalStore\": \".Default\", \"scope\": \"computer\", "
                + "\"properties\": {\"cairn.archived\": \"true\"}}";
        Path script = dir.resolve("cairn");
        Files.writeString(script, String.join("\n", "#!/bin/sh",
                "echo \"$@\" >> '" + dir.resolve("args") + "'",
                "case \"$2\" in",
                "  protocol) echo '{\"protocol\": " + version + "}' ;;",
                "  list) case \"$*\" in *--status*) echo 'Unknown option: --status' >&2; exit 2 ;; esac",
                "        echo '[" + entry.replace("'", "'\\''") + "]' ;;",
                "  set) echo '" + entry.replace("'", "'\\''").replace("Web \\\"one\\\"", "Renamed") + "' ;;",
                // a Cairn from before the chain's DER: its show has a status and a chain without "der"
                "  show) echo '[" + entry.replace("'", "'\\''").replace("}}", "}, \"status\": {\"code\": \"ok\", "
                        + "\"message\": \"This certificate is OK.\", \"failedAt\": null, \"detail\": \"\"}, "
                        + "\"chain\": [{\"thumbprint\": \"" + THUMBPRINT + "\", \"subject\": \"CN=web1.example.org\", "
                        + "\"store\": \"My\", \"status\": \"ok\"}], \"chainStatus\": \"TRUSTED_ROOT\"}") + "]' ;;",
                "  *) echo \"cairn cert $2: refused here\" >&2; exit 1 ;;",
                "esac", ""));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void listsTheOtherComputersStoreAsEntries(@TempDir Path dir) throws Exception {
        try (RemoteStore store = store(fakeCairn(dir, 2).toString(), sshd.port())) {
            List<CertificateEntry> entries = store.list(LogicalStore.PERSONAL).entries();
            assertEquals(1, entries.size());
            CertificateEntry e = entries.get(0);
            assertEquals(THUMBPRINT, e.thumbprint());
            assertEquals(SHA256, e.sha256());
            assertEquals("web1.example.org", e.issuedTo());
            assertEquals("Web \"one\"", e.friendlyName());
            assertEquals(Instant.parse("2027-01-01T00:00:00Z"), e.notAfter());
            assertEquals(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.ofOid("1.2.3.4")), e.purposes());
            assertEquals(Map.of("cairn.archived", "true"), e.properties());
            assertTrue(e.hasPrivateKey());
            assertEquals(Optional.of(AccessDenial.Reason.NOT_EXPORTABLE),
                    store.whyKeyNotExportable(e).map(AccessDenial::reason));
            assertTrue(store.connected());
            String args = Files.readString(dir.resolve("args"));
            assertTrue(args.contains("cert list --scope computer --store My --json"), args);
            // a Cairn that speaks protocol 2 there: its changes are refused, from the version the connection saw
            assertEquals(2, store.protocol());
            AccessDenial denied = store.whyNotModifiable(e).orElseThrow();
            assertTrue(denied.message().contains("update Cairn on " + store.computer()), denied.message());
            for (org.junit.jupiter.api.function.Executable change : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> store.setFriendlyName(e, "x"), () -> store.setDescription(e, "x"),
                    () -> store.putProperty(e, "a", "b"), () -> store.deletePrivateKey(e))) {
                CertificateStoreException refused = assertThrows(CertificateStoreException.class, change);
                assertTrue(refused.getMessage().contains("needs protocol 3")
                        && refused.getMessage().contains("update Cairn on"), refused.getMessage());
            }
            assertFalse(Files.readString(dir.resolve("args")).contains("cert set")
                    || Files.readString(dir.resolve("args")).contains("--key-only"), "nothing was run there");
            // the import is in every protocol: not refused from here (the remote import says why it refuses)
            assertTrue(store.whyCannotAdd(LogicalStore.PERSONAL).isEmpty());
        }
    }

    @Test
    void protocolThreeChangesRunCairnCertSetThereWithTheValueAsOneArgument(@TempDir Path dir) throws Exception {
        try (RemoteStore store = store(fakeCairn(dir, 3).toString(), sshd.port())) {
            CertificateEntry e = store.list(LogicalStore.PERSONAL).entries().get(0);
            assertTrue(store.whyNotModifiable(e).isEmpty());
            CertificateEntry renamed = store.setFriendlyName(e, "-a 'quoted' name; $(true)");
            assertEquals("Renamed", renamed.friendlyName(), "the entry as the remote answered it");
            String args = Files.readString(dir.resolve("args"));
            assertTrue(args.contains("cert set " + THUMBPRINT + " --scope computer --store My --json "
                    + "--friendly-name=-a 'quoted' name; $(true)"), args);
            CertificateStoreException badName = assertThrows(CertificateStoreException.class,
                    () -> store.putProperty(e, "a=b", "c"));
            assertTrue(badName.getMessage().contains("'a=b'"), badName.getMessage());
        }
    }

    /**
     * A Cairn older than the chain's DER: the certificate dialog's path says to update Cairn there, and the list's
     * statuses are not there (the column then shows the certificates' own dates); the connection stays usable.
     */
    @Test
    void anOlderCairnGivesNoPathButSaysToUpdateIt(@TempDir Path dir) throws Exception {
        try (RemoteStore store = store(fakeCairn(dir, 2).toString(), sshd.port())) {
            CertificateEntry e = store.list(LogicalStore.PERSONAL).entries().get(0);
            CertificateStoreException path = assertThrows(CertificateStoreException.class, () -> store.chain(e));
            assertTrue(path.getMessage().startsWith("Update Cairn on 127.0.0.1 to see the certification path"),
                    path.getMessage());
            assertThrows(CertificateStoreException.class, () -> store.validate(e));
            CertificateStoreException statuses = assertThrows(CertificateStoreException.class,
                    () -> store.validator(org.cairn.certificates.core.ValidationOptions.defaults()));
            assertTrue(statuses.getMessage().contains("--status"), statuses.getMessage());
            assertTrue(store.failure().isEmpty(), "the computer itself answers");
            assertEquals(1, store.list(LogicalStore.PERSONAL).entries().size());
        }
    }

    @Test
    void refusesAnOlderCairnWithWhatItLacks(@TempDir Path dir) throws Exception {
        try (RemoteStore store = store(fakeCairn(dir, 1).toString(), sshd.port())) {
            CertificateStoreException e = assertThrows(CertificateStoreException.class,
                    () -> store.list(LogicalStore.PERSONAL));
            assertTrue(e.getMessage().contains("speaks protocol 1") && e.getMessage().contains("Update Cairn there"),
                    e.getMessage());
            assertEquals(RemoteException.Reason.PROTOCOL, store.failure().orElseThrow().reason());
        }
    }

    @Test
    void aComputerThatDoesNotAnswerIsAskedOnceUntilReset(@TempDir Path dir) throws Exception {
        try (RemoteStore store = store("cairn", Sshd.freePort())) {
            CertificateStoreException first = assertThrows(CertificateStoreException.class, store::listAll);
            assertTrue(first.getMessage().contains("unavailable"), first.getMessage());
            long start = System.nanoTime();
            assertThrows(CertificateStoreException.class, () -> store.list(LogicalStore.TRUSTED_ROOT));
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "the kept failure, without a new connection");
            assertEquals(RemoteException.Reason.UNAVAILABLE, store.failure().orElseThrow().reason());
            store.reset();
            assertFalse(store.failure().isPresent());
        }
    }

    @Test
    void readsTheRemoteAnswersStrictly() {
        assertEquals(Map.of("a", List.of(1.0, true, "x\"\n\u00e9")), Json.parse("{\"a\": [1, true, \"x\\\"\\n\\u00e9\"]}"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} trailing"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
    }
}
