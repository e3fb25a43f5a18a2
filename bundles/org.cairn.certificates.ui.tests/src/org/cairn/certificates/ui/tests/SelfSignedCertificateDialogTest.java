package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.internal.SelfSignedCertificateDialog;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Create Self-Signed Certificate: what is filled in is what lands in the store. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class SelfSignedCertificateDialogTest {

    private CertificateStore store;
    private SelfSignedCertificateDialog dialog;

    @BeforeEach
    void openStore() throws Exception {
        store = App.stores().open(Scope.currentUser());
    }

    @AfterEach
    void closeDialog() {
        App.close(dialog);
    }

    private SWTBotShell open() {
        dialog = App.open(parent -> new SelfSignedCertificateDialog(parent, App.factory(), store, LogicalStore.PERSONAL));
        return new SWTBot().shell("Create Self-Signed Certificate");
    }

    @Test
    void createsTheCertificateWithKeyPurposesFriendlyNameAndExportableKey() throws Exception {
        String host = App.unique("web").replace(' ', '-') + ".example.com";
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        assertFalse(bot.button("OK").isEnabled());
        bot.textWithLabel("Subject:").setText("CN=" + host + ", O=Cairn Test");
        bot.comboBoxWithLabel("Key type:").setSelection("ECDSA P-384");
        bot.checkBox("Client Authentication").deselect();
        bot.checkBox("Code Signing").select();
        bot.textWithLabel("Friendly name:").setText("Test web server");
        bot.checkBox("Mark this key as exportable. This will allow you to back up or transport your key at a later time.")
                .select();
        App.screenshot(shell.widget, "create-self-signed");
        bot.button("OK").click();
        bot.waitUntil(Conditions.shellCloses(shell), 20_000);

        CertificateEntry created = store.list(LogicalStore.PERSONAL).entries().stream()
                .filter(entry -> entry.issuedTo().equals(host)).findFirst().orElseThrow();
        assertTrue(created.hasPrivateKey());
        assertTrue(created.exportable());
        assertEquals("Test web server", created.friendlyName());
        assertEquals(List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CODE_SIGNING).stream().sorted().toList(),
                created.purposes().stream().sorted().toList());
        assertEquals("EC", created.certificate().getPublicKey().getAlgorithm());
        assertEquals(created, dialog.created().orElseThrow());
    }

    @Test
    void anInvalidSubjectIsRefusedAndNothingIsAdded() throws Exception {
        int before = store.list(LogicalStore.PERSONAL).entries().size();
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.textWithLabel("Subject:").setText("just a name");
        bot.button("OK").click();
        bot.waitUntil(Conditions.condition("the error is shown",
                () -> UIThreadRunnable.syncExec(bot.display(), () -> dialog.getErrorMessage() != null)));
        String error = UIThreadRunnable.syncExec(bot.display(), dialog::getErrorMessage);
        assertTrue(error.contains("is not a distinguished name; write it like CN=web.example.org,O=Example."), error);
        assertTrue(shell.isOpen());
        assertEquals("just a name", bot.textWithLabel("Subject:").getText());
        assertEquals(before, store.list(LogicalStore.PERSONAL).entries().size());
    }

    @Test
    void anRsa4096KeyIsCreatedInTheBackgroundWithTheFormDisabled() throws Exception {
        String host = App.unique("rsa").replace(' ', '-') + ".example.com";
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.textWithLabel("Subject:").setText("CN=" + host);
        bot.comboBoxWithLabel("Key type:").setSelection("RSA 4096");
        bot.button("OK").click();
        // the click returns at once (the UI-thread watchdog checks the window answers meanwhile); while the key is
        // made, the form and OK are disabled, unless it was already done
        boolean disabledWhileWorking = UIThreadRunnable.syncExec(bot.display(),
                () -> shell.widget.isDisposed() || !buttonEnabled(shell.widget, "OK"));
        assertTrue(disabledWhileWorking, "OK is disabled while the certificate is created");
        bot.waitUntil(Conditions.shellCloses(shell), 120_000);

        CertificateEntry created = dialog.created().orElseThrow();
        assertEquals(host, created.issuedTo());
        assertTrue(created.hasPrivateKey());
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) created.certificate()
                .getPublicKey();
        assertEquals(4096, key.getModulus().bitLength());
        assertTrue(store.list(LogicalStore.PERSONAL).entries().stream().anyMatch(entry -> entry.equals(created)));
    }

    @Test
    void cancelWhileTheKeyIsMadeAddsNothing() throws Exception {
        String host = App.unique("cancelled").replace(' ', '-') + ".example.com";
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.textWithLabel("Subject:").setText("CN=" + host);
        bot.comboBoxWithLabel("Key type:").setSelection("RSA 4096");
        bot.button("OK").click();
        bot.button("Cancel").click();
        bot.waitUntil(Conditions.shellCloses(shell));
        assertTrue(dialog.created().isEmpty());
        // the generation runs to its end on the dialog's own thread, which ends with it; then nothing may be stored
        bot.waitUntil(Conditions.condition("the dialog's thread ended", () -> Thread.getAllStackTraces().keySet()
                .stream().noneMatch(thread -> thread.getName().equals("cairn-create-self-signed"))), 120_000);
        assertTrue(store.list(LogicalStore.PERSONAL).entries().stream().noneMatch(entry -> entry.issuedTo().equals(host)),
                "a cancelled creation stores nothing");
    }

    /** @return whether the button {@code text} under {@code parent} is enabled (one UI-thread pass) */
    private static boolean buttonEnabled(org.eclipse.swt.widgets.Composite parent, String text) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button button && button.getText().equals(text)) {
                return button.isEnabled();
            }
            if (child instanceof org.eclipse.swt.widgets.Composite composite && buttonEnabled(composite, text)) {
                return true;
            }
        }
        return false;
    }
}
