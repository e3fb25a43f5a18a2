package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cairn.certificates.ui.CertificateItem;
import org.cairn.certificates.ui.internal.CertificatesRoot;
import org.cairn.certificates.ui.internal.ViewMode;
import org.cairn.console.api.BackgroundView;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ListView;
import org.cairn.console.api.ResultItem;
import org.cairn.testing.pkcs11.SoftHsm;
import org.cairn.testing.process.Commands;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A SoftHSM2 token with a PIN (in the test JVM's own SOFTHSM2_CONF, filled by GnuTLS's p11tool) under View Options →
 * Physical certificate stores: Enter PIN... asks for the PIN with the token's wording, says so when it is wrong (and
 * that few tries remain, as SoftHSM then flags), and after the right one the token's private certificate shows in
 * Personal with its key, not exportable. The login holds for the process: the token stays (its label is unique).
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class TokenPhysicalStoreTest {

    private static final String TOKEN = "cairn-ui-pin";
    private static final String STORE = "Token: " + TOKEN;
    private static final String PIN = "5678";

    @Test
    void aTokenAsksForItsPinThenShowsItsPrivateCertificateWithItsKey() throws Exception {
        Path work = Files.createTempDirectory("cairn-token-ui");
        SoftHsm tokens = SoftHsm.fresh("softhsm-tokens-ui-pin", work);
        tokens.initToken(TOKEN, PIN);
        Commands.run(work, Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "t.key",
                "-out", "t.crt", "-subj", "/CN=Smart Card User UI", "-days", "30");
        tokens.p11tool(TOKEN, PIN, "--login", "--write", "--load-privkey", "t.key", "--label", "ui-key", "--id", "01");
        tokens.p11tool(TOKEN, PIN, "--login", "--write", "--load-certificate", "t.crt", "--label", "ui-user", "--id",
                "01", "--mark-private");

        CertificatesRoot root = (CertificatesRoot) SnapInTest.snapIn().createRoot(Map.of("scope", "user"));
        root.setMode(new ViewMode(false, true, false));
        ConsoleNode token = child(child(root, "Personal"), STORE);
        assertTrue(rows(child(token, "Certificates")).isEmpty(), "the private certificate hides behind the PIN");

        ConsoleAction unlock = token.actions().stream().filter(a -> a.id().equals("org.cairn.certificates.action.unlock"))
                .findFirst().orElseThrow();
        assertEquals("Enter PIN...", unlock.label());
        RecordingContext context = new RecordingContext(token, List.<ResultItem>of());
        UIThreadRunnable.postAndWait(App.display(), () -> {
            try {
                unlock.run(context);
            } catch (org.cairn.console.api.ConsoleException e) {
                throw new IllegalStateException(e);
            }
        });
        SWTBotShell shell = new SWTBot().shell("Enter PIN");
        shell.bot().textWithLabel("PIN:").setText("0000");
        shell.bot().button("OK").click();
        // waits until the dialog says so (the PIN is checked off the UI thread); SoftHSM flags a low count after it
        shell.bot().label("The PIN is not correct for the token " + TOKEN + ". The token says that few tries remain "
                + "before it locks its PIN. Nothing was changed; Cairn does not try a PIN again by itself.");
        App.screenshot(shell.widget, "token-wrong-pin");
        assertTrue(rows(child(token, "Certificates")).isEmpty(), "a wrong PIN shows nothing");
        shell.bot().textWithLabel("PIN:").setText(PIN);
        App.screenshot(shell.widget, "token-enter-pin");
        shell.bot().button("OK").click();
        new SWTBot().waitUntil(Conditions.shellCloses(shell));

        List<CertificateItem> rows = rows(child(token, "Certificates"));
        assertEquals(List.of("Smart Card User UI"), rows.stream().map(r -> r.entry().issuedTo()).toList());
        assertTrue(rows.get(0).entry().hasPrivateKey());
        assertFalse(rows.get(0).entry().exportable());

        // the login lasts for the process, so the token stays for the other tests of this JVM: emptied by p11tool, it
        // adds no certificate to their Personal store
        for (String object : List.of("ui-user", "ui-key")) {
            tokens.p11tool(TOKEN + ";object=" + object, PIN, "--login", "--batch", "--delete");
        }
        assertTrue(rows(child(token, "Certificates")).isEmpty(), "Cairn sees what p11tool deleted");
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static ConsoleNode child(ConsoleNode node, String label) {
        return node.children().stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No node '" + label + "' under " + node.label() + ": "
                        + node.children().stream().map(ConsoleNode::label).toList()));
    }

    private static List<CertificateItem> rows(ConsoleNode node) throws Exception {
        BackgroundView background = assertInstanceOf(BackgroundView.class, node.resultView().orElseThrow());
        return assertInstanceOf(ListView.class, background.load(() -> false)).items().stream()
                .map(CertificateItem.class::cast).toList();
    }
}
