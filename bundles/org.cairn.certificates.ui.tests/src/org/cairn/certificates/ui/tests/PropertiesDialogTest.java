package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.KeyAlgorithm;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.internal.CertificatePropertiesDialog;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Properties dialog saves the friendly name and description to the store, and says when it cannot. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class PropertiesDialogTest {

    private CertificateStore store;
    private String name;
    private CertificateEntry leaf;
    private CertificatePropertiesDialog dialog;

    @BeforeEach
    void installDemoChain() throws Exception {
        store = App.stores().open(Scope.currentUser());
        name = App.unique("Fabrikam Mail");
        leaf = App.factory().install(store, App.factory().createDemoChain(name, KeyAlgorithm.EC_P256));
    }

    @AfterEach
    void closeDialog() {
        App.close(dialog);
    }

    private SWTBotShell open() {
        dialog = App.open(parent -> new CertificatePropertiesDialog(parent, store, leaf));
        return new SWTBot().shell(name + " Properties");
    }

    @Test
    void editedFriendlyNameAndDescriptionAreSavedToTheStore() throws Exception {
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        assertEquals(leaf.friendlyName(), bot.textWithLabel("Friendly name:").getText());
        bot.textWithLabel("Friendly name:").setText("Mail server 2026");
        bot.textWithLabel("Description:").setText("Renewed by ops; ticket 42");
        App.screenshot(shell.widget, "certificate-properties");
        bot.button("OK").click();
        bot.waitUntil(Conditions.shellCloses(shell));

        CertificateEntry saved = store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow();
        assertEquals("Mail server 2026", saved.friendlyName());
        assertEquals("Renewed by ops; ticket 42", saved.description());
        assertEquals("Mail server 2026", dialog.entry().friendlyName());
    }

    @Test
    void applyKeepsTheDialogOpenAndSaves() throws Exception {
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.textWithLabel("Friendly name:").setText("Applied name");
        bot.button("Apply").click();
        bot.waitUntil(Conditions.condition("the name is saved", () -> {
            try {
                return store.find(LogicalStore.PERSONAL, leaf.thumbprint()).orElseThrow().friendlyName()
                        .equals("Applied name");
            } catch (Exception e) {
                return false;
            }
        }));
        assertTrue(shell.isOpen());
    }

    @Test
    void aFailedSaveIsShownAndKeepsWhatWasTyped() throws Exception {
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        store.delete(leaf);
        bot.textWithLabel("Friendly name:").setText("Lost name");
        bot.button("OK").click();
        bot.waitUntil(Conditions.condition("the failure is shown", () -> Widgets.labels(bot).stream()
                .anyMatch(text -> text.startsWith("The properties could not be saved, and your changes are still in the dialog:"))));
        assertTrue(shell.isOpen());
        assertEquals("Lost name", bot.textWithLabel("Friendly name:").getText());
        App.screenshot(shell.widget, "certificate-properties-error");
    }
}
