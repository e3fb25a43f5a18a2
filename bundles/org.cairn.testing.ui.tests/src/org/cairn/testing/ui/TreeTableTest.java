package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TreeTableTest extends UiTest {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private Tree tree;
    private Table table;

    @BeforeEach
    void openShellWithTreeAndTable() {
        onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText("Console");
            shell.setLayout(new FillLayout());
            tree = new Tree(shell, SWT.BORDER | SWT.MULTI);
            TreeItem root = new TreeItem(tree, SWT.NONE);
            root.setText("Console Root");
            new TreeItem(root, SWT.NONE); // placeholder until expanded, as JFace lazy trees have
            new TreeItem(tree, SWT.NONE).setText("Favorites");
            tree.addListener(SWT.Expand, event -> {
                TreeItem item = (TreeItem) event.item;
                events.add("expand " + item.getText());
                if (item == root && root.getItem(0).getText().isEmpty()) {
                    root.getItem(0).dispose();
                    TreeItem certificates = new TreeItem(root, SWT.NONE);
                    certificates.setText("Certificates");
                    new TreeItem(certificates, SWT.NONE).setText("Personal");
                    new TreeItem(root, SWT.NONE).setText("Keys");
                }
            });
            tree.addListener(SWT.Selection, event -> events.add("select " + text(event.item)));
            tree.addListener(SWT.DefaultSelection, event -> events.add("open " + text(event.item)));
            Menu treeMenu = new Menu(tree);
            for (String label : List.of("&Export...", "Properties")) {
                MenuItem item = new MenuItem(treeMenu, SWT.PUSH);
                item.setText(label);
                item.addListener(SWT.Selection, event -> events.add(item.getText() + " on "
                        + Arrays.stream(tree.getSelection()).map(TreeItem::getText).toList()));
            }
            tree.setMenu(treeMenu);

            table = new Table(shell, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
            table.setHeaderVisible(true);
            for (String title : List.of("Subject", "Issuer", "Expires")) {
                new TableColumn(table, SWT.NONE).setText(title);
            }
            row("CN=Alice", "CN=Root CA", "2027-01-01");
            row("CN=Bob", "CN=Intermediate", "2028-06-30");
            row("CN=Carol", "CN=Root CA", "2026-12-31");
            table.addListener(SWT.Selection, event -> events.add("select " + text(event.item)));
            table.addListener(SWT.DefaultSelection, event -> events.add("open " + text(event.item)));
            table.addListener(SWT.MenuDetect, event -> {
                // Built on demand, as some viewers do; SWTBot sends MenuDetect before reading the menu.
                Menu menu = new Menu(table);
                MenuItem copy = new MenuItem(menu, SWT.PUSH);
                copy.setText("Copy");
                copy.addListener(SWT.Selection, e -> events.add("copy"));
                table.setMenu(menu);
            });

            shell.setSize(600, 300);
            shell.open();
        });
    }

    private void row(String... cells) {
        new TableItem(table, SWT.NONE).setText(cells);
    }

    private static String text(Object item) {
        return item instanceof Item i ? i.getText() : String.valueOf(item);
    }

    @Test
    void expandNodeSendsExpandSoLazyChildrenAppear() {
        SWTBotTreeItem certificates = bot.tree().expandNode("Console Root", "Certificates");

        assertEquals(List.of("Personal"), certificates.getNodes());
        assertTrue(certificates.isExpanded());
        assertEquals(List.of("Certificates", "Keys"), bot.tree().getTreeItem("Console Root").getNodes());
        assertEquals(List.of("expand Console Root", "expand Certificates"), events);
    }

    @Test
    void getAllItemsReturnsTheTopLevelItems() {
        assertArrayEquals(new String[] {"Console Root", "Favorites"},
                Arrays.stream(bot.tree().getAllItems()).map(SWTBotTreeItem::getText).toArray());
    }

    @Test
    void selectingANodeSendsSelectionWithThatItem() {
        SWTBotTreeItem keys = bot.tree().expandNode("Console Root").getNode("Keys").select();

        assertTrue(keys.isSelected());
        assertEquals(List.of("Keys"), bot.tree().selection());
        assertEquals("select Keys", events.getLast());
    }

    @Test
    void doubleClickSendsDefaultSelection() {
        bot.tree().expandNode("Console Root").getNode("Keys").doubleClick();

        assertEquals(List.of("expand Console Root", "select Keys", "open Keys"), events);
    }

    @Test
    void contextMenuOfANodeActsOnThatNode() {
        bot.tree().expandNode("Console Root").getNode("Certificates").contextMenu("Export...").click();

        assertEquals("Export... on [Certificates]", events.getLast().replace("&", ""));
    }

    @Test
    void childOfACollapsedNodeIsReportedAsCollapsed() {
        try (var timeout = shortTimeout()) {
            WidgetNotFoundException e = assertThrows(WidgetNotFoundException.class,
                    () -> bot.tree().getTreeItem("Console Root").getNode("Keys"));
            assertTrue(e.getMessage().contains("TreeItem 'Console Root' (collapsed: expand() it) has children []"),
                    e.getMessage());
        }
    }

    @Test
    void tableReadsRowsColumnsAndCells() {
        SWTBotTable certificates = bot.table();

        assertEquals(3, certificates.rowCount());
        assertEquals(List.of("Subject", "Issuer", "Expires"), certificates.columns());
        assertEquals("CN=Intermediate", certificates.cell(1, "Issuer"));
        assertEquals("2026-12-31", certificates.cell(2, 2));
        assertEquals(1, certificates.indexOf("CN=Bob"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> certificates.cell(3, 0));
        assertTrue(e.getMessage().contains("Row 3 does not exist; the table has 3 rows"), e.getMessage());
    }

    @Test
    void tableSelectSendsSelectionAndDoubleClickSendsDefaultSelection() {
        bot.table().select("CN=Carol");
        bot.table().doubleClick(0);

        assertEquals(1, bot.table().selectionCount());
        assertEquals(List.of("select CN=Carol", "select CN=Alice", "open CN=Alice"), events);
    }

    @Test
    void contextMenuCreatedOnMenuDetectIsFound() {
        bot.table().contextMenu("Copy").click();

        assertEquals(List.of("copy"), events);
    }

    @Test
    void waitUntilTableHasRowsWaitsForLateRows() {
        onUi(() -> display.timerExec(300, () -> row("CN=Dave", "CN=Root CA", "2029-01-01")));

        bot.waitUntil(Conditions.tableHasRows(bot.table(), 4));

        assertEquals("CN=Dave", bot.table().cell(3, "Subject"));
    }
}
