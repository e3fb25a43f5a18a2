package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.CertificateUiIds;
import org.cairn.certificates.ui.internal.CertificateColumn;
import org.cairn.certificates.ui.internal.CertificateDialog;
import org.cairn.certificates.ui.internal.ExportCommand;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.inject.Named;

/** The certificate dialog on real store entries: a demo chain installed in the current user's stores. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class CertificateDialogTest {

    private CertificateStore store;
    private String name;
    private CertificateEntry leaf;
    private CertificateDialog dialog;

    @BeforeEach
    void installDemoChain() throws Exception {
        store = App.stores().open(Scope.currentUser());
        name = App.unique("Contoso Web");
        DemoChain chain = App.factory().createDemoChain(name, KeyAlgorithm.EC_P256);
        leaf = App.factory().install(store, chain);
    }

    @AfterEach
    void closeDialog() {
        App.close(dialog);
    }

    /** Opens the dialog and waits for its certification path, which is built in the background. */
    private SWTBotShell open(CertificateEntry entry, Optional<ExportCommand> export) {
        dialog = App.open(parent -> new CertificateDialog(parent, store, entry, export));
        SWTBotShell shell = new SWTBot().shell("Certificate");
        shell.bot().waitUntil(Conditions.condition("the certification path is built",
                () -> !UIThreadRunnable.syncExec(shell.bot().display(), () -> saysChecking(shell.widget))));
        return shell;
    }

    /** @return whether a label under {@code parent} still says the path is being built (one UI-thread pass) */
    private static boolean saysChecking(org.eclipse.swt.widgets.Composite parent) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Label label
                    && label.getText().equals("Checking the certification path...")
                    || child instanceof org.eclipse.swt.widgets.Composite composite && saysChecking(composite)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void generalTabShowsPurposesNamesValidityAndPrivateKey() {
        SWTBotShell shell = open(leaf, Optional.empty());
        SWTBot bot = shell.bot();
        List<String> labels = Widgets.labels(bot);
        assertTrue(labels.contains("Certificate Information"), labels.toString());
        assertTrue(labels.contains("This certificate is intended for the following purpose(s):"), labels.toString());
        assertTrue(labels.contains("\u2022 Server Authentication"), labels.toString());
        assertTrue(labels.contains("\u2022 Client Authentication"), labels.toString());
        assertTrue(labels.contains("You have a private key that corresponds to this certificate."), labels.toString());
        assertEquals(name, bot.textWithLabel("Issued to:").getText());
        assertEquals(name + " Intermediate CA", bot.textWithLabel("Issued by:").getText());
        assertEquals(org.cairn.certificates.ui.internal.Formats.shortDate(leaf.notBefore()),
                bot.textWithLabel("Valid from").getText());
        assertEquals(org.cairn.certificates.ui.internal.Formats.shortDate(leaf.notAfter()),
                bot.textWithLabel("to").getText());
        App.screenshot(shell.widget, "certificate-general");
    }

    @Test
    void detailsTabListsEveryFieldExtensionAndPropertyWithValuePane() {
        SWTBotShell shell = open(leaf, Optional.empty());
        SWTBot bot = shell.bot();
        bot.tabItem("Details").activate();
        SWTBotTable fields = bot.table();
        List<String> names = firstColumn(fields);
        for (String field : List.of("Version", "Serial number", "Signature algorithm", "Signature hash algorithm",
                "Issuer", "Valid from", "Valid to", "Subject", "Public key", "Public key parameters",
                "Basic Constraints", "Key Usage", "Enhanced Key Usage", "Thumbprint", "Private key")) {
            assertTrue(names.contains(field), field + " in " + names);
        }
        assertEquals("V3", fields.cell(fields.indexOf("Version"), 1));
        assertEquals("sha256ECDSA", fields.cell(fields.indexOf("Signature algorithm"), 1));
        assertEquals("ECC (256 Bits)", fields.cell(fields.indexOf("Public key"), 1));
        assertEquals(leaf.thumbprint().toLowerCase(Locale.ROOT), fields.cell(fields.indexOf("Thumbprint"), 1));
        assertEquals(name + ", Cairn Demo", fields.cell(fields.indexOf("Subject"), 1));
        assertTrue(fields.cell(fields.indexOf("Enhanced Key Usage"), 1)
                .contains("Server Authentication (1.3.6.1.5.5.7.3.1)"));

        fields.select(fields.indexOf("Subject"));
        bot.sleep(200);
        bot.waitUntil(Conditions.condition("the value pane shows the subject",
                () -> Widgets.texts(bot).contains("CN = " + name + "\nO = Cairn Demo")));
        App.screenshot(shell.widget, "certificate-details");

        bot.comboBoxWithLabel("Show:").setSelection("Extensions Only");
        bot.waitUntil(Conditions.condition("only extensions are listed",
                () -> !firstColumn(fields).contains("Version") && firstColumn(fields).contains("Key Usage")));
        bot.comboBoxWithLabel("Show:").setSelection("Properties Only");
        bot.waitUntil(Conditions.condition("only properties are listed",
                () -> firstColumn(fields).contains("Thumbprint") && !firstColumn(fields).contains("Key Usage")));
    }

    @Test
    void aCertificateFromATemplateShowsItsTemplateAndItsExtensionsDecoded() throws Exception {
        String host = App.unique("web").replace(' ', '-') + ".fabrikam.com";
        CertificateEntry added = store.add(LogicalStore.PERSONAL, TemplateCertificates.webServer(host, "WebServer"),
                Optional.empty(), org.cairn.certificates.core.EntryAttributes.defaults());
        // the listing (from the store's index) knows the template without reading the certificate
        CertificateEntry listed = store.list(LogicalStore.PERSONAL).find(added.thumbprint()).orElseThrow();
        assertEquals("WebServer", CertificateColumn.CERTIFICATE_TEMPLATE.text(listed));
        assertEquals("", CertificateColumn.CERTIFICATE_TEMPLATE.text(leaf));

        SWTBotShell shell = open(listed, Optional.empty());
        SWTBot bot = shell.bot();
        bot.tabItem("Details").activate();
        SWTBotTable fields = bot.table();
        assertEquals("WebServer", fields.cell(fields.indexOf("Certificate Template Name"), 1));
        assertEquals("Digital Signature, Key Encipherment (a0)", fields.cell(fields.indexOf("Key Usage"), 1));
        assertEquals("DNS Name=" + host + ", IP Address=10.0.0.7",
                fields.cell(fields.indexOf("Subject Alternative Name"), 1));
        fields.select(fields.indexOf("CRL Distribution Points"));
        bot.waitUntil(Conditions.condition("the value pane shows the distribution point, one item a line",
                () -> Widgets.texts(bot).contains("""
                        [1]CRL Distribution Point
                             Distribution Point Name:
                                  Full Name:
                                       URL=http://crl.fabrikam.com/issuing.crl""")));
        App.screenshot(shell.widget, "certificate-details-extensions");
    }

    @Test
    void certificationPathShowsTheChainFromTheRootDownWithStatus() {
        SWTBotShell shell = open(leaf, Optional.empty());
        SWTBot bot = shell.bot();
        bot.tabItem("Certification Path").activate();
        var tree = bot.tree();
        SWTBotTreeItem[] roots = tree.getAllItems();
        assertEquals(1, roots.length);
        assertEquals(name + " Root CA", roots[0].getText());
        SWTBotTreeItem intermediate = roots[0].getNode(name + " Intermediate CA");
        SWTBotTreeItem leafItem = intermediate.getNode(name);
        assertTrue(leafItem.isSelected());
        assertTrue(Widgets.texts(bot).contains("This certificate is OK."), Widgets.texts(bot).toString());
        App.screenshot(shell.widget, "certificate-path");

        roots[0].select();
        bot.waitUntil(Conditions.condition("View Certificate is offered for the root",
                () -> bot.button("View Certificate").isEnabled()));
    }

    @Test
    void missingIssuerIsReportedOnGeneralAndCertificationPath() throws Exception {
        GeneratedCertificate orphanIssuer = App.factory().createSelfSigned(CertificateRequest.of("CN=" + name + " Lost CA"));
        GeneratedCertificate orphan = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Orphan")
                .withPurposes(List.of(Purpose.CLIENT_AUTHENTICATION)), orphanIssuer, false);
        CertificateEntry entry = store.add(LogicalStore.PERSONAL, orphan.certificate(), Optional.empty(),
                orphan.attributes());

        SWTBotShell shell = open(entry, Optional.empty());
        SWTBot bot = shell.bot();
        assertTrue(Widgets.labels(bot).contains("Cairn does not have enough information to verify this certificate."),
                Widgets.labels(bot).toString());
        assertFalse(Widgets.labels(bot).contains("You have a private key that corresponds to this certificate."));
        bot.tabItem("Certification Path").activate();
        assertEquals(name + " Orphan", bot.tree().getAllItems()[0].getText());
        assertTrue(Widgets.texts(bot).stream().anyMatch(text -> text.replace("\r", "").equals(
                "The issuer of this certificate could not be found.\nMissing issuer: CN=" + name + " Lost CA")),
                Widgets.texts(bot).toString());
    }

    /**
     * A leaf issued by a certificate that is not a CA (basicConstraints cA false, no keyCertSign) under a trusted
     * root: the names and signatures link, so only PKIX validation finds it wrong. Both tabs say so; the issuer is
     * marked on the path, the root is fine.
     */
    @Test
    void issuerThatIsNotACaIsReportedOnGeneralAndCertificationPath() throws Exception {
        DemoChain chain = App.factory().createDemoChain(name + " NotCA", KeyAlgorithm.EC_P256);
        GeneratedCertificate notCa = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Not a CA"),
                chain.root(), false);
        GeneratedCertificate issued = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Issued by not a CA")
                .withPurposes(List.of(Purpose.SERVER_AUTHENTICATION)), notCa, false);
        store.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), chain.root().attributes());
        store.add(LogicalStore.INTERMEDIATE, notCa.certificate(), Optional.empty(), notCa.attributes());
        CertificateEntry entry = store.add(LogicalStore.PERSONAL, issued.certificate(), Optional.empty(), issued.attributes());
        String reason = "One of the CA certificates is not valid for issuing.";

        SWTBotShell shell = open(entry, Optional.empty());
        SWTBot bot = shell.bot();
        assertTrue(Widgets.labels(bot).contains(reason), Widgets.labels(bot).toString());
        assertFalse(Widgets.labels(bot).contains("This certificate is intended for the following purpose(s):"),
                "no purposes are promised for a certificate that does not validate");
        bot.tabItem("Certification Path").activate();
        SWTBotTreeItem root = bot.tree().getAllItems()[0];
        assertEquals(name + " NotCA Root CA", root.getText());
        SWTBotTreeItem issuer = root.getNode(name + " Not a CA");
        SWTBotTreeItem leafItem = issuer.getNode(name + " Issued by not a CA");
        assertTrue(leafItem.isSelected());
        assertTrue(Widgets.texts(bot).contains(reason), Widgets.texts(bot).toString());
        App.screenshot(shell.widget, "certificate-path-not-a-ca");

        issuer.select();
        bot.waitUntil(Conditions.condition("the issuer is marked as not valid for issuing",
                () -> Widgets.texts(bot).contains(reason)));
        root.select();
        bot.waitUntil(Conditions.condition("the root is OK", () -> Widgets.texts(bot).contains("This certificate is OK.")));
    }

    @Test
    void selfSignedCertificateOutsideTrustedRootIsNotTrusted() throws Exception {
        CertificateEntry selfSigned = App.factory().createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=" + name + " Self"));
        SWTBotShell shell = open(selfSigned, Optional.empty());
        SWTBot bot = shell.bot();
        assertTrue(Widgets.labels(bot).contains("This CA Root certificate is not trusted. To enable trust, install "
                + "this certificate in the Trusted Root Certification Authorities store."), Widgets.labels(bot).toString());
        bot.tabItem("Certification Path").activate();
        assertTrue(Widgets.texts(bot).contains("This CA Root certificate is not trusted because it is not in the "
                + "Trusted Root Certification Authorities store."), Widgets.texts(bot).toString());
    }

    @Test
    void expiredCertificateSaysSo() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        CertificateEntry expired = App.factory().createSelfSignedIn(store, LogicalStore.PERSONAL,
                CertificateRequest.of("CN=" + name + " Expired").withValidity(start, start.plus(Duration.ofDays(10))));
        SWTBotShell shell = open(expired, Optional.empty());
        assertTrue(Widgets.labels(shell.bot()).contains("This certificate has expired or is not yet valid."));
    }

    @Test
    void copyToFileIsDisabledWithoutAnExportHandler() {
        SWTBotShell shell = open(leaf, ExportCommand.in(App.applicationContext()));
        SWTBot bot = shell.bot();
        bot.tabItem("Details").activate();
        assertFalse(bot.button("Copy to File...").isEnabled());
        assertEquals("The Certificate Export Wizard is not installed.", Widgets.toolTip(bot, "Copy to File..."));
        assertTrue(bot.button("Edit Properties...").isEnabled());
    }

    @Test
    void copyToFileRunsTheExportCommandOnThisCertificate() {
        RecordingExportHandler handler = new RecordingExportHandler();
        EHandlerService handlers = App.applicationContext().get(EHandlerService.class);
        org.cairn.testing.ui.UIThreadRunnable.syncExec(App.display(),
                () -> handlers.activateHandler(CertificateUiIds.EXPORT_COMMAND, handler));
        try {
            SWTBotShell shell = open(leaf, ExportCommand.in(App.applicationContext()));
            SWTBot bot = shell.bot();
            bot.tabItem("Details").activate();
            bot.button("Copy to File...").click();
            bot.waitUntil(Conditions.condition("the export handler ran", () -> handler.received.get() != null));
            assertEquals(List.of(leaf), handler.received.get());
        } finally {
            org.cairn.testing.ui.UIThreadRunnable.syncExec(App.display(),
                    () -> handlers.deactivateHandler(CertificateUiIds.EXPORT_COMMAND, handler));
        }
    }

    private static List<String> firstColumn(SWTBotTable table) {
        List<String> names = new ArrayList<>();
        for (int row = 0; row < table.rowCount(); row++) {
            names.add(table.cell(row, 0));
        }
        return names;
    }

    /** Stands in for the export wizard bundle's handler: records what it was asked to export. */
    public static final class RecordingExportHandler {
        /** What the last export was asked for. */
        public final AtomicReference<List<?>> received = new AtomicReference<>();

        @CanExecute
        public boolean canExecute(@Named(CertificateUiIds.SELECTED_ENTRIES) List<?> entries) {
            return !entries.isEmpty();
        }

        @Execute
        public void execute(@Named(CertificateUiIds.SELECTED_ENTRIES) List<?> entries) {
            received.set(entries);
        }
    }
}
