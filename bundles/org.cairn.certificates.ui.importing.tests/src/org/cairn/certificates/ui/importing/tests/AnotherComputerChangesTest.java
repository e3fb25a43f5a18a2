package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.NewEntry;
import org.cairn.certificates.remote.HostKeyPrompt;
import org.cairn.certificates.remote.PassphrasePrompt;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.remote.SshSettings;
import org.cairn.certificates.remote.store.RemoteStore;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ssh.OtherComputer;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Changes on another computer (issue 18), against a real sshd on 127.0.0.1 whose "cairn" is this runtime's command
 * line on a store root of its own ({@link OtherComputer}), each checked there by that computer's own command line
 * (run directly, not over SSH) and its store's files: the console's store of that computer ({@link RemoteStore})
 * adds a certificate with its key (listed and exported there), renames, describes and deletes a key alone, is all or
 * nothing, leaves nothing in the temporary folder there, and refuses the changes on a Cairn that speaks protocol 2;
 * then the console window: the Certificate Import Wizard imports a PFX into that computer's Personal store, and
 * Action → Properties changes a certificate's friendly name there.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class AnotherComputerChangesTest {

    private static Path folder;
    private static OtherComputer other;

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeAll
    static void startTheOtherComputer() throws Exception {
        folder = Files.createTempDirectory("cairn-other-computer-changes");
        other = OtherComputer.start(folder);
        Files.writeString(OtherComputer.consoleSsh().resolve("known_hosts"), other.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stopTheOtherComputer() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    private static RemoteStore remote(String remoteCairn) throws Exception {
        Path ssh = OtherComputer.consoleSsh();
        return new RemoteStore(RemoteComputer.parse(other.name()), new SshSettings(ssh, ssh.resolve("config"),
                Optional.empty(), remoteCairn, Duration.ofSeconds(20), Duration.ofMinutes(5)), HostKeyPrompt.REFUSE,
                PassphrasePrompt.NONE);
    }

    private static RemoteStore remote() throws Exception {
        return remote(System.getenv("CAIRN_REMOTE_CAIRN"));
    }

    private static GeneratedCertificate newCertificate(String name) throws Exception {
        return Fixture.service(CertificateFactoryService.class).createSelfSigned(CertificateRequest.of("CN=" + name));
    }

    /** @return the entry's folder in the other computer's store (the core's README: one folder a thumbprint) */
    private static Path entryFolder(LogicalStore store, String thumbprint) {
        return folder.resolve("stores/computer").resolve(store.shortName()).resolve(thumbprint);
    }

    private static String listThere(LogicalStore store) throws Exception {
        return other.cairn("list", "--scope", "computer", "--store", store.shortName(), "--json");
    }

    @Test
    void addCarriesTheCertificateWithItsKeyThereAsItsOwnListAndExportShow() throws Exception {
        String name = Fixture.unique("Carried");
        GeneratedCertificate generated = newCertificate(name);
        Set<Path> before = other.temporaryFolders();
        CertificateEntry added;
        try (RemoteStore store = remote()) {
            added = store.add(LogicalStore.PERSONAL, generated.certificate(), Optional.of(generated.privateKey()),
                    new EntryAttributes("Carried over SSH", "Restored on the other computer", true,
                            Map.of("Owner", "ops team")));
        }
        assertTrue(added.hasPrivateKey() && added.exportable(), added.toString());
        assertEquals("Carried over SSH", added.friendlyName());
        assertEquals("Restored on the other computer", added.description());
        assertEquals(Map.of("Owner", "ops team"), added.properties());
        assertEquals(before, other.temporaryFolders(), "nothing is left in the temporary folder there");

        // there, by its own command line and its files
        String listed = listThere(LogicalStore.PERSONAL);
        assertTrue(listed.contains(added.thumbprint()) && listed.contains("\"hasPrivateKey\": true"), listed);
        assertTrue(Files.isRegularFile(entryFolder(LogicalStore.PERSONAL, added.thumbprint()).resolve("key.p8")));
        Path password = folder.resolve("export-password");
        Files.writeString(password, "Read-It-Back-2026\n");
        Path pfx = folder.resolve(added.thumbprint() + ".pfx");
        other.cairn("export", added.thumbprint(), "--scope", "computer", "--store", "My", "--out", pfx.toString(),
                "--password-file", password.toString());
        // an independent reader: the Java runtime's PKCS #12 KeyStore; the key signs what the certificate verifies
        KeyStore read = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pfx)) {
            read.load(in, "Read-It-Back-2026".toCharArray());
        }
        String alias = read.aliases().nextElement();
        assertEquals(generated.certificate(), read.getCertificate(alias));
        PrivateKey key = (PrivateKey) read.getKey(alias, "Read-It-Back-2026".toCharArray());
        X509Certificate certificate = generated.certificate();
        String algorithm = certificate.getPublicKey().getAlgorithm().equals("EC") ? "SHA256withECDSA"
                : "SHA256withRSA";
        Signature sign = Signature.getInstance(algorithm);
        sign.initSign(key);
        sign.update(name.getBytes(StandardCharsets.UTF_8));
        Signature verify = Signature.getInstance(algorithm);
        verify.initVerify(certificate);
        verify.update(name.getBytes(StandardCharsets.UTF_8));
        assertTrue(verify.verify(sign.sign()), "the key there is the certificate's key");
    }

    @Test
    void renameDescribeAndDeleteTheKeyAloneThere() throws Exception {
        String name = Fixture.unique("Renamed");
        String created = other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name, "--json");
        assertTrue(created.contains(name), created);
        Set<Path> before = other.temporaryFolders();
        try (RemoteStore store = remote()) {
            CertificateEntry entry = store.list(LogicalStore.PERSONAL).entries().stream()
                    .filter(e -> e.issuedTo().equals(name)).findFirst().orElseThrow();
            assertTrue(store.whyNotModifiable(entry).isEmpty(), "protocol " + store.protocol());
            entry = store.setFriendlyName(entry, "Web server \"2026\"");
            assertEquals("Web server \"2026\"", entry.friendlyName());
            entry = store.setDescription(entry, "-renewed; see ticket 42");
            assertEquals("-renewed; see ticket 42", entry.description());
            entry = store.putProperty(entry, "Owner", "ops=team");
            assertEquals(Map.of("Owner", "ops=team"), entry.properties());
            String shown = other.cairn("show", entry.thumbprint(), "--scope", "computer", "--json");
            assertTrue(shown.contains("\"friendlyName\": \"Web server \\\"2026\\\"\"")
                    && shown.contains("\"description\": \"-renewed; see ticket 42\"")
                    && shown.contains("\"Owner\": \"ops=team\""), shown);
            entry = store.setProperties(entry, Map.of());
            assertEquals(Map.of(), entry.properties());

            Path files = entryFolder(LogicalStore.PERSONAL, entry.thumbprint());
            assertTrue(Files.isRegularFile(files.resolve("key.p8")));
            entry = store.deletePrivateKey(entry);
            assertFalse(entry.hasPrivateKey());
            assertFalse(Files.exists(files.resolve("key.p8")), "the key file is gone there");
            assertTrue(Files.isRegularFile(files.resolve("cert.der")), "the certificate stays there");
            CertificateEntry keyless = entry;
            CertificateStoreException again = assertThrows(CertificateStoreException.class,
                    () -> store.deletePrivateKey(keyless));
            assertTrue(again.getMessage().contains("[on " + store.computer() + "]"), again.getMessage());
        }
        assertEquals(before, other.temporaryFolders());
    }

    @Test
    void addAllIsAllOrNothingThereWithTheRemotesReason() throws Exception {
        GeneratedCertificate first = newCertificate(Fixture.unique("First"));
        GeneratedCertificate present = newCertificate(Fixture.unique("Present"));
        String thumbprint = CertificateEntry.sha1(first.certificate().getEncoded());
        Set<Path> before = other.temporaryFolders();
        try (RemoteStore store = remote()) {
            store.add(LogicalStore.TRUSTED_PEOPLE, present.certificate(), Optional.empty(), EntryAttributes.defaults());
            CertificateStoreException refused = assertThrows(CertificateStoreException.class, () -> store.addAll(List.of(
                    new NewEntry(LogicalStore.PERSONAL, first.certificate(), Optional.of(first.privateKey()),
                            EntryAttributes.defaults()),
                    new NewEntry(LogicalStore.TRUSTED_PEOPLE, present.certificate(), Optional.empty(),
                            EntryAttributes.defaults()))));
            assertTrue(refused.getMessage().contains("already in") && refused.getMessage().contains("Nothing was "
                    + "imported"), refused.getMessage());
        }
        assertFalse(listThere(LogicalStore.PERSONAL).contains(thumbprint), "the first one was taken out again");
        assertFalse(Files.exists(entryFolder(LogicalStore.PERSONAL, thumbprint)));
        assertEquals(before, other.temporaryFolders());
    }

    /** A Cairn there that says it speaks protocol 2 (a wrapper around the real one, which answers all else). */
    @Test
    void aCairnThatSpeaksProtocolTwoThereStillReadsAndIsRefusedTheChanges() throws Exception {
        String name = Fixture.unique("Old Cairn");
        other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name, "--friendly-name", "Kept");
        Path old = folder.resolve("cairn-protocol-2");
        Files.writeString(old, String.join("\n", "#!/bin/sh",
                "if [ \"$2\" = protocol ]; then echo '{\"protocol\": 2, \"subcommands\": [\"list\"]}'; exit 0; fi",
                "exec '" + System.getenv("CAIRN_REMOTE_CAIRN") + "' \"$@\"", ""));
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwx------"));
        try (RemoteStore store = remote(old.toString())) {
            CertificateEntry entry = store.list(LogicalStore.PERSONAL).entries().stream()
                    .filter(e -> e.issuedTo().equals(name)).findFirst().orElseThrow();
            assertEquals(2, store.protocol());
            String why = store.whyNotModifiable(entry).orElseThrow().message();
            assertTrue(why.contains("update Cairn on " + other.name()), why);
            CertificateStoreException refused = assertThrows(CertificateStoreException.class,
                    () -> store.setFriendlyName(entry, "Changed"));
            assertTrue(refused.getMessage().contains("update Cairn on " + other.name()), refused.getMessage());
            assertThrows(CertificateStoreException.class, () -> store.deletePrivateKey(entry));
        }
        String shown = listThere(LogicalStore.PERSONAL);
        assertTrue(shown.contains("\"friendlyName\": \"Kept\""), "unchanged there: " + shown);
    }

    // ---- the console window

    /** The snap-in for the other computer added, its logical stores listed over the connection. */
    private SWTBotTreeItem addTheOtherComputer() {
        return console.connected(console.addAnotherComputer(other.name()), 120_000);
    }

    @Test
    void theImportWizardImportsAPfxIntoTheOtherComputersPersonalStore() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Remote Import"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("remote-import").resolve("backup.pfx"), true);
        Set<Path> before = other.temporaryFolders();
        console.newConsole();
        try {
            SWTBotTreeItem personal = addTheOtherComputer().getNode("Personal");
            personal.expand().getNode("Certificates").select();
            console.shell().bot().menu("Action").menu("All Tasks").menu("Import...").click();
            ImportWizardBot wizard = new ImportWizardBot(bot);
            wizard.waitForPage(ImportWizardBot.WELCOME);
            assertTrue(wizard.shows("Store Location: Local Machine on " + other.name()));
            wizard.screenshot("import-remote-1-welcome");
            wizard.chooseFile(file);
            wizard.waitForPage(ImportWizardBot.KEY);
            wizard.page().checkBox(ImportWizardBot.EXPORTABLE).select();
            wizard.password(Fixture.PASSWORD);
            assertEquals("Personal", wizard.page().textWithLabel("Certificate store:").getText());
            wizard.clickNext(ImportWizardBot.COMPLETING);
            wizard.screenshot("import-remote-5-completing");
            String done = wizard.finishSuccessfully();
            assertTrue(done.startsWith("The import was successful."), done);
            bot.waitUntil(Conditions.condition("the list shows the imported certificate",
                    () -> console.rowNow(leaf.issuedTo()) >= 0), 120_000);
            Gallery.capture(console.shell(), "import-remote-6-console-after-import");
        } finally {
            console.newConsole();
        }
        String listed = listThere(LogicalStore.PERSONAL);
        int at = listed.indexOf(leaf.thumbprint());
        assertTrue(at >= 0, listed);
        String entry = listed.substring(at, listed.indexOf('}', listed.indexOf("\"properties\"", at)));
        assertTrue(entry.contains("\"hasPrivateKey\": true") && entry.contains("\"exportable\": true"), entry);
        assertTrue(Files.isRegularFile(entryFolder(LogicalStore.PERSONAL, leaf.thumbprint()).resolve("key.p8")));
        assertEquals(before, other.temporaryFolders(), "nothing is left in the temporary folder there");
    }

    @Test
    void propertiesChangeTheFriendlyNameOfACertificateThere() throws Exception {
        String name = Fixture.unique("Remote Properties");
        String created = other.cairn("new-self-signed", "--scope", "computer", "--subject", "CN=" + name, "--json");
        String thumbprint = created.replaceAll("(?s).*\"thumbprint\": \"([0-9A-F]{40})\".*", "$1");
        console.newConsole();
        try {
            addTheOtherComputer().getNode("Personal").expand().getNode("Certificates").select();
            bot.waitUntil(Conditions.condition("the other computer's certificate is listed", () -> console.rowNow(name) >= 0),
                    120_000);
            console.shell().bot().table().select(console.rowNow(name));
            console.shell().bot().menu("Action").menu("Properties").click();
            SWTBotShell properties = bot.shell(name + " Properties");
            ImportWizardBot.screenshot(properties, "remote-properties-general");
            properties.bot().textWithLabel("Friendly name").setText("Renamed over SSH");
            properties.bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(properties), 120_000);
            bot.waitUntil(Conditions.condition("the list shows the new friendly name", () -> {
                int row = console.rowNow(name);
                return row >= 0 && console.shell().bot().table().cell(row, "Friendly Name").equals("Renamed over SSH");
            }), 120_000);
        } finally {
            console.newConsole();
        }
        String shown = other.cairn("show", thumbprint, "--scope", "computer", "--json");
        assertTrue(shown.contains("\"friendlyName\": \"Renamed over SSH\""), shown);
    }
}
