package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.Scope;
import org.cairn.certificates.core.StoreRoots;
import org.cairn.certificates.remote.RemoteComputer;
import org.cairn.certificates.ui.internal.AccountChoice;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Add snap-in step: which account the snap-in manages, as Windows asks it. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class AccountChoiceTest {

    private HostDialog<AccountChoice> dialog;
    private StoreRoots roots;

    @BeforeEach
    void createServiceStores() throws Exception {
        roots = App.stores().roots();
        Files.createDirectories(roots.root(Scope.service("web-frontend")));
        Files.createDirectories(roots.root(Scope.service("backup-agent")));
    }

    @AfterEach
    void closeDialog() {
        App.close(dialog);
    }

    private SWTBotShell open() {
        dialog = App.open(parent -> new HostDialog<AccountChoice>(parent, "Certificates snap-in", null,
                (Composite area) -> new AccountChoice(area, roots)));
        return new SWTBot().shell("Certificates snap-in");
    }

    private Optional<Scope> scope() {
        return UIThreadRunnable.syncExec(App.display(), () -> dialog.control().scope());
    }

    @Test
    void userAccountIsTheDefaultChoice() {
        SWTBot bot = open().bot();
        assertTrue(Widgets.labels(bot).contains("This snap-in will always manage certificates for:"));
        assertTrue(bot.radio("My user account").isSelected());
        assertEquals(Optional.of(Scope.currentUser()), scope());
        assertFalse(bot.textWithLabel("Service name:").isEnabled());
    }

    @Test
    void serviceAccountListsExistingServiceStoresAndTakesATypedName() {
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.radio("Service account").click();
        var list = bot.widget(org.cairn.testing.ui.WidgetMatcherFactory.widgetOfType(org.eclipse.swt.widgets.List.class));
        List<String> services = UIThreadRunnable.syncExec(bot.display(), () -> List.of(list.getItems()));
        assertTrue(services.containsAll(List.of("backup-agent", "web-frontend")), services.toString());
        UIThreadRunnable.syncExec(bot.display(), () -> {
            list.setSelection(services.indexOf("web-frontend"));
            list.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        });
        assertEquals("web-frontend", bot.textWithLabel("Service name:").getText());
        assertEquals(Optional.of(Scope.service("web-frontend")), scope());
        App.screenshot(shell.widget, "add-snap-in-service");

        bot.textWithLabel("Service name:").setText("../etc");
        assertEquals(Optional.empty(), scope());
        bot.textWithLabel("Service name:").setText("postfix");
        assertEquals(Optional.of(Scope.service("postfix")), scope());
        assertEquals("Certificates - Service (postfix) on Local Computer", AccountChoice.rootLabel(scope().orElseThrow()));
    }

    @Test
    void computerAccountIsTheLocalComputerByDefaultOrAnotherComputerByName() {
        SWTBotShell shell = open();
        SWTBot bot = shell.bot();
        bot.radio("Computer account").click();
        assertTrue(bot.radio("Local computer: (the computer this console is running on)").isSelected());
        assertTrue(bot.radio("Another computer:").isEnabled());
        assertEquals(Optional.of(Scope.computer()), scope());
        assertEquals(Optional.empty(), remote());
        assertEquals("Certificates (Local Computer)", AccountChoice.rootLabel(Scope.computer()));
        assertEquals("Certificates - Current User", AccountChoice.rootLabel(Scope.currentUser()));

        bot.radio("Another computer:").click();
        assertEquals(Optional.of("Type the name of the other computer: [user@]host[:port]."), problem());
        bot.text(1).setText("admin@web1.example.org:2222");
        assertEquals(Optional.of(RemoteComputer.parse("admin@web1.example.org:2222")), remote());
        assertEquals(Optional.empty(), problem());
        assertEquals(Optional.of(Scope.computer()), scope(), "the scope is that computer's Local Computer");
        assertEquals("Certificates (admin@web1.example.org:2222)", AccountChoice.rootLabel(remote().orElseThrow()));
        App.screenshot(shell.widget, "add-snap-in-another-computer");

        bot.text(1).setText("web1; rm -rf /");
        assertEquals(Optional.empty(), remote());
        assertTrue(problem().orElseThrow().contains("is not a computer name"), problem().toString());
    }

    @Test
    void browseListsTheHostsOfTheSshConfiguration() throws Exception {
        java.nio.file.Path ssh = org.cairn.testing.ssh.OtherComputer.consoleSsh();
        java.nio.file.Path config = ssh.resolve("config");
        String before = Files.exists(config) ? Files.readString(config) : null;
        Files.writeString(config, String.join("\n", "Host web1 web2", "  HostName 192.0.2.1", "Host *.example.org",
                "  User admin", "Host db1", "  Port 2222", ""));
        try {
            SWTBotShell shell = open();
            SWTBot bot = shell.bot();
            bot.radio("Computer account").click();
            bot.button("Browse...").click();
            SWTBotShell browse = new SWTBot().shell("Select Computer");
            var list = browse.bot().widget(org.cairn.testing.ui.WidgetMatcherFactory
                    .widgetOfType(org.eclipse.swt.widgets.List.class));
            // read in the background: the list fills when the file was read
            bot.waitUntil(org.cairn.testing.ui.Conditions.condition("the hosts are listed", () -> UIThreadRunnable
                    .syncExec(bot.display(), () -> list.getItemCount() > 0)));
            List<String> hosts = UIThreadRunnable.syncExec(bot.display(), () -> List.of(list.getItems()));
            assertEquals(List.of("web1", "web2", "db1"), hosts, "Host names, without patterns");
            App.screenshot(browse.widget, "add-snap-in-another-computer-browse");
            UIThreadRunnable.syncExec(bot.display(), () -> {
                list.setSelection(2);
                list.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            });
            browse.bot().button("OK").click();
            assertEquals("db1", bot.text(1).getText());
            assertEquals(Optional.of(RemoteComputer.parse("db1")), remote());
        } finally {
            if (before == null) {
                Files.deleteIfExists(config);
            } else {
                Files.writeString(config, before);
            }
        }
    }

    /** A configuration that cannot be read: Browse... says why and what to do, and offers nothing to pick. */
    @Test
    void browseSaysWhenTheSshConfigurationCannotBeRead() throws Exception {
        java.nio.file.Path ssh = org.cairn.testing.ssh.OtherComputer.consoleSsh();
        java.nio.file.Path config = ssh.resolve("config");
        java.nio.file.Path aside = ssh.resolve("config.aside");
        boolean had = Files.exists(config);
        if (had) {
            Files.move(config, aside);
        }
        Files.createDirectory(config); // not a file: unreadable as a configuration
        try {
            SWTBotShell shell = open();
            SWTBot bot = shell.bot();
            bot.radio("Computer account").click();
            bot.button("Browse...").click();
            SWTBotShell browse = new SWTBot().shell("Select Computer");
            bot.waitUntil(org.cairn.testing.ui.Conditions.condition("the page says why", () -> Widgets
                    .labels(browse.bot()).stream().anyMatch(t -> t.startsWith("Your SSH configuration cannot be read: "
                            + config + " is not a file. Correct the file, or type the computer's name"))));
            assertFalse(browse.bot().button("OK").isEnabled(), "nothing to pick");
            App.screenshot(browse.widget, "add-snap-in-another-computer-browse-unreadable");
            browse.bot().button("Cancel").click();
        } finally {
            Files.delete(config);
            if (had) {
                Files.move(aside, config);
            }
        }
    }

    private Optional<RemoteComputer> remote() {
        return UIThreadRunnable.syncExec(App.display(), () -> dialog.control().remoteComputer());
    }

    private Optional<String> problem() {
        return UIThreadRunnable.syncExec(App.display(), () -> dialog.control().problem());
    }
}
