package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.CertificateStoreException;
import org.cairn.certificates.core.CertificateStoreService;
import org.cairn.certificates.core.CertificateStores;
import org.cairn.certificates.core.Identity;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.export.ExportFormat;
import org.cairn.certificates.importing.CertificateImportServices;
import org.cairn.certificates.system.internal.SystemLayout;
import org.cairn.certificates.system.internal.SystemTrustProvider;
import org.cairn.certificates.ui.importing.internal.ImportWizard;
import org.cairn.certificates.ui.importing.internal.ImportWizardDialog;
import org.cairn.certificates.ui.importing.internal.Messages;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing a root into the computer's Trusted Root Certification Authorities without naming a physical store goes to
 * the local trust anchors, and the Completing page says so in the administrator's words. The anchors are a Debian
 * layout under a temporary root; its update command is a script that refuses, and the wizard is cancelled on the
 * Completing page, so nothing of the machine's trust can change (the real update is proved in the system bundle's
 * namespace tests).
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class LocalAnchorsSummaryTest {

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
    void aRootForTheComputerGoesToTheLocalAnchorsAndTheSummarySaysSo(@TempDir Path tmp) throws Exception {
        Path root = tmp.resolve("root");
        Path anchors = Files.createDirectories(root.resolve("usr/local/share/ca-certificates"));
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path update = bin.resolve("update-ca-certificates");
        Files.writeString(update, "#!/bin/sh\necho 'a test layout: nothing is updated' >&2\nexit 1\n");
        Files.setPosixFilePermissions(update, PosixFilePermissions.fromString("rwxr-xr-x"));
        CertificateStoreService stores = CertificateStores.create(StoreRoots.under(tmp.resolve("stores")),
                new Identity(0, "root"), List.of(CertificateStores.fileStoreProvider(),
                        new SystemTrustProvider(new SystemLayout(root, List.of(bin), Optional.empty()))));
        CertificateStore computer = stores.open(Scope.computer());
        assertEquals(".LocalAnchors", computer.addTarget(LogicalStore.TRUSTED_ROOT).orElseThrow().name());

        CertificateEntry leaf = Fixture.demoLeaf(Fixture.unique("Anchor"));
        CertificateEntry ca = Fixture.store(leaf.scope()).chain(leaf).certificates().get(2);
        Path file = Fixture.export(ca, ExportFormat.DER, Fixture.folder("anchors").resolve("root.cer"), false);
        Messages messages = UIThreadRunnable.syncExec(bot.display(), () -> ContextInjectionFactory
                .make(CertificateImportWizardTest.Texts.class, Fixture.applicationContext()).messages);
        UIThreadRunnable.asyncExec(bot.display(), () -> new ImportWizardDialog(window, new ImportWizard(Scope.computer(),
                Optional.of(LogicalStore.TRUSTED_ROOT), computer::whyCannotAdd, logical -> {
                    try {
                        return computer.addTarget(logical);
                    } catch (CertificateStoreException e) {
                        return Optional.empty();
                    }
                }, logical -> List.of(), CertificateImportServices.create(stores), messages,
                Path.of(System.getProperty("user.home")))).open());

        ImportWizardBot wizard = new ImportWizardBot(bot);
        wizard.chooseFile(file);
        wizard.waitForPage(ImportWizardBot.STORE);
        wizard.clickNext(ImportWizardBot.COMPLETING);
        List<String> summary = wizard.summary();
        assertTrue(summary.contains("Physical Store: Local anchors: this computer will trust it"), summary.toString());
        assertTrue(summary.contains("Location: " + anchors), summary.toString());
        wizard.screenshot("import-6-completing-local-anchors");
        wizard.cancel();
        try (var list = Files.list(anchors)) {
            assertEquals(List.of(), list.toList(), "cancelled: nothing was written");
        }
    }
}
