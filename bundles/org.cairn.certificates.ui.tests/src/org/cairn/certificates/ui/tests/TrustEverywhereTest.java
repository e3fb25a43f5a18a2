package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.DemoChain;
import org.cairn.certificates.core.KeyAlgorithm;
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
 * Action → All Tasks → Trust Everywhere... and Distrust Everywhere... (issue 14 item 3) in the console, on a root in
 * the current user's Trusted Root Certification Authorities, with two NSS databases in the test JVM's own home (the
 * shared ~/.pki/nssdb and a Firefox profile, made by certutil): trusting adds the root to both, each confirmed by
 * certutil -L, and the result names each place; distrusting removes it from both and from Cairn's own store. The
 * certificate dialog's Details tab then lists all three places under Held in. The computer's anchors are left alone (the test session keeps its stores under cairn.store.root, so the system's files
 * are not writable). Trust Everywhere is greyed for a certificate that is not a root, with the reason.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class TrustEverywhereTest {

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    private Path shared;
    private Path mozilla;
    private Path profile;

    @BeforeEach
    void twoNssDatabases() throws Exception {
        Path home = Path.of(System.getenv("HOME"));
        assertTrue(home.toString().contains("target"), "the test JVM has a home of its own: " + home);
        shared = home.resolve(".pki/nssdb");
        mozilla = home.resolve(".mozilla");
        profile = mozilla.resolve("firefox/te1.default-release");
        Files.createDirectories(shared);
        Files.createDirectories(profile);
        Files.writeString(mozilla.resolve("firefox/profiles.ini"),
                "[Profile0]\nName=default-release\nIsRelative=1\nPath=te1.default-release\nDefault=1\n");
        run("certutil", "-N", "-d", "sql:" + shared, "--empty-password");
        run("certutil", "-N", "-d", "sql:" + profile, "--empty-password");
        console.newConsole();
    }

    @AfterEach
    void removeDatabases() throws Exception {
        console.newConsole();
        // the other tests of this JVM expect a home without NSS databases
        for (Path dir : List.of(shared.getParent(), mozilla)) {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void trustEverywhereAddsTheRootToEveryNssDatabaseAndDistrustEverywhereRemovesIt() throws Exception {
        String name = App.unique("Everywhere");
        String rootName = name + " Root CA";
        CertificateStore store = App.stores().open(Scope.currentUser());
        DemoChain chain = App.factory().createDemoChain(name, KeyAlgorithm.EC_P256);
        App.factory().install(store, chain);

        SWTBotTreeItem root = console.addCertificatesForMyUserAccount();
        root.expand();
        bot.waitUntil(Conditions.condition("the logical stores", () -> root.getNodes().size() >= 10));

        // a certificate that is not a root: greyed, with the reason
        SWTBotTable personal = console.selectAndList(root.getNode("Personal").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.condition("the leaf is listed", () -> ConsoleWindow.rowOf(personal, name) >= 0));
        personal.select(ConsoleWindow.rowOf(personal, name));
        assertFalse(console.shell().bot().menu("Action").menu("All Tasks").menu("Trust Everywhere...").isEnabled(),
                "only a root can be trusted everywhere");

        SWTBotTable roots = console.selectAndList(
                root.getNode("Trusted Root Certification Authorities").expand().getNode("Certificates"));
        bot.waitUntil(Conditions.condition("the root is listed", () -> ConsoleWindow.rowOf(roots, rootName) >= 0));
        roots.select(ConsoleWindow.rowOf(roots, rootName));
        List<String> tasks = console.shell().bot().menu("Action").menu("All Tasks").menuItems();
        assertTrue(tasks.containsAll(List.of("Trust Everywhere...", "Distrust Everywhere...")), tasks::toString);

        console.shell().bot().menu("Action").menu("All Tasks").menu("Trust Everywhere...").click();
        SWTBotShell question = bot.shell("Trust Everywhere");
        assertTrue(Widgets.labels(question.bot()).stream().anyMatch(text -> text.contains("\"" + rootName + "\"")
                && text.contains("each NSS database")), () -> Widgets.labels(question.bot()).toString());
        App.screenshot(question.widget, "trust-everywhere-question");
        question.bot().button("Yes").click();
        bot.waitUntil(Conditions.shellCloses(question));
        SWTBotShell result = bot.shell("Trust Everywhere");
        String report = String.join("\n", Widgets.labels(result.bot()));
        App.screenshot(result.widget, "trust-everywhere-result");
        assertEquals(2, report.lines().filter(line -> line.startsWith("\u2022 " + Scope.currentUser().displayName() + " / Trusted Root Certification Authorities / ")
                && line.contains(": added (sql:")).count(), report);
        result.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(result));
        for (Path db : List.of(shared, profile)) {
            String list = run("certutil", "-L", "-d", "sql:" + db);
            assertTrue(list.lines().anyMatch(l -> l.startsWith(rootName) && l.strip().endsWith("CT,C,C")), db + ":\n" + list);
        }

        // the list was read again after the change: a new table
        bot.waitUntil(Conditions.condition("the root is listed again",
                () -> ConsoleWindow.rowOf(console.details(), rootName) >= 0));
        SWTBotTable again = console.details();
        // the certificate dialog's Details tab: Held in names every physical store that holds it, read in the background
        again.doubleClick(ConsoleWindow.rowOf(again, rootName));
        SWTBotShell certificate = bot.shell("Certificate");
        certificate.bot().tabItem("Details").activate();
        SWTBotTable fields = certificate.bot().table();
        bot.waitUntil(Conditions.condition("Held in is read", () -> fields.indexOf("Held in") >= 0
                && fields.cell(fields.indexOf("Held in"), 1).contains("Firefox: default-release")));
        fields.select(fields.indexOf("Held in"));
        String heldIn = String.join("\n", Widgets.texts(certificate.bot()));
        App.screenshot(certificate.widget, "certificate-held-in");
        for (String physical : List.of(".Default", "NSS: Chrome and system", "Firefox: default-release")) {
            assertTrue(heldIn.contains(Scope.currentUser().displayName() + " / Trusted Root Certification Authorities / "
                    + physical), heldIn);
        }
        certificate.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(certificate));

        again = console.details();
        again.select(ConsoleWindow.rowOf(again, rootName));
        console.shell().bot().menu("Action").menu("All Tasks").menu("Distrust Everywhere...").click();
        SWTBotShell ask = bot.shell("Distrust Everywhere");
        ask.bot().button("Yes").click();
        bot.waitUntil(Conditions.shellCloses(ask));
        SWTBotShell removed = bot.shell("Distrust Everywhere");
        String undone = String.join("\n", Widgets.labels(removed.bot()));
        App.screenshot(removed.widget, "distrust-everywhere-result");
        assertEquals(3, undone.lines().filter(line -> line.endsWith(": removed")).count(), undone);
        removed.bot().button("OK").click();
        bot.waitUntil(Conditions.shellCloses(removed));
        for (Path db : List.of(shared, profile)) {
            String list = run("certutil", "-L", "-d", "sql:" + db);
            assertFalse(list.contains(rootName), db + ":\n" + list);
        }
        String thumbprint = CertificateEntry.sha1(chain.root().certificate().getEncoded());
        assertTrue(App.stores().open(Scope.currentUser()).find(LogicalStore.TRUSTED_ROOT, thumbprint).isEmpty(),
                "removed from Cairn's own store too");
        // gone from the list; alone in this JVM, the store is then empty and the view says so instead of a table
        bot.waitUntil(Conditions.condition("the root is gone from the list",
                () -> Widgets.labels(console.shell().bot()).contains("There are no items to show in this view.")
                        || ConsoleWindow.rowOf(console.details(), rootName) < 0));
    }

    private String run(String... command) throws Exception {
        Path work = Path.of(System.getenv("HOME"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C.UTF-8");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + out);
        return out;
    }
}
