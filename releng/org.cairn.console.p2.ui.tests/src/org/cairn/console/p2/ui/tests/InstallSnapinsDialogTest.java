package org.cairn.console.p2.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.cairn.console.p2.ui.Installation;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Help → Install Snap-ins... installs for real: into a copy of the materialised product (named to the dialog by
 * {@link Installation#PROPERTY}), from the test snap-in's site, signed by the build's test key. A publisher that is
 * not trusted is refused, named in the dialog, and the installation is unchanged; with the publisher's certificate
 * chosen, the snap-in is installed, which `cairn snapin list` and bundles.info of the copy show.
 */
@ExtendWith({ UiThreadWatchdog.class, ScreenshotOnFailure.class })
class InstallSnapinsDialogTest {

    private static final String FEATURE = "org.cairn.testsnapin.feature";
    private static final Path ROOT = Path.of(System.getProperty("cairn.repo.root"));
    private static final Path SITE = ROOT.resolve("releng/org.cairn.snapin.testsite/target/repository");
    private static final Path SIGNER = ROOT.resolve("target/test-signing/signer.pem");
    private static Path product;

    private final SWTBot bot = new SWTBot();

    @BeforeAll
    static void copyTheProduct() throws Exception {
        Path built = ROOT.resolve(
                "releng/org.cairn.repository/target/products/org.cairn.console.product/linux/gtk/x86_64/cairn");
        product = Path.of(System.getProperty("cairn.store.root")).resolveSibling("installation");
        run(List.of("rm", "-rf", product.toString()));
        run(List.of("cp", "-a", built.toString(), product.toString()));
        System.setProperty(Installation.PROPERTY, product.toString());
    }

    @Test
    void anUntrustedPublisherIsRefusedAndNamed() throws Exception {
        String before = state();
        SWTBotShell dialog = open();
        fill(dialog, "");
        dialog.bot().button("Install").click();
        waitForStatus(dialog, "Not installed. Nothing was changed. What Cairn said:");
        String details = dialog.bot().textWithLabel("Details:").getText();
        assertTrue(details.contains("not trusted"), details);
        assertTrue(details.contains("CN=Cairn Test Build Signer (test only)"), details);
        dialog.assertNothingClipped();
        dialog.captureScreenshot(Path.of("target", "screenshots", "install-snapins-refused.png"));
        assertEquals(before, state(), "the refused install changed the installation");
        dialog.bot().button("Close").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
    }

    @Test
    void installedWithThePublishersCertificate() throws Exception {
        SWTBotShell dialog = open();
        fill(dialog, SIGNER.toString());
        dialog.bot().button("Install").click();
        try {
            waitForStatus(dialog, "Installed. Close the console and start it again to use the snap-in.");
            dialog.assertNothingClipped();
            dialog.captureScreenshot(Path.of("target", "screenshots", "install-snapins-installed.png"));
            assertTrue(state().contains(FEATURE), "cairn snapin list shows the snap-in");
            assertTrue(Files.readString(product.resolve(
                    "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"))
                    .contains("org.cairn.console.testsnapin,"), "the snap-in's bundle is in bundles.info");
            dialog.bot().button("Close").click();
            bot.waitUntil(Conditions.shellCloses(dialog));
        } finally {
            run(List.of(product.resolve("cairn").toString(), "snapin", "uninstall", FEATURE));
        }
        assertFalse(state().contains(FEATURE));
    }

    private SWTBotShell open() {
        SWTBotShell window = new SWTBotShell(UIThreadRunnable.syncExec(bot.display(), () -> Arrays
                .stream(bot.display().getShells()).filter(s -> !s.isDisposed() && s.isVisible()
                        && s.getMenuBar() != null && s.getText().contains(" - ["))
                .findFirst().orElseThrow()));
        window.activate();
        window.bot().menu("Help").menu("Install Snap-ins...").click();
        return bot.shell("Install Snap-ins");
    }

    private static void fill(SWTBotShell dialog, String signer) {
        dialog.bot().textWithLabel("Repository (folder, .zip file or https:// address):").setText(SITE.toString());
        dialog.bot().textWithLabel("Snap-in (feature ID, for example com.example.notes.feature):").setText(FEATURE);
        dialog.bot().textWithLabel("Trust this publisher's certificate (optional, .pem or .cer):").setText(signer);
    }

    /** Waits (the command takes a while: up to 3 minutes) for the status line, then checks the dialog answers. */
    private void waitForStatus(SWTBotShell dialog, String text) {
        bot.waitUntil(Conditions.condition(() -> "the status '" + text + "' (it says '" + status(dialog) + "')",
                () -> text.equals(status(dialog))), 180_000);
        assertTrue(dialog.bot().button("Close").isEnabled());
    }

    private String status(SWTBotShell dialog) {
        return UIThreadRunnable.syncExec(bot.display(), () -> {
            Shell shell = (Shell) dialog.widget;
            return texts(shell).stream().filter(t -> t.startsWith("Not installed") || t.startsWith("Installed")
                    || t.startsWith("Installing") || t.startsWith("Type ") || t.startsWith("This console")
                    || t.startsWith("The installer")).findFirst().orElse("");
        });
    }

    private static List<String> texts(org.eclipse.swt.widgets.Composite composite) {
        List<String> texts = new java.util.ArrayList<>();
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Label label) {
                texts.add(label.getText());
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                texts.addAll(texts(inner));
            }
        }
        return texts;
    }

    /** `cairn snapin list` and bundles.info of the copy */
    private static String state() throws Exception {
        return run(List.of(product.resolve("cairn").toString(), "snapin", "list")) + Files.readString(
                product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CAIRN_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        if (status != 0) {
            throw new IOException(command + " failed (" + status + "): " + output);
        }
        return output;
    }
}
