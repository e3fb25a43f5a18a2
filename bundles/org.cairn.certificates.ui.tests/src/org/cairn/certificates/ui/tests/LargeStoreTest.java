package org.cairn.certificates.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.cairn.certificates.core.CertificateFactoryService;
import org.cairn.certificates.core.CertificateRequest;
import org.cairn.certificates.core.CertificateStore;
import org.cairn.certificates.core.GeneratedCertificate;
import org.cairn.certificates.core.LogicalStore;
import org.cairn.certificates.core.Scope;
import org.cairn.testing.console.ConsoleWindow;
import org.cairn.testing.ui.Conditions;
import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotTreeItem;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A Personal store of 10,000 real certificates (a file store written through the core API) in the console window:
 * every row is there, the last one is reachable, sorting orders them right, and only the rows shown are filled.
 * The times it measures (selection to rows painted, sorting) are written to {@code target/benchmark/large-store.txt}
 * for {@code benchmark/run.sh}; the test checks the behaviour, not the times.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class LargeStoreTest {

    /** Rows in the store; {@code -Dcairn.largeStore.count=N} measures another size. */
    private static final int COUNT = Integer.getInteger("cairn.largeStore.count", 10_000);
    private static final String SERVICE = "large-" + COUNT;

    private final SWTBot bot = new SWTBot();
    private final ConsoleWindow console = new ConsoleWindow(bot);
    private final List<String> figures = new ArrayList<>();

    @BeforeEach
    void startFromANewConsole() {
        console.newConsole();
    }

    @AfterEach
    void leaveANewConsole() {
        console.newConsole();
    }

    private static String name(int i) {
        return String.format("bench-%05d.example.org", i);
    }

    /**
     * Fills the service's Personal store up to {@link #COUNT} self-signed EC certificates, kept between runs:
     * bench-00000 ... with expiry dates in the reverse order of the names, every hundredth with its private key.
     */
    private CertificateStore largeStore() throws Exception {
        CertificateStore store = App.stores().open(Scope.service(SERVICE));
        int existing = store.list(LogicalStore.PERSONAL).entries().size();
        if (existing < COUNT) {
            CertificateFactoryService factory = App.factory();
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
            long t0 = System.nanoTime();
            for (int i = existing; i < COUNT; i++) {
                GeneratedCertificate made = factory.createSelfSigned(CertificateRequest.of("CN=" + name(i) + ",O=Cairn Large Store")
                        .withValidity(start, start.plus(Duration.ofDays(400)).minus(Duration.ofMinutes(i)))
                        .withFriendlyName("Large " + i));
                store.add(LogicalStore.PERSONAL, made.certificate(),
                        i % 100 == 0 ? Optional.of(made.privateKey()) : Optional.empty(), made.attributes());
            }
            figures.add(String.format("created %d certificates in the store: %.1f s", COUNT - existing,
                    (System.nanoTime() - t0) / 1e9));
        }
        return store;
    }

    @Test
    void tenThousandCertificatesAreListedSortedAndTheLastIsReachable() throws Exception {
        largeStore();
        SWTBotTreeItem root = console.addServiceCertificates(SERVICE);
        SWTBotTreeItem personal = root.expand().getNode("Personal").expand();
        SWTBotTreeItem certificates = personal.getNode("Certificates");
        personal.select();
        bot.waitUntil(Conditions.condition("the Personal store's folder is listed",
                () -> console.details().rowCount() == 1));

        Display display = bot.display();
        AtomicInteger filled = new AtomicInteger();
        Listener countFills = event -> filled.incrementAndGet();
        UIThreadRunnable.syncExec(display, () -> display.addFilter(SWT.SetData, countFills));
        try {
            // cold: the store's listing index is gone (entries changed behind the store's back, or an older
            // Cairn's index), so the listing reads every entry directory once and writes the index again. On the
            // first run (a fresh clone, as in CI) no listing has built it yet.
            Files.deleteIfExists(Path.of(System.getProperty("cairn.store.root"), "services", SERVICE, "My", ".cairn", "index"));
            measureSelection(certificates, filled, "cold, the index rebuilt from " + COUNT + " entries");
            personal.select();
            bot.waitUntil(Conditions.condition("the Personal store's folder is listed again",
                    () -> console.details().rowCount() == 1));
            measureSelection(certificates, filled, "warm, from the index");

            Table table = console.details().widget;
            assertEquals(COUNT, (int) UIThreadRunnable.syncExec(display, table::getItemCount));
            App.screenshot(console.shell().widget, "console-large-store");

            assertEquals(name(0), sortBy(table, "Issued To", "Issued To ascending"));
            assertEquals(name(COUNT - 1), cellOfRow(table, COUNT - 1, "Issued To"), "the last row, scrolled to");
            assertEquals(name(COUNT - 1), sortBy(table, "Issued To", "Issued To descending"));
            assertEquals(name(0), cellOfRow(table, COUNT - 1, "Issued To"));
            // expiry dates run against the names: the earliest is the last certificate's
            assertEquals(name(COUNT - 1), sortBy(table, "Expiration Date", "Expiration Date ascending"));
            assertEquals(name(COUNT / 2), cellOfRow(table, COUNT - 1 - COUNT / 2, "Issued To"));
            assertEquals("Large 0", cellOfRow(table, COUNT - 1, "Friendly Name"));
            sortBy(table, "Friendly Name", "Friendly Name ascending");
            sortBy(table, "Status", "Status ascending");
            sortBy(table, "Certificate Template", "Certificate Template ascending");
            sortBy(table, "Intended Purposes", "Intended Purposes ascending");
            assertEquals(COUNT, (int) UIThreadRunnable.syncExec(display, table::getItemCount));
        } finally {
            UIThreadRunnable.syncExec(display, () -> display.removeFilter(SWT.SetData, countFills));
            writeFigures();
        }
    }

    /**
     * Selects the Certificates folder as a click does and records the time until the details pane's table exists
     * with every row, and until the first rows were filled for painting (the table is virtual: only those are).
     */
    private void measureSelection(SWTBotTreeItem certificates, AtomicInteger filled, String what) {
        Display display = bot.display();
        filled.set(0);
        long t0 = System.nanoTime();
        long built = UIThreadRunnable.syncExec(display, () -> {
            Tree tree = certificates.widget.getParent();
            TreeItem item = certificates.widget;
            tree.setSelection(item);
            org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
            event.item = item;
            tree.notifyListeners(SWT.Selection, event);
            return System.nanoTime();
        });
        Shell window = console.shell().widget;
        long painted = waitFor(display, () -> filled.get() > 0 && detailsRows(window) == COUNT);
        int filledAtFirstPaint = filled.get();
        figures.add(String.format("select Certificates (%s) -> details pane built with %d rows: %.0f ms; first rows"
                + " painted: %.0f ms (%d rows filled, of %d)", what, COUNT, (built - t0) / 1e6, (painted - t0) / 1e6,
                filledAtFirstPaint, COUNT));
        assertTrue(filledAtFirstPaint < 200, "only the rows shown are filled, not " + filledAtFirstPaint);
    }

    /** @return the rows of the largest table in {@code parent} (the details pane's), on the UI thread */
    private static int detailsRows(Composite parent) {
        int rows = -1;
        for (Control child : parent.getChildren()) {
            if (child instanceof Table table && table.isVisible()) {
                rows = Math.max(rows, table.getItemCount());
            } else if (child instanceof Composite composite) {
                rows = Math.max(rows, detailsRows(composite));
            }
        }
        return rows;
    }

    /** @return when {@code condition} (run on the UI thread, after pending paints) first held */
    private static long waitFor(Display display, BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < end) {
            boolean done = UIThreadRunnable.syncExec(display, () -> {
                while (display.readAndDispatch()) {
                    // paint what is pending
                }
                return condition.getAsBoolean();
            });
            if (done) {
                return System.nanoTime();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("timed out");
    }

    /** Clicks the heading {@code column}; records the time to the rows painted again. @return row 0's Issued To */
    private String sortBy(Table table, String column, String what) {
        long t0 = System.nanoTime();
        UIThreadRunnable.syncExec(display(), () -> {
            for (TableColumn heading : table.getColumns()) {
                if (heading.getText().equals(column)) {
                    heading.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                    return;
                }
            }
            throw new AssertionError("no column " + column);
        });
        long sorted = System.nanoTime();
        long painted = waitFor(display(), () -> true);
        figures.add(String.format("sort by %s: %.0f ms (rows painted: %.0f ms)", what, (sorted - t0) / 1e6,
                (painted - t0) / 1e6));
        return cellOfRow(table, 0, "Issued To");
    }

    private Display display() {
        return bot.display();
    }

    /** @return the cell of {@code row} after scrolling it into view, as a user reaches it */
    private String cellOfRow(Table table, int row, String column) {
        return UIThreadRunnable.syncExec(display(), () -> {
            int index = -1;
            for (int i = 0; i < table.getColumnCount(); i++) {
                if (table.getColumn(i).getText().equals(column)) {
                    index = i;
                }
            }
            table.showItem(table.getItem(row));
            return table.getItem(row).getText(index);
        });
    }

    private void writeFigures() throws java.io.IOException {
        Path file = Path.of(System.getProperty("user.dir"), "target", "benchmark", "large-store.txt");
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# " + Instant.now() + ", " + COUNT + " certificates, " + Runtime.getRuntime().availableProcessors()
                + " CPUs, Java " + System.getProperty("java.version"));
        lines.addAll(figures);
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
