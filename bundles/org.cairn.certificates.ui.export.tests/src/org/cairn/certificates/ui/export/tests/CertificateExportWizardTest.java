package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.export.CertificateExportService;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.export.spi.CertificateFileFormat;
import org.cairn.certificates.ui.export.internal.ExportWizard;
import org.cairn.certificates.ui.export.internal.ExportWizardDialog;
import org.cairn.certificates.ui.export.internal.Messages;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Certificate Export Wizard on real certificates in real stores, driven as a user drives it: the procedure of
 * issue 7 step by step, the refusals, every format, and Cancel on every page. Files are read back with the JDK's
 * parsers and, for PKCS #12, by the shared interoperability check (openssl, keytool, NSS, GnuTLS, python).
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class CertificateExportWizardTest {

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

    @Test
    void pkcs12WithKeyAndChainFromAUserStoreIsReadableEverywhereAndKeepsTheKey() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path folder = Fixture.exportFolder("user-pfx");
        Path file = folder.resolve("leaf.pfx");

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        assertFalse(wizard.back().isEnabled());
        wizard.clickNext("Export Private Key");
        assertTrue(wizard.page().radio("Yes, export the private key").isEnabled());
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        assertFalse(wizard.page().radio("DER encoded binary X.509 (.CER)").isEnabled());
        assertFalse(wizard.page().radio("Base-64 encoded X.509 (.CER)").isEnabled());
        assertFalse(wizard.page().radio("Cryptographic Message Syntax Standard - PKCS #7 Certificates (.P7B)")
                .isEnabled());
        assertTrue(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isSelected());
        assertFalse(wizard.checkBox(ExportWizardBot.CHAIN, 0).isEnabled(), "the PKCS #7 option is disabled");
        assertTrue(wizard.checkBox(ExportWizardBot.CHAIN, 1).isEnabled());
        wizard.checkBox(ExportWizardBot.CHAIN, 1).select();
        assertFalse(wizard.page().checkBox("Delete the private key if the export is successful").isChecked());
        wizard.clickNext("Security");
        assertFalse(wizard.next().isEnabled(), "a password is required");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        assertTrue(wizard.page().label("Password strength: Strong").isVisible());
        assertEquals("AES256-SHA256", wizard.page().comboBoxWithLabel("Encryption:").selection());
        assertTrue(wizard.page().label("Strong protection is not compatible with older applications "
                + "(Windows Server 2016 and earlier, Java 8).").isVisible());
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(folder.resolve("leaf").toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        SWTBotTable summary = wizard.page().table();
        assertEquals(file.toString(), summary.cell(0, 1));
        assertEquals(List.of("Export Keys", "Yes"), List.of(summary.cell(1, 0), summary.cell(1, 1)));
        assertEquals("Yes", summary.cell(2, 1));
        assertEquals("Personal Information Exchange - PKCS #12 (.PFX)", summary.cell(3, 1));
        assertEquals("AES256-SHA256", summary.cell(4, 1));
        assertFalse(Files.exists(file), "nothing is written before Finish");

        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        assertTrue(done.bot().label("The export was successful.").isVisible());
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));

        Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 3);
        assertEquals(0, check.exitCode(), check.output());
        CertificateEntry after = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertTrue(after.hasPrivateKey(), "the key stays in the store");
    }

    @Test
    void pkcs12FromTheComputerStoreWithDeleteKeyRemovesOnlyTheKey() throws Exception {
        CertificateStore store = Fixture.store(Scope.computer());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path folder = Fixture.exportFolder("computer-pfx");
        Path file = folder.resolve("server.pfx");

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        wizard.checkBox(ExportWizardBot.CHAIN, 1).select();
        wizard.page().checkBox("Delete the private key if the export is successful").select();
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        wizard.page().comboBoxWithLabel("Encryption:").setSelection("TripleDES-SHA1");
        assertTrue(wizard.page().label("Older protection that older applications can read; choose it only if "
                + "they must read the file.").isVisible());
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals("TripleDES-SHA1", wizard.page().table().cell(4, 1));
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        assertTrue(done.bot().label("The export was successful.\n\nThe private key was deleted from the "
                + "certificate store.").isVisible());
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));

        Fixture.Check check = Fixture.pfxInteropCheck(file, PASSWORD, 3);
        assertEquals(0, check.exitCode(), check.output());
        CertificateEntry after = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertFalse(after.hasPrivateKey(), "the key was deleted as asked");
    }

    @Test
    void nonExportableKeyDisablesYesAndSaysWhy() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateFactoryService factory = Fixture.service(CertificateFactoryService.class);
        CertificateEntry entry = factory.createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=Locked Key " + System.nanoTime()).withExportable(false));

        ExportWizardBot wizard = Fixture.openWizard(bot, window, entry);
        wizard.clickNext("Export Private Key");
        assertFalse(wizard.page().radio("Yes, export the private key").isEnabled());
        assertTrue(wizard.page().radio("No, do not export the private key").isSelected());
        assertTrue(wizard.page().label("Note: The associated private key is marked as not exportable. Only the "
                + "certificate can be exported.").isVisible());
        wizard.clickNext("Export File Format");
        assertFalse(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isEnabled());
        assertTrue(wizard.page().radio("DER encoded binary X.509 (.CER)").isSelected());
        wizard.cancel();
    }

    @Test
    void certificateWithoutKeySaysThereIsNoPrivateKey() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        CertificateEntry root = store.chain(leaf).certificates().get(2);

        ExportWizardBot wizard = Fixture.openWizard(bot, window, root);
        wizard.clickNext("Export Private Key");
        assertFalse(wizard.page().radio("Yes, export the private key").isEnabled());
        assertTrue(wizard.page().label("Note: There is no private key associated with this certificate. Only the "
                + "certificate can be exported.").isVisible());
        wizard.cancel();
    }

    @Test
    void passwordsThatDifferKeepNextDisabled() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD + "x");
        assertFalse(wizard.next().isEnabled());
        assertTrue(wizard.shows("The passwords do not match. Type the same password in both boxes."));
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        assertTrue(wizard.next().isEnabled());
        wizard.page().textWithLabel("Password:").setText("abc");
        assertFalse(wizard.next().isEnabled());
        assertTrue(wizard.page().label("Password strength: Weak").isVisible());
        wizard.cancel();
    }

    @Test
    void existingFileIsNotReplacedWhenTheUserDeclines() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        Path folder = Fixture.exportFolder("existing");
        Path file = folder.resolve("taken.cer");
        byte[] before = "keep me".getBytes(StandardCharsets.UTF_8);
        Files.write(file, before);

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.clickNext("Export File Format");
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.next().click();
        SWTBotShell question = wizard.dialog();
        assertTrue(question.bot().label(file + " already exists.\nDo you want to replace it?").isVisible());
        question.bot().button("No").click();
        bot.waitUntil(Conditions.shellCloses(question));
        assertTrue(wizard.shows("File to Export"), "the wizard stays on the file page");
        wizard.cancel();
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    static Stream<Arguments> certificateFormats() {
        return Stream.of(Arguments.of("DER encoded binary X.509 (.CER)", "der.cer", false, 1),
                Arguments.of("Base-64 encoded X.509 (.CER)", "base64.cer", false, 1),
                Arguments.of("Cryptographic Message Syntax Standard - PKCS #7 Certificates (.P7B)", "chain.p7b",
                        true, 3),
                Arguments.of("Cryptographic Message Syntax Standard - PKCS #7 Certificates (.P7B)", "leaf.p7b",
                        false, 1));
    }

    @ParameterizedTest(name = "{0}, chain {2}")
    @MethodSource("certificateFormats")
    void everyCertificateFormatWritesTheRightFile(String format, String name, boolean chain, int certificates)
            throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path folder = Fixture.exportFolder("format");
        Path file = folder.resolve(name);

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.page().radio("No, do not export the private key").click();
        wizard.clickNext("Export File Format");
        assertFalse(wizard.page().radio("Personal Information Exchange - PKCS #12 (.PFX)").isEnabled());
        wizard.page().radio(format).click();
        if (chain) {
            wizard.checkBox(ExportWizardBot.CHAIN, 0).select();
        }
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals(format, wizard.page().table().cell(3, 1));
        assertEquals("No", wizard.page().table().cell(1, 1));
        wizard.finish().click();
        SWTBotShell done = wizard.dialog();
        done.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(wizard.shell()));

        byte[] written = Files.readAllBytes(file);
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        List<Certificate> read = new ArrayList<>(x509.generateCertificates(new ByteArrayInputStream(written)));
        assertEquals(certificates, read.size());
        assertArrayEquals(leaf.encoded(), read.get(0).getEncoded(), "the leaf comes first");
        String text = new String(written, StandardCharsets.ISO_8859_1);
        if (name.startsWith("base64")) {
            assertTrue(text.startsWith("-----BEGIN CERTIFICATE-----"), text);
        } else if (name.startsWith("der")) {
            assertArrayEquals(leaf.encoded(), written);
        } else {
            Collection<? extends Certificate> pkcs7 = x509.generateCertPath(new ByteArrayInputStream(written),
                    "PKCS7").getCertificates();
            assertEquals(certificates, pkcs7.size());
            assertEquals(leaf.subject(), ((X509Certificate) pkcs7.iterator().next()).getSubjectX500Principal()
                    .getName());
        }
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey());
    }

    /** A certificate-only format another bundle contributes as a DS service appears after Windows' four. */
    @Test
    void aFormatAnotherBundleContributesIsOfferedAndWritten() throws Exception {
        ExportFormat lines = ExportFormat.certificatesOnly("org.cairn.test.pem-lines", "PEM with subject lines", "crt",
                true);
        CertificateFileFormat contributed = new CertificateFileFormat() {
            @Override
            public ExportFormat format() {
                return lines;
            }

            @Override
            public byte[] write(List<X509Certificate> certificates) throws java.security.GeneralSecurityException {
                StringBuilder text = new StringBuilder();
                for (X509Certificate c : certificates) {
                    text.append("subject=").append(c.getSubjectX500Principal().getName()).append('\n')
                            .append("-----BEGIN CERTIFICATE-----\n")
                            .append(java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
                return text.toString().getBytes(StandardCharsets.US_ASCII);
            }

            @Override
            public List<X509Certificate> read(byte[] content) throws java.security.GeneralSecurityException {
                return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content))
                        .stream().map(X509Certificate.class::cast).toList();
            }
        };
        org.osgi.framework.ServiceRegistration<CertificateFileFormat> registration = org.osgi.framework.FrameworkUtil
                .getBundle(CertificateExportWizardTest.class).getBundleContext()
                .registerService(CertificateFileFormat.class, contributed, null);
        try {
            CertificateStore store = Fixture.store(Scope.currentUser());
            CertificateEntry leaf = Fixture.demoLeaf(store);
            Path file = Fixture.exportFolder("contributed").resolve("chain.crt");

            ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
            wizard.clickNext("Export Private Key");
            wizard.page().radio("No, do not export the private key").click();
            wizard.clickNext("Export File Format");
            wizard.page().radio("PEM with subject lines (.CRT)").click();
            assertFalse(wizard.checkBox(ExportWizardBot.CHAIN, 0).isEnabled(), "the PKCS #7 option");
            wizard.checkBox(ExportWizardBot.CHAIN, 2).select();
            wizard.clickNext("File to Export");
            wizard.page().textWithLabel("File name:").setText(file.getParent().resolve("chain").toString());
            wizard.clickNext("Completing the Certificate Export Wizard");
            assertEquals("PEM with subject lines (.CRT)", wizard.page().table().cell(3, 1));
            wizard.finish().click();
            wizard.dialog().bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(wizard.shell()));

            String text = Files.readString(file, StandardCharsets.US_ASCII);
            assertEquals(3, text.lines().filter(line -> line.startsWith("subject=")).count(), text);
            assertTrue(text.startsWith("subject=" + leaf.subject() + "\n"), text);
        } finally {
            registration.unregister();
        }
    }

    /** Pages in the order of the PKCS #12 procedure; Cancel is clicked on the page with this index. */
    @ParameterizedTest(name = "Cancel on page {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void cancelOnAnyPageWritesNothing(int cancelOn) throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path folder = Fixture.exportFolder("cancel");
        Path file = folder.resolve("cancelled.pfx");

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.waitForPage("Welcome to the Certificate Export Wizard");
        List<Runnable> steps = List.of(() -> wizard.clickNext("Export Private Key"), () -> {
            wizard.page().radio("Yes, export the private key").click();
            wizard.clickNext("Export File Format");
        }, () -> {
            wizard.page().checkBox("Delete the private key if the export is successful").select();
            wizard.clickNext("Security");
        }, () -> {
            wizard.page().textWithLabel("Password:").setText(PASSWORD);
            wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
            wizard.clickNext("File to Export");
        }, () -> {
            wizard.page().textWithLabel("File name:").setText(file.toString());
            wizard.clickNext("Completing the Certificate Export Wizard");
        });
        for (int page = 0; page < cancelOn; page++) {
            steps.get(page).run();
        }
        wizard.cancel();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "nothing was written");
        }
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey(),
                "the key is still there");
    }

    @Test
    void backAndNextKeepWhatWasEnteredAndTheExtensionFollowsTheFormat() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        Path folder = Fixture.exportFolder("back");

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.clickNext("Export File Format");
        wizard.page().radio("Base-64 encoded X.509 (.CER)").click();
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(folder.resolve("kept").toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals(folder.resolve("kept.cer").toString(), wizard.page().table().cell(0, 1));
        wizard.back().click();
        wizard.waitForPage("File to Export");
        wizard.back().click();
        wizard.waitForPage("Export File Format");
        assertTrue(wizard.page().radio("Base-64 encoded X.509 (.CER)").isSelected());
        wizard.page().radio("Cryptographic Message Syntax Standard - PKCS #7 Certificates (.P7B)").click();
        wizard.clickNext("File to Export");
        assertEquals(folder.resolve("kept.p7b").toString(), wizard.page().textWithLabel("File name:").getText());
        wizard.page().textWithLabel("File name:").setText("relative-name");
        wizard.clickNext("Completing the Certificate Export Wizard");
        assertEquals(Path.of(System.getProperty("user.home")).resolve("relative-name.p7b").toString(),
                wizard.page().table().cell(0, 1));
        wizard.cancel();
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void exportCommandNeedsExactlyOneCertificate() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.store(Scope.currentUser()));
        assertTrue(Fixture.canExport(bot, List.of(leaf)));
        assertFalse(Fixture.canExport(bot, List.of()));
        assertFalse(Fixture.canExport(bot, List.of("not a certificate")));
    }

    @Test
    void failedExportSaysWhatWentWrongAndThatNothingChanged() throws Exception {
        CertificateStore store = Fixture.store(Scope.currentUser());
        CertificateEntry leaf = Fixture.demoLeaf(store);
        Path folder = Fixture.exportFolder("failed");
        Path file = folder.resolve("late.pfx");

        ExportWizardBot wizard = Fixture.openWizard(bot, window, leaf);
        wizard.clickNext("Export Private Key");
        wizard.page().radio("Yes, export the private key").click();
        wizard.clickNext("Export File Format");
        wizard.page().checkBox("Delete the private key if the export is successful").select();
        wizard.clickNext("Security");
        wizard.page().textWithLabel("Password:").setText(PASSWORD);
        wizard.page().textWithLabel("Confirm password:").setText(PASSWORD);
        wizard.clickNext("File to Export");
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.clickNext("Completing the Certificate Export Wizard");
        // Another program creates the file after the user was (not) asked about it: the service refuses to replace it.
        byte[] other = "written by someone else".getBytes(StandardCharsets.UTF_8);
        Files.write(file, other);
        wizard.finish().click();
        SWTBotShell error = wizard.dialog();
        String text = UIThreadRunnable.syncExec(bot.display(), () -> Arrays.stream(error.widget.getChildren())
                .filter(Label.class::isInstance).map(label -> ((Label) label).getText()).reduce("", String::concat));
        assertTrue(text.startsWith("The export failed: "), text);
        assertTrue(text.contains("Nothing was written and nothing in the certificate store was changed."), text);
        error.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(error));
        assertTrue(wizard.shows("Completing the Certificate Export Wizard"), "the wizard stays open");
        wizard.cancel();
        assertArrayEquals(other, Files.readAllBytes(file));
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey(),
                "the key was not deleted");
    }

    /** Gives the test the wizard's texts the way e4 gives them to the handler. */
    public static final class Texts {
        @Inject
        @Translation
        public Messages messages;
    }

    @Test
    void keyWithoutAccessDisablesYesAndSaysSo() throws Exception {
        CertificateStore computer = Fixture.store(Scope.computer());
        CertificateEntry leaf = Fixture.demoLeaf(computer);
        // An ordinary account sees the computer's certificate, but the key file is root's.
        CertificateStoreService root = Fixture.service(CertificateStoreService.class);
        CertificateStore asAlice = CertificateStores.create(root.roots(), new Identity(1000, "alice"),
                List.of(CertificateStores.fileStoreProvider())).open(Scope.computer());
        Optional<AccessDenial> denial = asAlice.whyKeyNotExportable(leaf);
        assertEquals(AccessDenial.Reason.NO_ACCESS, denial.orElseThrow().reason());
        CertificateExportService exporter = Fixture.service(CertificateExportService.class);
        Messages messages = UIThreadRunnable.syncExec(bot.display(),
                () -> ContextInjectionFactory.make(Texts.class, Fixture.applicationContext()).messages);
        UIThreadRunnable.asyncExec(bot.display(), () -> new ExportWizardDialog(window, new ExportWizard(leaf, denial,
                asAlice.whyKeyNotDeletable(leaf), exporter, messages, Path.of(System.getProperty("user.home"))))
                .open());

        ExportWizardBot wizard = new ExportWizardBot(bot);
        wizard.clickNext("Export Private Key");
        assertFalse(wizard.page().radio("Yes, export the private key").isEnabled());
        assertTrue(wizard.page().label("Note: You do not have access to the associated private key. Only the "
                + "certificate can be exported.").isVisible());
        assertTrue(wizard.shows("Reason: " + denial.get().message()));
        wizard.cancel();
    }
}
