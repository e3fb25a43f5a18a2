package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.process.Folders;
import org.cairn.testing.ssh.OtherComputer;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the console shows of another computer (issue 18), in the real console window against a real sshd on
 * 127.0.0.1 whose "cairn" is this runtime's command line on a store root of its own ({@link OtherComputer}): the
 * Status column and the Certification Path tab give that computer's verdict (its trust anchors, not this
 * machine's); its physical stores; a key file's passphrase asked, asked again when wrong, refused after that; a
 * changed host key refused with its fingerprint; and no SSH connection left open once the console lets the computer
 * go (File → New, the snap-in removed).
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class AnotherComputerViewTest {

    private static final long REMOTE = 120_000;

    private static OtherComputer other;

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeAll
    static void startTheOtherComputer() throws Exception {
        other = OtherComputer.start(Files.createTempDirectory("cairn-other-computer-view"));
    }

    @AfterAll
    static void stopTheOtherComputer() throws Exception {
        if (other != null) {
            other.close();
        }
    }

    @BeforeEach
    void startFromANewConsole() throws Exception {
        Files.writeString(OtherComputer.consoleSsh().resolve("known_hosts"), other.knownHostsLine() + "\n");
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    /** Imports the certificates there, each into its store, with the other computer's own command line. */
    private static void importThere(Map<GeneratedCertificate, String> stores) throws Exception {
        Path folder = Files.createTempDirectory("cairn-other-imports");
        try {
            int i = 0;
            for (Map.Entry<GeneratedCertificate, String> e : stores.entrySet()) {
                Path file = folder.resolve("c" + i++ + ".cer");
                Files.write(file, e.getKey().certificate().getEncoded());
                other.cairn("import", file.toString(), "--scope", "computer", "--store", e.getValue());
            }
        } finally {
            Folders.delete(folder);
        }
    }

    private static String thumbprint(GeneratedCertificate certificate) throws Exception {
        return CertificateEntry.sha1(certificate.certificate().getEncoded());
    }

    /**
     * One chain whose root is in the other computer's Trusted Root (and in none of this machine's stores), one whose
     * root is only in its Intermediate Certification Authorities: the list's Status column and the certificate
     * dialog give the other computer's verdict on each, read there, with the path it built.
     */
    @Test
    void statusAndCertificationPathAreTheOtherComputersVerdict() throws Exception {
        String name = App.unique("Remote Path").replace(' ', '-');
        DemoChain trusted = App.factory().createDemoChain(name + " Good", KeyAlgorithm.EC_P256);
        DemoChain stranger = App.factory().createDemoChain(name + " Stranger", KeyAlgorithm.EC_P256);
        importThere(new java.util.LinkedHashMap<>(Map.of(trusted.root(), "Root", trusted.intermediate(), "CA",
                trusted.leaf(), "My", stranger.root(), "CA", stranger.intermediate(), "CA", stranger.leaf(), "My")));
        String strangerVerdict = other.cairn("show", thumbprint(stranger.leaf()), "--scope", "computer", "--store",
                "My", "--json");
        assertTrue(java.util.regex.Pattern.compile("\"status\":\\s*\\{\\s*\"code\":\\s*\"(not-trusted|untrusted-root)\"")
                .matcher(strangerVerdict).find(), strangerVerdict);

        SWTBotTreeItem root = console.connected(console.addAnotherComputer(other.name()), REMOTE);
        String good = name + " Good";
        String bad = name + " Stranger";
        SWTBotTable table = console.listedInPersonal(root, good, REMOTE);
        bot.waitUntil(Conditions.condition("both leaves are listed", () -> ConsoleWindow.rowOf(table, bad) >= 0));
        assertEquals("", table.cell(ConsoleWindow.rowOf(table, good), "Status"), "OK there");
        String badStatus = table.cell(ConsoleWindow.rowOf(table, bad), "Status");
        assertTrue(List.of("Not trusted", "Root not trusted").contains(badStatus), badStatus);
        table.select(ConsoleWindow.rowOf(table, bad));
        App.screenshot(console.shell().widget, "another-computer-status");

        // OK there, though this machine has not the root: the remote's own verdict and path
        SWTBotShell dialog = openCertificate(table, good);
        dialog.bot().tabItem("Certification Path").activate();
        bot.waitUntil(Conditions.condition("the path the other computer built", () -> {
            var items = dialog.bot().tree().getAllItems();
            return items.length == 1 && items[0].getText().equals(name + " Good Root CA");
        }), REMOTE);
        SWTBotTreeItem pathRoot = dialog.bot().tree().getAllItems()[0];
        SWTBotTreeItem leaf = pathRoot.getNode(name + " Good Intermediate CA").getNode(good);
        assertTrue(leaf.isSelected());
        assertTrue(Widgets.texts(dialog.bot()).contains("This certificate is OK."), Widgets.texts(dialog.bot()).toString());
        App.screenshot(dialog.widget, "another-computer-certificate-path");
        pathRoot.select();
        bot.waitUntil(Conditions.condition("View Certificate is offered for the root",
                () -> dialog.bot().button("View Certificate").isEnabled()));
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));

        SWTBotTable again = console.listedInPersonal(root, bad, REMOTE);
        SWTBotShell strangerDialog = openCertificate(again, bad);
        strangerDialog.bot().tabItem("Certification Path").activate();
        bot.waitUntil(Conditions.condition("the path up to the root that is not trusted there", () -> {
            var items = strangerDialog.bot().tree().getAllItems();
            return items.length == 1 && items[0].getText().equals(name + " Stranger Root CA");
        }), REMOTE);
        String message = strangerVerdict.replaceAll("(?s).*\"status\":\\s*\\{\\s*\"code\":\\s*\"[a-z-]+\",\\s*\"message\":\\s*\"([^\"]+)\".*",
                "$1");
        assertTrue(Widgets.texts(strangerDialog.bot()).stream().anyMatch(t -> t.replace("\r", "").startsWith(message)),
                message + " in " + Widgets.texts(strangerDialog.bot()));
        App.screenshot(strangerDialog.widget, "another-computer-certificate-path-untrusted");
        strangerDialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(strangerDialog));
    }

    private SWTBotShell openCertificate(SWTBotTable table, String issuedTo) {
        table.doubleClick(ConsoleWindow.rowOf(table, issuedTo));
        bot.waitUntil(Conditions.condition("the certificate dialog", () -> console.hasShell("Certificate")), REMOTE);
        return bot.shell("Certificate");
    }

    /** View Options → Physical certificate stores: each logical store lists the other computer's physical stores. */
    @Test
    void physicalStoresAreTheOtherComputers() throws Exception {
        String expected = other.cairn("list", "--scope", "computer", "--store", "Root", "--physical", "--json");
        SWTBotTreeItem root = console.connected(console.addAnotherComputer(other.name()), REMOTE);
        root.select();
        console.shell().bot().menu("Action").menu("View Options...").click();
        SWTBotShell options = bot.shell("View Options");
        options.bot().checkBox("Physical certificate stores").select();
        options.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(options));
        SWTBotTreeItem trustedRoot = root.expand().getNode("Trusted Root Certification Authorities");
        bot.waitUntil(Conditions.condition("the physical stores behind Trusted Root there", () -> {
            List<String> nodes = trustedRoot.expand().getNodes();
            return !nodes.isEmpty() && !nodes.contains("Reading...");
        }), REMOTE);
        List<String> physical = trustedRoot.getNodes();
        assertTrue(physical.contains(".Default"), physical.toString());
        for (String store : physical) {
            assertTrue(expected.contains("\"name\": \"" + store + "\""), store + " is not one of " + expected);
        }
        trustedRoot.getNode(physical.getFirst()).select();
        App.screenshot(console.shell().widget, "another-computer-physical-stores");
    }

    /**
     * A key file with a passphrase: asked for it; a wrong one is asked again and refused after the third, with a
     * message naming the key file; Refresh asks again, and the right one connects.
     */
    @Test
    void aKeyFilesPassphraseIsAskedAgainWhenWrongAndTheRightOneConnects() throws Exception {
        Path ssh = OtherComputer.consoleSsh();
        Path key = ssh.resolve("id_ed25519");
        Path saved = Files.createTempDirectory("cairn-saved-key");
        Files.copy(key, saved.resolve("id_ed25519"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(ssh.resolve("id_ed25519.pub"), saved.resolve("id_ed25519.pub"), StandardCopyOption.COPY_ATTRIBUTES);
        try {
            Files.delete(key);
            Files.delete(ssh.resolve("id_ed25519.pub"));
            OtherComputer.keygen(key, "correct horse");
            other.authorize(ssh.resolve("id_ed25519.pub"));

            SWTBotTreeItem root = console.addAnotherComputer(other.name());
            root.select();
            root.expand();
            for (int attempt = 0; attempt < 3; attempt++) {
                SWTBotShell asked = passphraseDialog();
                String intro = attempt == 0 ? "Type the passphrase of the SSH key " : "The passphrase was wrong.";
                assertTrue(Widgets.labels(asked.bot()).stream().anyMatch(t -> t.startsWith(intro)
                        && t.contains(key.toString())), Widgets.labels(asked.bot()).toString());
                asked.bot().textWithLabel("Passphrase:").setText("wrong " + attempt);
                if (attempt == 1) {
                    App.screenshot(asked.widget, "another-computer-passphrase-again");
                }
                asked.bot().button("OK").click();
                bot.waitUntil(Conditions.shellCloses(asked));
            }
            bot.waitUntil(Conditions.condition("the root says the passphrase was wrong",
                    () -> Widgets.labels(console.shell().bot()).stream().anyMatch(t -> t.contains("unavailable")
                            && t.contains("the passphrase is wrong for the key file " + key))), REMOTE);
            assertFalse(console.hasShell("Key Passphrase"), "refused, not asked a fourth time");
            assertTrue(root.expand().getNodes().isEmpty(), "no stores without a login");
            App.screenshot(console.shell().widget, "another-computer-passphrase-refused");

            root.select();
            console.shell().bot().menu("Action").menu("Refresh").click();
            SWTBotShell asked = passphraseDialog();
            App.screenshot(asked.widget, "another-computer-passphrase");
            asked.bot().textWithLabel("Passphrase:").setText("correct horse");
            asked.bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(asked));
            console.connected(root, REMOTE);
        } finally {
            console.newConsole(); // closes the connection before the key goes back
            Files.copy(saved.resolve("id_ed25519"), key, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
            Files.copy(saved.resolve("id_ed25519.pub"), ssh.resolve("id_ed25519.pub"),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            // only once the key is back: the saved copy goes
            Folders.delete(saved);
        }
    }

    private SWTBotShell passphraseDialog() {
        bot.waitUntil(Conditions.condition("the passphrase question", () -> console.hasShell("Key Passphrase")), REMOTE);
        return bot.shell("Key Passphrase");
    }

    /**
     * known_hosts holds another key for the computer: refused without a question, the root says the key CHANGED
     * with the new fingerprint, nothing is listed and known_hosts is as it was.
     */
    @Test
    void aChangedHostKeyIsRefusedWithItsFingerprint() throws Exception {
        Path impostorFolder = Files.createTempDirectory("cairn-impostor");
        String[] oldKey;
        try {
            Path impostor = impostorFolder.resolve("key");
            OtherComputer.keygen(impostor, "");
            oldKey = Files.readString(impostor.resolveSibling("key.pub")).strip().split(" ");
        } finally {
            Folders.delete(impostorFolder);
        }
        String knownHosts = "[127.0.0.1]:" + other.name().substring(other.name().indexOf(':') + 1) + " " + oldKey[0]
                + " " + oldKey[1] + "\n";
        Path file = OtherComputer.consoleSsh().resolve("known_hosts");
        Files.writeString(file, knownHosts);

        SWTBotTreeItem root = console.addAnotherComputer(other.name());
        root.select();
        bot.waitUntil(Conditions.condition("the root says the host key changed",
                () -> Widgets.labels(console.shell().bot()).stream().anyMatch(t -> t.contains("has CHANGED"))), REMOTE);
        String text = Widgets.labels(console.shell().bot()).stream().filter(t -> t.contains("has CHANGED")).findFirst()
                .orElseThrow();
        byte[] blob = java.util.Base64.getDecoder().decode(other.knownHostsLine().split(" ")[2]);
        String fingerprint = "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(blob));
        assertTrue(text.contains("it is now ssh-ed25519 " + fingerprint), fingerprint + " in " + text);
        assertTrue(text.contains("Someone may be intercepting the connection"), text);
        assertFalse(console.hasShell("Unknown Host Key"), "a changed key is not a question");
        assertTrue(root.expand().getNodes().isEmpty(), "nothing connects");
        assertEquals(knownHosts, Files.readString(file), "known_hosts unchanged");
        bot.waitUntil(Conditions.condition("no SSH session stays", () -> other.sessions() == 0), 20_000);
        App.screenshot(console.shell().widget, "another-computer-host-key-changed");
    }

    /** The connection ends when the console lets the computer go: File → New, or the snap-in removed. */
    @Test
    void noSshSessionStaysOnceTheConsoleLetsTheComputerGo() throws Exception {
        bot.waitUntil(Conditions.condition("no session before", () -> other.sessions() == 0), 20_000);
        console.connected(console.addAnotherComputer(other.name()), REMOTE);
        assertEquals(1, other.sessions(), "one connection for the computer's stores");
        console.newConsole();
        bot.waitUntil(Conditions.condition("File → New closed the connection", () -> other.sessions() == 0), 20_000);

        console.connected(console.addAnotherComputer(other.name()), REMOTE);
        assertEquals(1, other.sessions());
        console.shell().bot().menu("File").menu("Add/Remove Snap-in...").click();
        SWTBotShell dialog = bot.shell("Add or Remove Snap-ins");
        var selected = dialog.bot().tree();
        selected.getTreeItem("Console Root").expand().getNode("Certificates (" + other.name() + ")").select();
        dialog.bot().button("Remove").click();
        dialog.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
        bot.waitUntil(Conditions.condition("removing the snap-in closed the connection",
                () -> other.sessions() == 0), 20_000);
    }
}
