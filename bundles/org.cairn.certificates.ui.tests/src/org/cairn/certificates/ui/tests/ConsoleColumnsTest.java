package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.internal.Formats;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The host's list tools on certificate lists: Action → Export List... writes the certificate columns with their
 * values (all rows, the selected rows), View → Customize Columns... hides and reorders them, and the console file
 * keeps that layout when it is saved and opened again.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleColumnsTest {

    private static final List<String> COLUMNS = List.of("Issued To", "Issued By", "Expiration Date", "Intended Purposes",
            "Friendly Name", "Status", "Certificate Template");

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    private String service;
    private CertificateEntry alpha;
    private CertificateEntry beta;
    private CertificateEntry gamma;

    @BeforeEach
    void threeCertificatesInAServiceStore() throws Exception {
        console.newConsole();
        service = App.unique("columns").replace(' ', '-');
        CertificateStore store = App.stores().open(Scope.service(service));
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
        GeneratedCertificate a = App.factory().createSelfSigned(CertificateRequest.of("CN=alpha.example.org")
                .withValidity(start, start.plus(Duration.ofDays(90)))
                .withPurposes(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION)));
        alpha = store.add(LogicalStore.PERSONAL, a.certificate(), Optional.of(a.privateKey()),
                EntryAttributes.defaults().withFriendlyName("Alpha, the web server"));
        GeneratedCertificate b = App.factory().createSelfSigned(CertificateRequest.of("CN=beta.example.org")
                .withValidity(start.minus(Duration.ofDays(400)), start));
        beta = store.add(LogicalStore.PERSONAL, b.certificate(), Optional.empty(), EntryAttributes.defaults());
        gamma = store.add(LogicalStore.PERSONAL, TemplateCertificates.webServer("gamma.example.org", "WebServer"),
                Optional.empty(), EntryAttributes.defaults());
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private SWTBotTable showPersonal() {
        SWTBotTreeItem root = console.addServiceCertificates(service);
        SWTBotTable table = console.selectAndList(root.expand().getNode("Personal").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.tableHasRows(table, 3));
        return table;
    }

    private static Path folder(String name) throws Exception {
        Path folder = Path.of(System.getProperty("cairn.store.root")).resolveSibling("consoles").resolve(name);
        Files.createDirectories(folder);
        return folder;
    }

    private void exportList(Path file, String type, boolean selectedOnly) throws Exception {
        Files.deleteIfExists(file);
        console.shell().bot().menu("Action").menu("Export List...").click();
        SWTBotShell dialog = bot.shell("Export List");
        dialog.bot().comboBoxWithLabel("Save as type:").setSelection(type);
        if (selectedOnly) {
            dialog.bot().checkBox("Save only selected rows").select();
        }
        dialog.bot().textWithLabel("File name:").setText(file.toString());
        dialog.bot().button("Save").click();
        bot.waitUntil(Conditions.shellCloses(dialog));
        bot.waitUntil(Conditions.condition(file + " is written", () -> Files.exists(file)));
    }

    @Test
    void exportListWritesTheCertificateColumnsForAllAndForSelectedRows() throws Exception {
        SWTBotTable table = showPersonal();
        assertEquals(COLUMNS, table.columns());
        // the expired certificate (row 1) is drawn grey (RowStyle.DIMMED), the valid ones are not
        var foregrounds = UIThreadRunnable.syncExec(bot.display(), () -> List.of(
                table.widget.getItem(0).getForeground(0).getRGB(), table.widget.getItem(1).getForeground(0).getRGB(),
                table.widget.getItem(2).getForeground(0).getRGB(),
                bot.display().getSystemColor(org.eclipse.swt.SWT.COLOR_WIDGET_DISABLED_FOREGROUND).getRGB()));
        assertEquals(foregrounds.get(3), foregrounds.get(1), "expired: dimmed");
        assertEquals(foregrounds.get(0), foregrounds.get(2), "valid rows alike");
        assertNotEquals(foregrounds.get(0), foregrounds.get(1), "valid rows are not dimmed");

        // Status is the chain verdict: alpha is self-signed outside Trusted Root, gamma's issuer is in no store
        Path all = folder("certificate-lists").resolve("personal.csv");
        exportList(all, "Text (Comma Delimited) (*.csv)", false);
        assertEquals(List.of(String.join(",", COLUMNS),
                "alpha.example.org,alpha.example.org," + Formats.shortDate(alpha.notAfter())
                        + ",\"Server Authentication, Client Authentication\",\"Alpha, the web server\",Root not trusted,",
                "beta.example.org,beta.example.org," + Formats.shortDate(beta.notAfter()) + ",<All>,<None>,Expired,",
                "gamma.example.org,Fabrikam Issuing CA," + Formats.shortDate(gamma.notAfter())
                        + ",<All>,<None>,Issuer not found,WebServer"),
                Files.readAllLines(all));

        table.select(0, 2);
        Path selected = folder("certificate-lists").resolve("selected.txt");
        exportList(selected, "Text (Tab Delimited) (*.txt)", true);
        assertEquals(List.of(String.join("\t", COLUMNS),
                "alpha.example.org\talpha.example.org\t" + Formats.shortDate(alpha.notAfter())
                        + "\tServer Authentication, Client Authentication\tAlpha, the web server\tRoot not trusted\t",
                "gamma.example.org\tFabrikam Issuing CA\t" + Formats.shortDate(gamma.notAfter())
                        + "\t<All>\t<None>\tIssuer not found\tWebServer"),
                Files.readAllLines(selected));
    }

    /**
     * Intended Purposes and Status come from the certification path, in the details pane and in Find Certificates
     * alike: a CA limited to Server Authentication narrows its leaf's "&lt;All&gt;", and a self-signed certificate
     * outside Trusted Root is "Root not trusted" although its own dates are fine.
     */
    @Test
    void purposesAndStatusFollowTheCertificationPathInTheListAndInFind() throws Exception {
        CertificateStore store = App.stores().open(Scope.service(service));
        String name = App.unique("Path");
        var chain = App.factory().createDemoChain(name, org.cairn.certificates.core.KeyAlgorithm.EC_P256);
        store.add(LogicalStore.TRUSTED_ROOT, chain.root().certificate(), Optional.empty(), EntryAttributes.defaults());
        store.add(LogicalStore.INTERMEDIATE, chain.intermediate().certificate(), Optional.empty(),
                EntryAttributes.defaults());
        GeneratedCertificate serverCa = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Server CA")
                .withPurposes(List.of(Purpose.SERVER_AUTHENTICATION)), chain.intermediate(), true);
        store.add(LogicalStore.INTERMEDIATE, serverCa.certificate(), Optional.empty(), EntryAttributes.defaults());
        GeneratedCertificate web = App.factory().createIssued(CertificateRequest.of("CN=" + name + " Web"), serverCa,
                false);
        store.add(LogicalStore.PERSONAL, web.certificate(), Optional.empty(), EntryAttributes.defaults());
        GeneratedCertificate lonely = App.factory().createSelfSigned(CertificateRequest.of("CN=" + name + " Lonely"));
        store.add(LogicalStore.PERSONAL, lonely.certificate(), Optional.empty(), EntryAttributes.defaults());

        SWTBotTreeItem root = console.addServiceCertificates(service);
        SWTBotTable table = console.selectAndList(root.expand().getNode("Personal").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.tableHasRows(table, 5));
        int webRow = row(table, name + " Web");
        assertEquals("Server Authentication", table.cell(webRow, "Intended Purposes"), "narrowed by its CA");
        assertEquals("", table.cell(webRow, "Status"));
        assertEquals("Root not trusted", table.cell(row(table, name + " Lonely"), "Status"));

        root.select();
        console.shell().bot().menu("Action").menu("Find Certificates...").click();
        SWTBotShell find = bot.shell("Find Certificates");
        find.bot().textWithLabel("Contains:").setText(name);
        find.bot().button("Find Now").click();
        bot.waitUntil(Conditions.condition("the search is done",
                () -> Widgets.labels(find.bot()).contains("5 certificate(s) found")));
        SWTBotTable found = find.bot().table();
        int foundWeb = row(found, name + " Web");
        assertEquals("Server Authentication", found.cell(foundWeb, "Intended Purposes"));
        assertEquals("", found.cell(foundWeb, "Status"));
        assertEquals("Root not trusted", found.cell(row(found, name + " Lonely"), "Status"));
        assertEquals("", found.cell(row(found, name + " Root CA"), "Status"));
        find.bot().button("Close").click();
        bot.waitUntil(Conditions.shellCloses(find));
    }

    private static int row(SWTBotTable table, String issuedTo) {
        int row = table.indexOf(issuedTo);
        assertTrue(row >= 0, issuedTo + " is listed");
        return row;
    }

    @Test
    void customizedColumnsAreExportedAndSurviveSavingAndOpeningTheConsole() throws Exception {
        showPersonal();
        console.shell().bot().menu("View").menu("Customize Columns...").click();
        SWTBotShell columns = bot.shell("Add/Remove Columns");
        org.eclipse.swt.widgets.Table list = columns.bot().table().widget;
        UIThreadRunnable.syncExec(bot.display(), () -> {
            list.getItem(3).setChecked(false); // Intended Purposes
            list.setSelection(6); // Certificate Template
        });
        for (int i = 0; i < 6; i++) {
            columns.bot().button("Move Up").click();
        }
        App.screenshot(columns.widget, "console-customize-columns");
        columns.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(columns));
        List<String> customized = List.of("Certificate Template", "Issued To", "Issued By", "Expiration Date",
                "Friendly Name", "Status");
        bot.waitUntil(Conditions.condition("Intended Purposes hidden, Certificate Template first",
                () -> console.details().columns().equals(customized)));

        Path exported = folder("certificate-lists").resolve("customized.txt");
        exportList(exported, "Text (Tab Delimited) (*.txt)", false);
        List<String> lines = Files.readAllLines(exported);
        assertEquals(String.join("\t", customized), lines.get(0));
        assertEquals("WebServer\tgamma.example.org\tFabrikam Issuing CA\t" + Formats.shortDate(gamma.notAfter())
                + "\t<None>\tIssuer not found", lines.get(3));

        Path file = folder("certificate-columns").resolve("columns.cairn");
        Files.deleteIfExists(file);
        console.shell().bot().menu("File").menu("Save As...").click();
        SWTBotShell saveAs = bot.shell("Save As");
        saveAs.bot().textWithLabel("File name:").setText(file.toString());
        saveAs.bot().button("Save").click();
        bot.waitUntil(Conditions.condition("saved", () -> Files.exists(file) && console.title().startsWith("columns.cairn")));

        console.newConsole();
        console.shell().bot().menu("File").menu("Open...").click();
        SWTBotShell open = bot.shell("Open");
        open.bot().textWithLabel("File name:").setText(file.toString());
        open.bot().button("Open").click();
        String rootLabel = "Certificates - Service (" + service + ") on Local Computer";
        bot.waitUntil(Conditions.condition("the console is open", () -> console.title().startsWith("columns.cairn")));
        SWTBotTreeItem root = console.shell().bot().tree().getTreeItem("Console Root").expand().getNode(rootLabel);
        SWTBotTable reopened = console.selectAndList(root.expand().getNode("Personal").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.tableHasRows(reopened, 3));
        assertEquals(customized, reopened.columns());
        assertEquals("WebServer", reopened.cell(2, "Certificate Template"));
        assertTrue(!reopened.columns().contains("Intended Purposes"));
    }
}
