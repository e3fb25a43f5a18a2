package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.cairn.certificates.core.CertificateEntry;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.EntryAttributes;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Purpose;
import org.cairn.certificates.core.Scope;
import org.cairn.certificates.ui.internal.CertificateColumn;
import org.cairn.certificates.ui.internal.CertificateTable;
import org.cairn.certificates.ui.internal.Formats;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotShell;
import org.cairn.testing.ui.SWTBotTable;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The details pane's certificate list: Windows' columns, icons, status, sorting, and 10,000 rows at once. */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class CertificateTableTest {

    private static final int LARGE = 10_000;
    private static byte[] der;

    private HostDialog<CertificateTable> dialog;

    @BeforeAll
    static void createCertificate() throws Exception {
        GeneratedCertificate generated = App.factory().createSelfSigned(CertificateRequest.of("CN=Table Test"));
        der = generated.certificate().getEncoded();
    }

    @AfterEach
    void closeDialog() {
        App.close(dialog);
    }

    /** Summaries as a store's index gives them; the certificate behind each is read only if a column asks. */
    private static CertificateEntry entry(int index, Instant notBefore, Instant notAfter, boolean key, String friendlyName,
            List<Purpose> purposes) {
        String hex = HexFormat.of().withUpperCase().formatHex(Integer.toString(index).getBytes());
        return CertificateEntry.builder().scope(Scope.currentUser()).logicalStore(LogicalStore.PERSONAL)
                .physicalStore(".Default").thumbprint(pad(hex, 40)).sha256(pad(hex, 64))
                .subject("CN=host-" + String.format(Locale.ROOT, "%05d", index) + ".example.com,O=Example")
                .issuer("CN=Example Issuing CA " + (index % 7) + ",O=Example").serialNumber(Integer.toHexString(index))
                .notBefore(notBefore).notAfter(notAfter).hasPrivateKey(key).purposes(purposes)
                .attributes(EntryAttributes.defaults().withFriendlyName(friendlyName)).source(() -> der).build();
    }

    private static String pad(String hex, int length) {
        return (hex + "0".repeat(length)).substring(0, length);
    }

    private SWTBotShell open() {
        dialog = App.open(parent -> new HostDialog<CertificateTable>(parent, "Certificates", new Point(1000, 420),
                (Composite area) -> new CertificateTable(area)));
        return new SWTBot().shell("Certificates");
    }

    private void show(List<CertificateEntry> entries, String emptyMessage) {
        UIThreadRunnable.syncExec(App.display(), () -> dialog.control().setEntries(entries, emptyMessage));
    }

    @Test
    void columnsAreWindowsColumnsAndCellsShowTheEntry() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<CertificateEntry> entries = List.of(
                entry(1, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(300)), true, "Web server",
                        List.of(Purpose.SERVER_AUTHENTICATION, Purpose.CLIENT_AUTHENTICATION)),
                entry(2, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(35)), false, "", List.of(Purpose.ALL)),
                entry(3, now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(400)), false, "", List.of(Purpose.CODE_SIGNING)));
        SWTBotShell shell = open();
        show(entries, "");
        SWTBotTable table = shell.bot().table();
        assertEquals(List.of("Issued To", "Issued By", "Expiration Date", "Intended Purposes", "Friendly Name", "Status",
                "Certificate Template"), table.columns());
        assertEquals(3, table.rowCount());
        assertEquals("host-00001.example.com", table.cell(0, "Issued To"));
        assertEquals("Example Issuing CA 1", table.cell(0, "Issued By"));
        assertEquals(Formats.shortDate(entries.get(0).notAfter()), table.cell(0, "Expiration Date"));
        assertEquals("Server Authentication, Client Authentication", table.cell(0, "Intended Purposes"));
        assertEquals("Web server", table.cell(0, "Friendly Name"));
        assertEquals("", table.cell(0, "Status"));
        assertEquals("<All>", table.cell(1, "Intended Purposes"));
        assertEquals("<None>", table.cell(1, "Friendly Name"));
        assertEquals("Expired", table.cell(1, "Status"));
        assertEquals("Not yet valid", table.cell(2, "Status"));

        var images = UIThreadRunnable.syncExec(App.display(), () -> List.of(table.widget.getItem(0).getImage(),
                table.widget.getItem(1).getImage(), table.widget.getItem(2).getImage()));
        assertNotSame(images.get(0), images.get(1), "a private key shows on the icon");
        assertSame(images.get(1), images.get(2), "expired and not yet valid share the invalid icon");
        App.screenshot(shell.widget, "certificate-list");
    }

    @Test
    void clickingAHeadingSortsAndClickingAgainReverses() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<CertificateEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            entries.add(entry(i, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(100 + (i * 37) % 20 * 10)),
                    i % 2 == 0, "", List.of(Purpose.ALL)));
        }
        SWTBotShell shell = open();
        show(entries, "");
        SWTBotTable table = shell.bot().table();
        assertEquals("host-00000.example.com", table.cell(0, 0));
        UIThreadRunnable.syncExec(App.display(), () -> dialog.control().sortBy(CertificateColumn.EXPIRATION_DATE, true));
        List<CertificateEntry> sorted = UIThreadRunnable.syncExec(App.display(), () -> dialog.control().entries());
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(!sorted.get(i).notAfter().isBefore(sorted.get(i - 1).notAfter()), "ascending by expiration");
        }
        UIThreadRunnable.syncExec(App.display(), () -> dialog.control().sortBy(CertificateColumn.EXPIRATION_DATE, false));
        List<CertificateEntry> reversed = UIThreadRunnable.syncExec(App.display(), () -> dialog.control().entries());
        assertEquals(sorted.getLast(), reversed.getFirst());
        assertEquals(Formats.shortDate(reversed.getFirst().notAfter()), table.cell(0, "Expiration Date"));
    }

    @Test
    void tenThousandCertificatesAppearInUnderASecond() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<CertificateEntry> entries = new ArrayList<>(LARGE);
        for (int i = LARGE; i > 0; i--) {
            entries.add(entry(i, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(i % 900)), i % 3 == 0,
                    i % 5 == 0 ? "Name " + i : "", List.of(Purpose.SERVER_AUTHENTICATION)));
        }
        SWTBotShell shell = open();
        long elapsed = UIThreadRunnable.syncExec(App.display(), () -> {
            long start = System.nanoTime();
            dialog.control().setEntries(entries, "");
            dialog.control().table().getItem(0).getText();
            dialog.control().update();
            return (System.nanoTime() - start) / 1_000_000;
        });
        System.out.println("CertificateTableTest: 10,000 certificates listed and drawn in " + elapsed + " ms");
        SWTBotTable table = shell.bot().table();
        assertEquals(LARGE, table.rowCount());
        assertEquals("host-00001.example.com", table.cell(0, 0));
        assertTrue(elapsed < 1000, "10,000 certificates took " + elapsed + " ms");
        long sortElapsed = UIThreadRunnable.syncExec(App.display(), () -> {
            long start = System.nanoTime();
            dialog.control().sortBy(CertificateColumn.FRIENDLY_NAME, false);
            dialog.control().update();
            return (System.nanoTime() - start) / 1_000_000;
        });
        System.out.println("CertificateTableTest: 10,000 certificates sorted by Friendly Name in " + sortElapsed + " ms");
        assertTrue(sortElapsed < 1000, "sorting 10,000 certificates took " + sortElapsed + " ms");
    }

    @Test
    void anEmptyStoreShowsTheMessageInsteadOfAnEmptyTable() {
        SWTBotShell shell = open();
        show(List.of(), "There are no certificates in this store.");
        assertTrue(Widgets.labels(shell.bot()).contains("\nThere are no certificates in this store."));
    }
}
