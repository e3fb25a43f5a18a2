import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The benchmark's peer for the console's start-up: a plain SWT program (no OSGi, no e4) that opens a shell with a
 * tree and a table, as the console's window has. Its title is "Plain SWT" for the benchmark to wait for. Closes
 * when its window is closed (the benchmark kills it).
 */
public final class PlainSwt {

    private PlainSwt() {
    }

    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        shell.setText("Plain SWT");
        shell.setLayout(new FillLayout());
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        Tree tree = new Tree(sash, SWT.BORDER);
        TreeItem root = new TreeItem(tree, SWT.NONE);
        root.setText("Console Root");
        for (String name : new String[] {"Personal", "Trusted Root Certification Authorities", "Intermediate Certification Authorities"}) {
            new TreeItem(root, SWT.NONE).setText(name);
        }
        root.setExpanded(true);
        Table table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
        table.setHeaderVisible(true);
        for (String name : new String[] {"Issued To", "Issued By", "Expiration Date", "Intended Purposes", "Friendly Name"}) {
            TableColumn column = new TableColumn(table, SWT.NONE);
            column.setText(name);
            column.setWidth(150);
        }
        new TableItem(table, SWT.NONE).setText(new String[] {"There are no items to show in this view.", "", "", "", ""});
        sash.setWeights(1, 3);
        shell.setSize(1000, 700);
        shell.open();
        while (!shell.isDisposed()) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
        display.dispose();
    }
}
