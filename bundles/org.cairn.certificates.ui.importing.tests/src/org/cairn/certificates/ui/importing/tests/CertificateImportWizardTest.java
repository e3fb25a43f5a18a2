package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.cairn.certificates.core.AccessDenial;
import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.ui.CertificateStoreNode;
import org.cairn.certificates.ui.importing.internal.ImportWizard;
import org.cairn.certificates.ui.importing.internal.ImportWizardDialog;
import org.cairn.certificates.ui.importing.internal.Messages;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Certificate Import Wizard on real files into real, fresh stores (a service account of its own per test),
 * driven as a user drives it: every file kind, passwords, the import options, automatic and chosen stores,
 * refusals (wrong password, damaged or foreign files, a store the account may not change), duplicates, and Cancel
 * on every page.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class CertificateImportWizardTest {

    private SWTBot bot;
    private Shell window;

    @BeforeEach
    void findWindow() {
        bot = new SWTBot();
        window = Fixture.window(bot);
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
    void pfxWithKeyAndChainPlacesEachCertificateAutomaticallyWithScreenshotsOfEveryPage() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Chain"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("pfx").resolve("chain.pfx"), true);
        Scope scope = Fixture.freshScope("pfx");
        CertificateStoreNode root = Fixture.root(scope);

        ImportWizardBot wizard = Fixture.openImportWizard(bot, root);
        wizard.waitForPage(ImportWizardBot.WELCOME);
        assertTrue(wizard.shows("Store Location: Service (" + ((Scope.Service) scope).name() + ") on Local Machine"));
        assertFalse(wizard.back().isEnabled());
        wizard.screenshot("import-1-welcome");
        wizard.clickNext(ImportWizardBot.FILE);
        assertFalse(wizard.next().isEnabled(), "a file name is required");
        assertTrue(wizard.shows("Note: More than one certificate can be stored in a single file in the following "
                + "formats:"));
        wizard.page().textWithLabel("File name:").setText(file.toString());
        wizard.screenshot("import-2-file");
        wizard.clickNext(ImportWizardBot.KEY);
        assertFalse(wizard.page().checkBox(ImportWizardBot.EXPORTABLE).isChecked(), "not exportable by default");
        assertTrue(wizard.page().checkBox(ImportWizardBot.EXTENDED).isChecked());
        wizard.page().textWithLabel("Password:").setText(Fixture.PASSWORD);
        wizard.page().checkBox("Display Password").click();
        wizard.screenshot("import-3-private-key-protection");
        wizard.clickNext(ImportWizardBot.STORE);
        assertTrue(wizard.page().radio(ImportWizardBot.AUTOMATIC).isSelected(), "started from the root: automatic");
        wizard.screenshot("import-4-certificate-store");
        wizard.clickNext(ImportWizardBot.COMPLETING);
        List<String> summary = wizard.summary();
        assertEquals("Certificate Store Selected: Automatically determined by the wizard", summary.get(0));
        assertEquals("Content: PFX", summary.get(1));
        assertEquals("File Name: " + file, summary.get(2));
        assertTrue(summary.contains("Certificate: " + leaf.issuedTo() + ": Personal, with its private key"),
                summary.toString());
        wizard.screenshot("import-5-completing");
        CertificateStore store = Fixture.store(scope);
        assertTrue(store.listAll().entries().isEmpty(), "nothing is imported before Finish");

        String done = wizard.finishSuccessfully();
        assertTrue(done.startsWith("The import was successful."), done);

        List<CertificateEntry> chain = Fixture.store(leaf.scope()).chain(leaf).certificates();
        CertificateEntry imported = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertTrue(imported.hasPrivateKey());
        assertFalse(imported.exportable(), "Mark this key as exportable was off");
        assertTrue(store.find(LogicalStore.INTERMEDIATE, chain.get(1).thumbprint()).isPresent(),
                "the intermediate CA goes to Intermediate Certification Authorities");
        assertTrue(store.find(LogicalStore.TRUSTED_ROOT, chain.get(2).thumbprint()).isPresent(),
                "the self-signed root goes to Trusted Root Certification Authorities");
        assertEquals(3, store.listAll().entries().size());
    }

    @Test
    void wrongPasswordSaysSoAndTheCorrectOneThenImports() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Password"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("password").resolve("leaf.pfx"), false);
        Scope scope = Fixture.freshScope("password");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.KEY);
        wizard.page().textWithLabel("Password:").setText("not the password");
        wizard.next().click();
        String message = wizard.dismissMessage("import-3b-wrong-password");
        assertTrue(message.startsWith("The password is incorrect"), message);
        assertTrue(wizard.shows(ImportWizardBot.KEY), "the wizard stays on the password page");
        wizard.page().textWithLabel("Password:").setText(Fixture.PASSWORD);
        wizard.clickNext(ImportWizardBot.STORE);
        assertTrue(wizard.page().radio(ImportWizardBot.PLACE).isSelected(), "the store it was started from");
        assertEquals("Personal", wizard.page().textWithLabel("Certificate store:").getText());
        wizard.clickNext(ImportWizardBot.COMPLETING);
        assertEquals("Certificate Store Selected: Personal", wizard.summary().get(0));
        wizard.finishSuccessfully();
        CertificateStore store = Fixture.store(scope);
        assertEquals(3, store.list(LogicalStore.PERSONAL).entries().size(), "the chain went where it was told");
        assertTrue(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey());
    }

    @ParameterizedTest(name = "exportable {0}")
    @ValueSource(booleans = {false, true})
    void exportableOptionDecidesWhetherTheKeyCanBeExportedAgain(boolean exportable) throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Exportable"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("exportable").resolve("leaf.pfx"), false);
        Scope scope = Fixture.freshScope("exportable");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.KEY);
        if (exportable) {
            wizard.page().checkBox(ImportWizardBot.EXPORTABLE).select();
        }
        wizard.password(Fixture.PASSWORD);
        wizard.clickNext(ImportWizardBot.COMPLETING);
        assertTrue(wizard.summary().contains("Mark key as exportable: " + (exportable ? "Yes" : "No")));
        wizard.finishSuccessfully();

        CertificateStore store = Fixture.store(scope);
        CertificateEntry imported = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertEquals(exportable, imported.exportable());
        assertEquals(exportable ? Optional.empty() : Optional.of(AccessDenial.Reason.NOT_EXPORTABLE),
                store.whyKeyNotExportable(imported).map(AccessDenial::reason));
        assertTrue(Fixture.signsFor(Fixture.storedKey(imported), leaf.certificate().getPublicKey()),
                "the imported key is the certificate's");

        // What the Certificate Export Wizard says about the imported key.
        Fixture.openExportWizard(bot, imported);
        SWTBotShell export = bot.shell("Certificate Export Wizard");
        export.bot().button("Next >").click();
        bot.waitUntil(Conditions.condition("the Export Private Key page", () -> UIThreadRunnable.syncExec(
                bot.display(), () -> export.bot().findWidgets(org.cairn.testing.ui.WidgetMatcherFactory
                        .<org.eclipse.swt.widgets.Button>withText("Yes, export the private key")).stream()
                        .anyMatch(org.eclipse.swt.widgets.Control::isVisible))));
        assertEquals(exportable, export.bot().radio("Yes, export the private key").isEnabled());
        if (!exportable) {
            assertTrue(export.bot().label("Note: The associated private key is marked as not exportable. Only the "
                    + "certificate can be exported.").isVisible());
        }
        export.bot().button("Cancel").click();
        bot.waitUntil(Conditions.shellCloses(export));
    }

    @ParameterizedTest(name = "extended properties {0}")
    @ValueSource(booleans = {true, false})
    void extendedPropertiesBringTheDescriptionTheFriendlyNameAlwaysComes(boolean extended) throws Exception {
        CertificateEntry source = Fixture.demoLeaf(Fixture.unique("Properties"));
        CertificateStore sourceStore = Fixture.store(source.scope());
        source = sourceStore.setFriendlyName(source, "Web server 2026");
        source = sourceStore.setDescription(source, "Restored from the backup of the old server");
        Path file = Fixture.exportPfx(source, Fixture.folder("properties").resolve("leaf.pfx"), true);
        Scope scope = Fixture.freshScope("properties");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.KEY);
        if (!extended) {
            wizard.page().checkBox(ImportWizardBot.EXTENDED).deselect();
        }
        wizard.password(Fixture.PASSWORD);
        wizard.clickNext(ImportWizardBot.COMPLETING);
        assertTrue(wizard.summary().contains("Include all extended properties: " + (extended ? "Yes" : "No")));
        wizard.finishSuccessfully();

        CertificateEntry imported = Fixture.store(scope).find(LogicalStore.PERSONAL, source.thumbprint()).orElseThrow();
        assertEquals("Web server 2026", imported.friendlyName());
        assertEquals(extended ? "Restored from the backup of the old server" : "", imported.description());
    }

    @Test
    void certificateFilesNeedNoPasswordPageAndGoWhereTheirTypeSays() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Files"));
        Path folder = Fixture.folder("files");
        Path der = Fixture.export(leaf, ExportFormat.DER, folder.resolve("leaf.cer"), false);
        Path base64 = Fixture.export(leaf, ExportFormat.BASE64, folder.resolve("leaf-base64.crt"), false);
        Path p7b = Fixture.export(leaf, ExportFormat.PKCS7, folder.resolve("chain.p7b"), true);
        List<CertificateEntry> chain = Fixture.store(leaf.scope()).chain(leaf).certificates();

        record Case(Path file, String content) {
        }
        for (Case c : List.of(new Case(der, "Certificate"), new Case(base64, "Certificate"),
                new Case(p7b, "PKCS #7 Certificates"))) {
            Scope scope = Fixture.freshScope("files");
            ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
            wizard.chooseFile(c.file());
            wizard.waitForPage(ImportWizardBot.STORE);
            assertTrue(wizard.page().radio(ImportWizardBot.AUTOMATIC).isSelected());
            wizard.clickNext(ImportWizardBot.COMPLETING);
            List<String> summary = wizard.summary();
            assertEquals("Content: " + c.content(), summary.get(1), summary.toString());
            assertFalse(summary.stream().anyMatch(row -> row.startsWith("Mark key as exportable")), summary.toString());
            if (c.file() == p7b) {
                wizard.screenshot("import-5-completing-p7b");
            }
            wizard.back().click();
            wizard.waitForPage(ImportWizardBot.STORE);
            wizard.back().click();
            wizard.waitForPage(ImportWizardBot.FILE);
            assertEquals(c.file().toString(), wizard.page().textWithLabel("File name:").getText());
            wizard.clickNext(ImportWizardBot.STORE);
            wizard.clickNext(ImportWizardBot.COMPLETING);
            wizard.finishSuccessfully();

            CertificateStore store = Fixture.store(scope);
            // Without its key, a leaf goes to Other People; the CA certificates to their stores.
            CertificateEntry imported = store.find(LogicalStore.OTHER_PEOPLE, leaf.thumbprint()).orElseThrow();
            assertFalse(imported.hasPrivateKey());
            assertArrayEquals(leaf.encoded(), imported.encoded());
            boolean withChain = c.file() == p7b;
            assertEquals(withChain, store.find(LogicalStore.INTERMEDIATE, chain.get(1).thumbprint()).isPresent());
            assertEquals(withChain, store.find(LogicalStore.TRUSTED_ROOT, chain.get(2).thumbprint()).isPresent());
            assertEquals(withChain ? 3 : 1, store.listAll().entries().size());
        }
    }

    @ParameterizedTest(name = "encrypted key {0}")
    @ValueSource(booleans = {false, true})
    void pemWithKeyShowsThePrivateKeyPageAndImportsTheKey(boolean encrypted) throws Exception {
        Path folder = Fixture.folder("pem");
        String name = Fixture.unique("PEM");
        Path pem = Fixture.opensslPem(folder, name, encrypted ? "pem-Password-1" : null);
        Scope scope = Fixture.freshScope("pem");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
        wizard.chooseFile(pem);
        wizard.waitForPage(ImportWizardBot.KEY);
        assertEquals(encrypted, wizard.page().textWithLabel("Password:").isEnabled());
        if (!encrypted) {
            assertTrue(wizard.shows("The private key in this file is not protected by a password."));
            wizard.screenshot("import-3-private-key-pem-without-password");
            wizard.clickNext(ImportWizardBot.STORE);
        } else {
            wizard.password("pem-Password-1");
        }
        wizard.clickNext(ImportWizardBot.COMPLETING);
        assertEquals("Content: PEM bundle", wizard.summary().get(1));
        assertTrue(wizard.summary().contains("Certificate: " + name + ": Personal, with its private key"),
                wizard.summary().toString());
        wizard.finishSuccessfully();

        CertificateStore store = Fixture.store(scope);
        List<CertificateEntry> personal = store.list(LogicalStore.PERSONAL).entries();
        assertEquals(1, personal.size());
        CertificateEntry imported = personal.get(0);
        assertEquals(name, imported.issuedTo());
        assertTrue(imported.hasPrivateKey());
        assertTrue(Fixture.signsFor(Fixture.storedKey(imported), imported.certificate().getPublicKey()));
        assertEquals(1, store.listAll().entries().size(), "a self-signed leaf with its key goes to Personal only");
    }

    @Test
    void browseChoosesTheStoreForEveryCertificate() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Browse"));
        Path file = Fixture.export(leaf, ExportFormat.PKCS7, Fixture.folder("browse").resolve("chain.p7b"), true);
        Scope scope = Fixture.freshScope("browse");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.STORE);
        wizard.page().radio(ImportWizardBot.PLACE).click();
        assertFalse(wizard.next().isEnabled(), "no store chosen yet");
        wizard.page().button("Browse...").click();
        SWTBotShell select = wizard.dialog("Select Certificate Store");
        assertTrue(select.bot().label("Select the certificate store you want to use.").isVisible());
        ImportWizardBot.screenshot(select, "import-4b-select-certificate-store");
        assertFalse(select.bot().checkBox("Show physical stores").isChecked(), "logical stores unless asked");
        select.bot().tree().getTreeItem("Trusted People").select();
        select.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(select));
        assertEquals("Trusted People", wizard.page().textWithLabel("Certificate store:").getText());
        wizard.clickNext(ImportWizardBot.COMPLETING);
        assertEquals("Certificate Store Selected: Trusted People", wizard.summary().get(0));
        wizard.finishSuccessfully();

        CertificateStore store = Fixture.store(scope);
        assertEquals(3, store.list(LogicalStore.TRUSTED_PEOPLE).entries().size());
        assertEquals(3, store.listAll().entries().size(), "nothing went anywhere else");
    }

    /** Pages in order; Cancel is clicked on the page with this index. */
    @ParameterizedTest(name = "Cancel on page {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void cancelOnAnyPageImportsNothing(int cancelOn) throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Cancel"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("cancel").resolve("leaf.pfx"), true);
        Scope scope = Fixture.freshScope("cancel");

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.waitForPage(ImportWizardBot.WELCOME);
        List<Runnable> steps = List.of(() -> wizard.clickNext(ImportWizardBot.FILE), () -> {
            wizard.page().textWithLabel("File name:").setText(file.toString());
            wizard.clickNext(ImportWizardBot.KEY);
        }, () -> wizard.password(Fixture.PASSWORD), () -> wizard.clickNext(ImportWizardBot.COMPLETING));
        for (int page = 0; page < cancelOn; page++) {
            steps.get(page).run();
        }
        wizard.cancel();
        assertEquals(List.of(), Fixture.store(scope).listAll().entries(), "nothing was imported");
    }

    /**
     * Corpus files (see its MANIFEST.tsv): file, password, friendly name. An empty password opens files protected
     * with the empty and with the absent password, as Windows does.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "pyca_no-password.p12|''|cryptography CA",
            "rustcrypto_example.pfx|''|''",
            "rustcrypto_ValidCertificatePathTest1EE_windows_aes.p12.pfx|password|Valid Certificate Path Test1 EE",
            "sslmate-go-pkcs12_windows-certmgr_aes256.pfx|password|''"})
    void corpusFilesFromOtherToolsImportWithTheirKey(String name, String password, String friendlyName)
            throws Exception {
        Scope scope = Fixture.freshScope("corpus");
        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
        wizard.chooseFile(Fixture.corpus(name));
        wizard.password(password);
        wizard.clickNext(ImportWizardBot.COMPLETING);
        wizard.finishSuccessfully();

        List<CertificateEntry> personal = Fixture.store(scope).list(LogicalStore.PERSONAL).entries();
        assertEquals(1, personal.size(), "MANIFEST: one certificate, with its key");
        CertificateEntry imported = personal.get(0);
        assertTrue(imported.hasPrivateKey());
        assertEquals(friendlyName, imported.friendlyName());
        assertTrue(Fixture.signsFor(Fixture.storedKey(imported), imported.certificate().getPublicKey()));
    }

    @Test
    void damagedOrForeignFilesAreRefusedWithTheirOwnMessage() throws Exception {
        Scope scope = Fixture.freshScope("refused");
        Path folder = Fixture.folder("refused");
        Path text = folder.resolve("notes.cer");
        Files.writeString(text, "These are my notes, not a certificate.\n", StandardCharsets.UTF_8);

        // MANIFEST: "first 600 of 948 bytes: must be rejected as truncated" (password "cryptography").
        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(Fixture.corpus("derived_truncated_pyca_cert-key-aes256cbc.p12"));
        String truncated = messageAfterFile(wizard, "cryptography");
        assertTrue(truncated.contains("truncated"), truncated);
        assertFalse(truncated.contains("password is incorrect"), truncated);
        wizard.screenshot("import-error-page");
        wizard.cancel();

        // MANIFEST: "copy of rustcrypto_example3.pfx with the first byte of the MAC digest changed".
        wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(Fixture.corpus("derived_wrong-mac_rustcrypto_example3.pfx"));
        String wrongMac = pfxMessage(wizard, "1234");
        assertFalse(wrongMac.startsWith("The password is incorrect"), "the password decrypts the key: " + wrongMac);
        wizard.cancel();

        // MANIFEST: valid, but GOST algorithms that only GnuTLS reads (a Cyrillic password).
        wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(Fixture.corpus("gnutls_gost12.p12"));
        String unsupported = messageAfterFile(wizard, "Пароль для PFX");
        assertTrue(unsupported.contains("GOST"), unsupported);
        assertFalse(unsupported.startsWith("The password is incorrect"), unsupported);
        wizard.cancel();

        wizard = Fixture.openImportWizard(bot, Fixture.storeNode(scope, LogicalStore.PERSONAL));
        wizard.chooseFile(text);
        String foreign = wizard.dismissMessage("import-2b-not-a-certificate-file");
        assertTrue(foreign.contains("is not a certificate file Cairn can import"), foreign);
        assertTrue(wizard.shows(ImportWizardBot.FILE), "the wizard stays on the file page");
        wizard.cancel();

        assertEquals(List.of(), Fixture.store(scope).listAll().entries(), "nothing was imported");
    }

    /**
     * After Next on the file page: the message box shown there (a file too damaged to recognise), or the one shown
     * on the password page after {@code password}.
     */
    private String messageAfterFile(ImportWizardBot wizard, String password) {
        bot.waitUntil(Conditions.condition("the password page or a message",
                () -> wizard.shows(ImportWizardBot.KEY) || hasMessage()));
        return hasMessage() ? wizard.dismissMessage() : pfxMessage(wizard, password);
    }

    private boolean hasMessage() {
        return java.util.Arrays.stream(bot.shells()).anyMatch(s -> ImportWizardBot.TITLE.equals(s.getText())
                && UIThreadRunnable.syncExec(bot.display(), () -> s.widget.getParent() instanceof Shell parent
                        && ImportWizardBot.TITLE.equals(parent.getText())));
    }

    /** On the password page of a PKCS #12 file: types the password, Next, and returns the message box's text. */
    private static String pfxMessage(ImportWizardBot wizard, String password) {
        wizard.waitForPage(ImportWizardBot.KEY);
        wizard.page().textWithLabel("Password:").setText(password);
        wizard.next().click();
        String message = wizard.dismissMessage();
        assertTrue(wizard.shows(ImportWizardBot.KEY), "the wizard stays on the password page");
        return message;
    }

    @Test
    void certificatesAlreadyInTheStoreAreReportedAndLeftAsTheyWere() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Twice"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("twice").resolve("leaf.pfx"), false);
        Scope scope = Fixture.freshScope("twice");
        for (int round = 0; round < 2; round++) {
            ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
            wizard.chooseFile(file);
            wizard.password(Fixture.PASSWORD);
            wizard.clickNext(ImportWizardBot.COMPLETING);
            String done = wizard.finishSuccessfully();
            assertTrue(done.startsWith("The import was successful."), done);
            assertEquals(round == 1, done.contains("Already in the store, left as it was: " + leaf.subject()
                    + " (Personal)"), done);
        }
        assertEquals(3, Fixture.store(scope).listAll().entries().size());
    }

    @Test
    void aKeyForACertificateAlreadyInTheStoreWithoutItIsRefusedAtFinishAndNothingIsImported() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Keyless"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("keyless").resolve("leaf.pfx"), false);
        Scope scope = Fixture.freshScope("keyless");
        CertificateStore store = Fixture.store(scope);
        store.add(LogicalStore.PERSONAL, leaf.certificate(), Optional.empty(),
                org.cairn.certificates.core.EntryAttributes.defaults().withFriendlyName("Certificate only"));

        ImportWizardBot wizard = Fixture.openImportWizard(bot, Fixture.root(scope));
        wizard.chooseFile(file);
        wizard.password(Fixture.PASSWORD);
        wizard.clickNext(ImportWizardBot.COMPLETING);
        wizard.finish().click();
        String message = wizard.dismissMessage();
        assertTrue(message.startsWith("The import failed: The certificate " + leaf.thumbprint()), message);
        assertTrue(message.contains("without its private key"), message);
        assertTrue(message.contains("Nothing was imported."), message);
        assertTrue(wizard.shows(ImportWizardBot.COMPLETING), "the wizard stays open");
        wizard.cancel();
        assertEquals(1, store.listAll().entries().size(), "nothing of the file was imported, not even its CAs");
        assertFalse(store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().hasPrivateKey());
    }

    /** Gives the test the wizard's texts the way e4 gives them to the handler. */
    public static final class Texts {
        @Inject
        @Translation
        public Messages messages;
    }

    @Test
    void aStoreTheAccountMayNotChangeDisablesImportAndTheStorePageSaysWhy() throws Exception {
        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Rights"));
        Path file = Fixture.exportPfx(leaf, Fixture.folder("rights").resolve("leaf.pfx"), false);
        // An ordinary account on the computer's stores (the tests run as root: the same stores, another identity).
        CertificateStoreService root = Fixture.service(CertificateStoreService.class);
        CertificateStoreService asAlice = CertificateStores.create(root.roots(), new Identity(1000, "alice"),
                List.of(CertificateStores.fileStoreProvider()));
        Files.createDirectories(root.roots().root(Scope.computer()));
        CertificateStore computer = asAlice.open(Scope.computer());
        AccessDenial denial = computer.whyCannotAdd(LogicalStore.PERSONAL).orElseThrow();

        CertificateStoreNode personal = Fixture.storeNode(Scope.computer(), LogicalStore.PERSONAL);
        assertTrue(Fixture.canImport(bot, personal), "root may import into the computer's stores");
        Messages messages = UIThreadRunnable.syncExec(bot.display(),
                () -> ContextInjectionFactory.make(Texts.class, Fixture.applicationContext()).messages);
        Optional<String> why = org.cairn.certificates.ui.importing.internal.ImportHandler.whyCannotImport(personal,
                asAlice, messages);
        assertEquals(Optional.of("You cannot import certificates into Personal: " + denial.message()), why);
        assertFalse(new org.cairn.certificates.ui.importing.internal.ImportHandler().canExecute(personal, null,
                asAlice, CertificateImportServices.create(asAlice), messages));

        UIThreadRunnable.asyncExec(bot.display(), () -> new ImportWizardDialog(window, new ImportWizard(Scope.computer(),
                Optional.of(LogicalStore.PERSONAL), computer::whyCannotAdd, CertificateImportServices.create(asAlice),
                messages, Path.of(System.getProperty("user.home")))).open());
        ImportWizardBot wizard = new ImportWizardBot(bot);
        wizard.chooseFile(file);
        wizard.password(Fixture.PASSWORD);
        assertTrue(wizard.shows("You cannot import certificates into Personal."));
        assertTrue(wizard.shows("Reason: " + denial.message()));
        assertFalse(wizard.next().isEnabled());
        wizard.screenshot("import-4-store-denied");
        wizard.cancel();
        assertTrue(root.open(Scope.computer()).find(LogicalStore.PERSONAL, leaf.thumbprint()).isEmpty());
    }
}
