package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotCheckBox;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.cairn.testing.ui.WidgetMatcherFactory;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8's round trip through the wizards: back up a certificate with its key, chain and extended properties with
 * the Certificate Export Wizard, restore it with the Certificate Import Wizard on "another computer" (a service
 * account of its own, whose stores are empty), and compare what arrived: certificate, key (it signs for the
 * certificate's public key), chain, friendly name, description, exportable flag.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class WizardRoundTripTest {

    private static final String EXPORT_TITLE = "Certificate Export Wizard";

    private final SWTBot bot = new SWTBot();

    @AfterEach
    void closeLeftOvers() {
        var window = Fixture.window(bot);
        for (SWTBotShell shell : bot.shells()) {
            if (shell.widget != window) {
                shell.close();
            }
        }
    }

    private boolean exportShows(SWTBotShell wizard, String text) {
        return UIThreadRunnable.syncExec(bot.display(), () -> wizard.bot()
                .findWidgets(WidgetMatcherFactory.<Control>withText(text)).stream().anyMatch(Control::isVisible));
    }

    private void exportNext(SWTBotShell wizard, String page) {
        wizard.bot().button("Next >").click();
        bot.waitUntil(Conditions.condition("the export page " + page, () -> exportShows(wizard, page)));
    }

    /** The Certificate Export Wizard: PKCS #12 with the key, the chain and the extended properties. */
    private void backUp(CertificateEntry entry, Path file) {
        Fixture.openExportWizard(bot, entry);
        SWTBotShell wizard = bot.shell(EXPORT_TITLE);
        bot.waitUntil(Conditions.condition("the welcome page",
                () -> exportShows(wizard, "Welcome to the Certificate Export Wizard")));
        exportNext(wizard, "Export Private Key");
        wizard.bot().radio("Yes, export the private key").click();
        exportNext(wizard, "Export File Format");
        List<Button> chain = UIThreadRunnable.syncExec(bot.display(), () -> wizard.bot().findWidgets(
                WidgetMatcherFactory.<Button>withText("Include all certificates in the certification path if possible")));
        new SWTBotCheckBox(chain.get(1)).select();
        wizard.bot().checkBox("Export all extended properties").select();
        exportNext(wizard, "Security");
        wizard.bot().textWithLabel("Password:").setText(Fixture.PASSWORD);
        wizard.bot().textWithLabel("Confirm password:").setText(Fixture.PASSWORD);
        exportNext(wizard, "File to Export");
        wizard.bot().textWithLabel("File name:").setText(file.toString());
        exportNext(wizard, "Completing the Certificate Export Wizard");
        wizard.bot().button("Finish").click();
        bot.waitUntil(Conditions.condition("the export's message", () -> java.util.Arrays.stream(bot.shells())
                .anyMatch(s -> s.widget != wizard.widget && EXPORT_TITLE.equals(s.getText()))));
        SWTBotShell done = java.util.Arrays.stream(bot.shells())
                .filter(s -> s.widget != wizard.widget && EXPORT_TITLE.equals(s.getText())).findFirst().orElseThrow();
        assertTrue(done.bot().label("The export was successful.").isVisible());
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard));
    }

    /** The Certificate Import Wizard on the other computer's Personal store. */
    private void restore(Path file, Scope otherComputer, boolean exportable) throws Exception {
        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(otherComputer, LogicalStore.PERSONAL));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.KEY);
        if (exportable) {
            wizard.page().checkBox(ImportWizardBot.EXPORTABLE).select();
        }
        wizard.password(Fixture.PASSWORD);
        wizard.page().radio(ImportWizardBot.AUTOMATIC).click();
        wizard.clickNext(ImportWizardBot.COMPLETING);
        String done = wizard.finishSuccessfully();
        assertTrue(done.startsWith("The import was successful."), done);
    }

    @ParameterizedTest(name = "restored exportable {0}")
    @ValueSource(booleans = {false, true})
    void backupThroughTheExportWizardRestoresThroughTheImportWizardOnAnotherComputer(boolean exportable)
            throws Exception {
        CertificateEntry original = Fixture.demoLeaf(Fixture.unique("Round Trip"));
        CertificateStore source = Fixture.store(original.scope());
        original = source.setFriendlyName(original, "Mail server (round trip)");
        original = source.setDescription(original, "Backed up with the export wizard, restored with the import wizard");
        List<CertificateEntry> chain = source.chain(original).certificates();
        Path file = Fixture.folder("round-trip").resolve("backup.pfx");

        backUp(original, file);
        Scope otherComputer = Fixture.freshScope("other-computer");
        restore(file, otherComputer, exportable);

        CertificateStore target = Fixture.store(otherComputer);
        CertificateEntry restored = target.find(LogicalStore.PERSONAL, original.thumbprint()).orElseThrow();
        assertArrayEquals(original.encoded(), restored.encoded(), "the certificate");
        assertTrue(restored.hasPrivateKey());
        assertTrue(Fixture.signsFor(Fixture.storedKey(restored), original.certificate().getPublicKey()),
                "the restored key signs for the certificate");
        assertTrue(Fixture.sameKey(source.exportablePrivateKey(original), Fixture.storedKey(restored)), "the same key");
        assertEquals("Mail server (round trip)", restored.friendlyName());
        assertEquals("Backed up with the export wizard, restored with the import wizard", restored.description());
        assertEquals(exportable, restored.exportable());
        assertEquals(chain.get(1).encoded().length, target.find(LogicalStore.INTERMEDIATE, chain.get(1).thumbprint())
                .orElseThrow().encoded().length, "the intermediate CA");
        assertTrue(target.find(LogicalStore.TRUSTED_ROOT, chain.get(2).thumbprint()).isPresent(), "the root CA");
        assertTrue(source.find(LogicalStore.PERSONAL, original.thumbprint()).orElseThrow().hasPrivateKey(),
                "the original keeps its key");
    }

    @Test
    void deletedFromTheStoreAndRestoredInTheSameStore() throws Exception {
        CertificateEntry original = Fixture.demoLeaf(Fixture.unique("Restore Here"));
        CertificateStore store = Fixture.store(original.scope());
        original = store.setFriendlyName(original, "Deleted by mistake");
        java.security.PrivateKey key = store.exportablePrivateKey(original);
        Path file = Fixture.folder("restore-here").resolve("backup.pfx");
        backUp(original, file);
        store.delete(original);
        assertTrue(store.find(LogicalStore.PERSONAL, original.thumbprint()).isEmpty());

        restore(file, original.scope(), true);
        CertificateEntry restored = store.find(LogicalStore.PERSONAL, original.thumbprint()).orElseThrow();
        assertEquals("Deleted by mistake", restored.friendlyName());
        assertTrue(Fixture.sameKey(key, store.exportablePrivateKey(restored)));
    }
}
