package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.ui.export.internal.ExportWizard;
import org.cairn.certificates.ui.export.internal.ExportWizardDialog;
import org.cairn.certificates.ui.export.internal.Messages;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Gallery;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.SWTBotWizard;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a person sees of the Certificate Export Wizard (issue 12): opened as a user opens it (Personal →
 * Certificates, select, Action → All Tasks → Export...), every page shows every control whole, at the size the
 * wizard opens with. Runs at the default scale and, in the bundle's second test run, at GDK_DPI_SCALE=1.5. Saves
 * each page for the gallery.
 */
@ExtendWith(ScreenshotOnFailure.class)
class ExportWizardPagesTest {

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    /** Every page's faults, so that one run shows them all. */
    private final List<String> faults = new ArrayList<>();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    @Test
    void everyPageOfTheExportWizardShowsEveryControlWhole() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        console.selectInPersonal(root, leaf.issuedTo());
        Gallery.capture(console.shell(), "console-personal-certificates");
        console.shell().bot().menu("Action").menu("All Tasks").menu("Export...").click();

        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        look(wizard, "export-1-welcome");
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        look(wizard, "export-2-private-key");
        wizard.clickNext("Export File Format");
        look(wizard, "export-3-file-format");
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText("Correct-Horse-9-Battery");
        wizard.page().textWithLabel("Confirm password:").setText("Correct-Horse-9-Battery");
        look(wizard, "export-4-security");
        wizard.page().comboBoxWithLabel("Encryption:").setSelection("TripleDES-SHA1");
        look(wizard, "export-4-security-tripledes");
        wizard.page().comboBoxWithLabel("Encryption:").setSelection("AES256-SHA256");
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(Fixture.exportFolder("pages").resolve("backup").toString());
        look(wizard, "export-5-file");
        wizard.clickNext("Completing the Certificate Export Wizard");
        look(wizard, "export-6-completing");
        wizard.cancel();

        assertTrue(faults.isEmpty(), () -> "Pages of the Certificate Export Wizard that a person does not see whole ("
                + scale() + "):\n" + String.join("\n", faults));
    }

    /**
     * The wizard with every text 40 % longer, as translations often are (Eclipse's pseudo-translation does the
     * same): the pages still show every control whole. The longer texts end in accented words, so that wrapping
     * and glyphs beyond ASCII are measured too.
     */
    @Test
    void everyPageShowsEveryControlWholeWithTextsFortyPercentLonger() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        Messages english = UIThreadRunnable.syncExec(bot.display(),
                () -> ContextInjectionFactory.make(CertificateExportWizardTest.Texts.class,
                        Fixture.applicationContext()).messages);
        Messages m = PseudoTranslation.longer(english);
        CertificateExportService exporter = Fixture.service(CertificateExportService.class);
        Shell window = console.shell().widget;
        UIThreadRunnable.asyncExec(bot.display(), () -> new ExportWizardDialog(window, new ExportWizard(leaf,
                Optional.empty(), Optional.empty(), exporter, m, Path.of(System.getProperty("user.home")))).open());

        SWTBotWizard wizard = new SWTBotWizard(bot, m.wizard_title);
        wizard.waitForPage(m.welcome_title);
        lookAt(wizard, "pseudo-1-welcome");
        wizard.clickNext(m.key_title);
        wizard.page().radio(m.key_yes).click();
        lookAt(wizard, "pseudo-2-private-key");
        wizard.clickNext(m.format_title);
        lookAt(wizard, "pseudo-3-file-format");
        wizard.clickNext(m.security_title);
        wizard.page().textWithLabel(m.security_password).setText("Correct-Horse-9-Battery");
        wizard.page().textWithLabel(m.security_confirm).setText("Correct-Horse-9-Battery");
        lookAt(wizard, "pseudo-4-security");
        wizard.page().comboBoxWithLabel(m.security_encryption).setSelection(1);
        lookAt(wizard, "pseudo-4-security-tripledes");
        wizard.clickNext(m.file_title);
        wizard.page().textWithLabel(m.file_name).setText(Fixture.exportFolder("pseudo").resolve("backup").toString());
        lookAt(wizard, "pseudo-5-file");
        wizard.clickNext(m.complete_title);
        lookAt(wizard, "pseudo-6-completing");
        wizard.cancel();

        assertTrue(faults.isEmpty(), () -> "Pages of the Certificate Export Wizard with texts 40 % longer that a person"
                + " does not see whole (" + scale() + "):\n" + String.join("\n", faults));
    }

    private void lookAt(SWTBotWizard wizard, String picture) {
        SWTBotShell shell = wizard.shell();
        try {
            shell.assertNothingClipped();
        } catch (AssertionError e) {
            faults.add(picture + ": " + e.getMessage());
        }
        // Not for the gallery: these pages are in no language.
        shell.captureScreenshot(Path.of("target", "screenshots", "pseudo", picture + ".png"));
    }

    private void look(ExportWizardBot wizard, String picture) {
        SWTBotShell shell = wizard.shell();
        try {
            shell.assertNothingClipped();
        } catch (AssertionError e) {
            faults.add(picture + ": " + e.getMessage());
        }
        // The gallery pictures are those of the default scale only (Gallery decides where they go).
        if (picture.equals("export-4-security-tripledes")) {
            return;
        }
        Gallery.capture(shell, picture);
    }

    static String scale() {
        String scale = System.getenv("GDK_DPI_SCALE");
        return scale == null ? "default scale" : "GDK_DPI_SCALE=" + scale;
    }
}
