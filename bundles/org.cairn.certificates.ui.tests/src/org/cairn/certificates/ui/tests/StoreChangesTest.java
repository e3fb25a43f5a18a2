package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.EntryAttributes;
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
 * Store changes the console starts on its UI thread (Action → Delete), and reads of the tree's nodes, while another
 * program holds the store's lock: the window keeps answering (the watchdog fails the test otherwise), a progress
 * dialog or "Reading..." says what is being done, and the work is done once the lock is free.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class StoreChangesTest {

    private static final int HELD_SECONDS = 5;

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

    @Test
    void deleteWaitsForAHeldStoreLockWithTheWindowAnswering() throws Exception {
        String service = App.unique("locked").replace(' ', '-');
        CertificateStore store = App.stores().open(Scope.service(service));
        GeneratedCertificate created = App.factory().createSelfSigned(CertificateRequest.of("CN=locked.example.org"));
        CertificateEntry entry = store.add(LogicalStore.PERSONAL, created.certificate(), Optional.empty(),
                EntryAttributes.defaults());
        SWTBotTreeItem root = console.addServiceCertificates(service);
        SWTBotTable table = console.selectAndList(root.expand().getNode("Personal").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.tableHasRows(table, 1));
        table.select(0);

        Path lock = Path.of(System.getProperty("cairn.store.root"), "services", service, ".cairn", "lock");
        assertTrue(Files.exists(lock), "the store made its lock file: " + lock);
        Process holder = holdLock(lock);
        try {
            console.shell().bot().menu("Action").menu("Delete").click();
            bot.shell("Delete").bot().button("Yes").click();
            SWTBotShell progress = bot.shell("Progress Information");
            App.screenshot(progress.widget, "delete-waits-for-the-store");
            bot.waitUntil(Conditions.condition("the delete is done", () -> entries(store).isEmpty()),
                    (HELD_SECONDS + 30) * 1000L);
            bot.waitUntil(Conditions.shellCloses(progress));
        } finally {
            holder.destroy();
        }
        assertEquals(List.of(), entries(store));
    }

    /**
     * The purpose view's tree lists the purposes of every store's certificates: with the index gone and the lock
     * held by another program, those are read on a background thread (console API 1.3) while the tree says
     * "Reading..." under the node and the window keeps answering; they appear once the lock is free.
     */
    @Test
    void thePurposeViewIsReadInTheBackgroundWhileAnotherProgramHoldsTheLock() throws Exception {
        String service = App.unique("purposes").replace(' ', '-');
        CertificateStore store = App.stores().open(Scope.service(service));
        GeneratedCertificate created = App.factory().createSelfSigned(CertificateRequest.of("CN=purposes.example.org"));
        store.add(LogicalStore.PERSONAL, created.certificate(), Optional.empty(), EntryAttributes.defaults());
        SWTBotTreeItem root = console.addServiceCertificates(service);
        root.expand().getNode("Personal");
        root.select();

        Path scopeRoot = Path.of(System.getProperty("cairn.store.root"), "services", service);
        try (var files = Files.walk(scopeRoot)) { // every list must be read again, under the lock
            for (Path index : files.filter(f -> f.getFileName().toString().equals("index")
                    && f.getParent().getFileName().toString().equals(".cairn")).toList()) {
                Files.delete(index);
            }
        }
        Process holder = holdLock(scopeRoot.resolve(".cairn").resolve("lock"));
        try {
            console.shell().bot().menu("Action").menu("View Options...").click();
            SWTBotShell options = bot.shell("View Options");
            options.bot().radio("Certificate purpose").click();
            options.bot().button("OK").click();
            bot.waitUntil(Conditions.shellCloses(options));
            bot.waitUntil(Conditions.condition("Reading... under the account while the lock is held",
                    () -> root.getNodes().equals(List.of("Reading..."))));
            App.screenshot(console.shell().widget, "purposes-read-in-the-background");
            bot.waitUntil(Conditions.condition("the purposes arrive once the lock is free",
                    () -> !root.getNodes().isEmpty() && !root.getNodes().contains("Reading...")),
                    (HELD_SECONDS + 30) * 1000L);
        } finally {
            holder.destroy();
        }
        assertEquals(store.byPurpose().size(), root.getNodes().size(), "one node per purpose: " + root.getNodes());
    }

    private static List<String> entries(CertificateStore store) {
        try {
            return store.list(LogicalStore.PERSONAL).entries().stream().map(CertificateEntry::thumbprint).toList();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Another program holding the store's lock for {@link #HELD_SECONDS}: a POSIX lock, as Cairn's own are. */
    private static Process holdLock(Path lock) throws Exception {
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import fcntl, sys, time",
                "f = open(sys.argv[1], 'r+')",
                "fcntl.lockf(f, fcntl.LOCK_EX)",
                "print('held', flush=True)",
                "time.sleep(float(sys.argv[2]))"), lock.toString(), Integer.toString(HELD_SECONDS))
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (!"held".equals(line)) {
            process.destroy();
            throw new AssertionError("the lock holder did not take the lock: " + line);
        }
        return process;
    }
}
