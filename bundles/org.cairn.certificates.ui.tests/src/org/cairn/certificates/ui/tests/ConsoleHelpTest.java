package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Help on the snap-in in the console window: Help → Certificates Help while a node of the snap-in is selected (not
 * on other nodes), starting with the backup for a selected certificate and with the stores for a store; the host's
 * Action → Help points to it.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ConsoleHelpTest {

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private List<String> helpMenu() {
        return console.shell().bot().menu("Help").menuItems();
    }

    /** Opens Help → Certificates Help; @return its text */
    private String certificatesHelp(String screenshot) {
        console.shell().bot().menu("Help").menu("Certificates Help").click();
        SWTBotShell help = bot.shell("Certificates Help");
        String text = Widgets.texts(help.bot()).getFirst();
        if (screenshot != null) {
            App.screenshot(help.widget, screenshot);
        }
        help.bot().button("Close").click();
        bot.waitUntil(Conditions.shellCloses(help));
        return text;
    }

    @Test
    void certificatesHelpExplainsBackupForACertificateAndStoresForAStore() throws Exception {
        String service = App.unique("help").replace(' ', '-');
        CertificateStore store = App.stores().open(Scope.service(service));
        GeneratedCertificate made = App.factory().createSelfSigned(CertificateRequest.of("CN=help.example.org"));
        store.add(LogicalStore.PERSONAL, made.certificate(), Optional.of(made.privateKey()), made.attributes());

        assertFalse(helpMenu().contains("Certificates Help"), "not offered on the Console Root: " + helpMenu());
        SWTBotTreeItem root = console.addServiceCertificates(service);
        SWTBotTreeItem personal = root.expand().getNode("Personal");
        SWTBotTable table = console.selectAndList(personal.expand().getNode("Certificates"));
        bot.waitUntil(Conditions.tableHasRows(table, 1));
        table.select(0);

        String onCertificate = certificatesHelp("certificates-help");
        assertTrue(onCertificate.startsWith("About the selected certificate: help.example.org\n\n"
                + "Back up a certificate with its private key\n"), onCertificate);
        for (String needed : List.of("Action > All Tasks > Export...", "Yes, export the private key",
                "Personal Information Exchange - PKCS #12 (.PFX)", "Restore a certificate", "Action > All Tasks > Import...",
                "Issued To:", "Intended Purposes:", "Certificate Template:", "Trusted Root Certification Authorities")) {
            assertTrue(onCertificate.contains(needed), needed + " in\n" + onCertificate);
        }

        personal.select();
        String onStore = certificatesHelp(null);
        assertTrue(onStore.startsWith("About this store: Personal\n\nCertificate stores\nPersonal holds"), onStore);
        assertTrue(onStore.contains("Back up a certificate with its private key"), onStore);

        // the host's Action > Help describes the snap-in and points to its help
        console.shell().bot().menu("Action").menu("Help").click();
        SWTBotShell hostHelp = bot.shell("Help");
        assertTrue(Widgets.labels(hostHelp.bot()).stream().anyMatch(text -> text.contains("Help > Certificates Help")),
                Widgets.labels(hostHelp.bot()).toString());
        hostHelp.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(hostHelp));
    }
}
