package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.CertificateExportServices;
import org.cairn.certificates.ui.export.internal.ExportWizard;
import org.cairn.certificates.ui.export.internal.ExportWizardDialog;
import org.cairn.certificates.ui.export.internal.Messages;
import org.cairn.certificates.system.internal.ServiceFilesProvider;
import org.cairn.certificates.system.internal.SystemLayout;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Certificate Export Wizard on a web server's certificate and key kept as PEM files in a temporary /etc/ssl
 * (made by openssl, laid out as Debian keeps it), seen through the computer's Personal store: backed up with its key
 * to a PFX the five readers open; for an ordinary account, "Yes" is disabled and the key file's owner, group and mode
 * are the reason.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ServiceFilesExportTest {

    private static final String PASSWORD = "Correct-Horse-9-Battery";

    private SWTBot bot;
    private Shell window;

    @BeforeEach
    void findWindow() {
        bot = new SWTBot();
        window = UIThreadRunnable.syncExec(bot.display(),
                () -> (Shell) Fixture.applicationContext().get(org.eclipse.e4.ui.model.application.MApplication.class)
                        .getChildren().get(0).getWidget());
    }

    @AfterEach
    void closeLeftOvers() {
        for (SWTBotShell shell : bot.shells()) {
            if (shell.widget != window) {
                shell.close();
            }
        }
    }

    /** A temporary system root with /etc/ssl/certs/www.pem and /etc/ssl/private/www.key (0640, folder 0710). */
    private static Path webServer(Path base) throws Exception {
        Path ssl = base.resolve("root/etc/ssl");
        Files.createDirectories(ssl.resolve("certs"));
        Files.createDirectories(ssl.resolve("private"));
        Files.setPosixFilePermissions(ssl.resolve("private"), PosixFilePermissions.fromString("rwx--x---"));
        run(base, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", ssl.resolve("private/www.key").toString(), "-out", ssl.resolve("certs/www.pem").toString(),
                "-subj", "/CN=www.example.test", "-days", "30", "-addext", "extendedKeyUsage=serverAuth");
        Files.setPosixFilePermissions(ssl.resolve("private/www.key"), PosixFilePermissions.fromString("rw-r-----"));
        return base.resolve("root");
    }

    private static CertificateStoreService stores(Path base, Path root, Identity identity) {
        return CertificateStores.create(StoreRoots.under(base.resolve("stores")), identity,
                List.of(CertificateStores.fileStoreProvider(), new ServiceFilesProvider(SystemLayout.under(root))));
    }

    private ExportWizardBot open(CertificateStoreService stores, CertificateEntry entry) throws Exception {
        CertificateStore computer = stores.open(Scope.computer());
        Optional<AccessDenial> denial = computer.whyKeyNotExportable(entry);
        Optional<AccessDenial> deleteDenial = computer.whyKeyNotDeletable(entry);
        Messages messages = UIThreadRunnable.syncExec(bot.display(), () -> ContextInjectionFactory
                .make(CertificateExportWizardTest.Texts.class, Fixture.applicationContext()).messages);
        UIThreadRunnable.asyncExec(bot.display(), () -> new ExportWizardDialog(window, new ExportWizard(entry, denial,
                deleteDenial, CertificateExportServices.create(stores), messages,
                Path.of(System.getProperty("user.home")))).open());
        return new ExportWizardBot(bot);
    }

    @Test
    void aServicesPemPairIsBackedUpWithItsKeyToAPfxEveryReaderOpens() throws Exception {
        Path base = Fixture.exportFolder("service-files");
        Path root = webServer(base);
        CertificateStoreService stores = stores(base, root, new Identity(0, "root"));
        CertificateEntry entry = stores.open(Scope.computer()).list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals("www.example.test")).findFirst().orElseThrow();
        assertEquals("Files: /etc/ssl", entry.physicalStore());
        Path file = base.resolve("www.pfx");

        ExportWizardBot wizard = open(stores, entry);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        wizard.clickNext("Export Private Key");
        assertTrue(wizard.page().radio("Yes, export the private key").isEnabled());
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        assertTrue(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isSelected());
        // the service's key file stays: the option is greyed before the export, its reason on hover
        var deleteKey = wizard.page().checkBox("Delete the private key if the export is successful");
        assertFalse(deleteKey.isEnabled());
        assertTrue(deleteKey.getToolTipText().startsWith("Cairn does not delete a service's key file alone"),
                deleteKey.getToolTipText());
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals(List.of("Export Keys", "Yes"), List.of(wizard.page().table().cell(1, 0),
                wizard.page().table().cell(1, 1)));
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        assertTrue(done.bot().label("The export was successful.").isVisible());
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));

        Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 1);
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(Files.exists(root.resolve("etc/ssl/private/www.key")), "the key file stays");
    }

    @Test
    void aKeyFileTheAccountCannotReadDisablesYesWithItsOwnerGroupAndMode() throws Exception {
        Path base = Fixture.exportFolder("service-files-alice");
        Path root = webServer(base);
        CertificateStoreService stores = stores(base, root, new Identity(4242, "cairn-nobody"));
        CertificateEntry entry = stores.open(Scope.computer()).list(LogicalStore.PERSONAL).entries().stream()
                .filter(e -> e.issuedTo().equals("www.example.test")).findFirst().orElseThrow();
        AccessDenial denial = stores.open(Scope.computer()).whyKeyNotExportable(entry).orElseThrow();
        assertEquals(AccessDenial.Reason.NO_ACCESS, denial.reason());
        assertTrue(denial.message().contains("mode 0710"), denial.message());

        ExportWizardBot wizard = open(stores, entry);
        wizard.clickNext("Export Private Key");
        assertFalse(wizard.page().radio("Yes, export the private key").isEnabled());
        assertTrue(wizard.page().label("Note: You do not have access to the associated private key. Only the "
                + "certificate can be exported.").isVisible());
        assertTrue(wizard.shows("Reason: " + denial.message()));
        wizard.cancel();
    }

    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
