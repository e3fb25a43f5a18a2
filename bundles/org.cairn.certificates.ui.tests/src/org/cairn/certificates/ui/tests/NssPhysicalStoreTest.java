package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cairn.certificates.ui.CertificateItem;
import org.cairn.certificates.ui.internal.CertificatesRoot;
import org.cairn.certificates.ui.internal.ViewMode;
import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ListView;
import org.cairn.console.api.Property;
import org.cairn.console.api.ResultItem;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Firefox profile's NSS database (made by openssl, certutil and pk12util in the test JVM's own $HOME) under
 * View Options → Physical certificate stores: its Properties give its origin, and Enter Password... asks for the
 * primary password, after which the browser's client certificate shows in Personal with its key.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class NssPhysicalStoreTest {

    private static final String PRIMARY = "Primary 3";
    private static final String STORE = "Firefox: default-release";

    private Path mozilla;
    private Path profile;
    private Path work;

    @BeforeEach
    void firefoxProfile() throws Exception {
        Path home = Path.of(System.getenv("HOME"));
        assertTrue(home.toString().contains("target"), "the test JVM has a home of its own: " + home);
        mozilla = home.resolve(".mozilla");
        profile = mozilla.resolve("firefox/ui1.default-release");
        work = Files.createTempDirectory("cairn-nss-ui");
        Files.createDirectories(profile);
        Files.writeString(mozilla.resolve("firefox/profiles.ini"),
                "[Profile0]\nName=default-release\nIsRelative=1\nPath=ui1.default-release\nDefault=1\n");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "c.key",
                "-out", "c.crt", "-subj", "/CN=Browser Client UI", "-days", "30");
        run("openssl", "pkcs12", "-export", "-in", "c.crt", "-inkey", "c.key", "-name", "Browser Client UI", "-out", "c.p12",
                "-passout", "pass:transport");
        Files.writeString(work.resolve("primary.txt"), PRIMARY + "\n");
        Files.writeString(work.resolve("transport.txt"), "transport\n");
        run("certutil", "-N", "-d", "sql:" + profile, "-f", "primary.txt");
        run("pk12util", "-i", "c.p12", "-d", "sql:" + profile, "-w", "transport.txt", "-k", "primary.txt");
    }

    @AfterEach
    void removeProfile() throws Exception {
        // the other tests of this JVM expect a home without NSS databases
        for (Path dir : List.of(mozilla, work)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @Test
    void theProfileIsAPhysicalStoreWithItsOriginAndAsksForThePrimaryPassword() throws Exception {
        CertificatesRoot root = (CertificatesRoot) SnapInTest.snapIn().createRoot(Map.of("scope", "user"));
        root.setMode(new ViewMode(false, true, false));
        ConsoleNode personal = child(root, "Personal");
        // a token that another test of this JVM logged in to stays for the process (TokenPhysicalStoreTest)
        assertEquals(List.of(".Default", STORE), personal.children().stream().map(ConsoleNode::label)
                .filter(l -> !l.startsWith("Token: ")).toList());
        ConsoleNode firefox = child(personal, STORE);

        Map<String, String> sheet = firefox.properties().orElseThrow().properties().stream()
                .collect(java.util.stream.Collectors.toMap(Property::label, Property::value));
        assertEquals(Map.of("Physical store", STORE, "Logical store", "Personal", "Location", "sql:" + profile,
                "Can be changed", "Yes"), sheet); // through certutil and pk12util
        assertTrue(rows(child(firefox, "Certificates")).isEmpty(), "the key, and so the certificate, hides behind the password");

        ConsoleAction unlock = firefox.actions().stream().filter(a -> a.id().equals("org.cairn.certificates.action.unlock"))
                .findFirst().orElseThrow();
        assertEquals("Enter Password...", unlock.label());
        RecordingContext context = new RecordingContext(firefox, List.<ResultItem>of());
        UIThreadRunnable.postAndWait(App.display(), () -> {
            try {
                unlock.run(context);
            } catch (org.cairn.console.api.ConsoleException e) {
                throw new IllegalStateException(e);
            }
        });
        SWTBotShell shell = new SWTBot().shell("Enter Password");
        shell.bot().textWithLabel("Password:").setText("not it");
        shell.bot().button("OK").click();
        // waits until the dialog says so (the password is checked off the UI thread)
        shell.bot().label("The password is not correct for " + STORE + ". Try again, or click Cancel.");
        shell.bot().textWithLabel("Password:").setText(PRIMARY);
        App.screenshot(shell.widget, "nss-enter-password");
        shell.bot().button("OK").click();
        new SWTBot().waitUntil(Conditions.shellCloses(shell));

        List<CertificateItem> rows = rows(child(firefox, "Certificates"));
        assertEquals(List.of("Browser Client UI"), rows.stream().map(r -> r.entry().issuedTo()).toList());
        assertTrue(rows.get(0).entry().hasPrivateKey());
        assertTrue(rows.get(0).entry().exportable());
    }

    private static ConsoleNode child(ConsoleNode node, String label) {
        return node.children().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No node '" + label + "' under " + node.label()));
    }

    private static List<CertificateItem> rows(ConsoleNode node) throws Exception {
        BackgroundView background = assertInstanceOf(BackgroundView.class, node.resultView().orElseThrow());
        return assertInstanceOf(ListView.class, background.load(() -> false)).items().stream()
                .map(CertificateItem.class::cast).toList();
    }

    private void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + out);
    }
}
