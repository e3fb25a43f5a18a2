package org.cairn.testing.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CLabel;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.Text;

/**
 * What a person sees of a shell: finds the visible controls that are not shown whole (SWTBot has no such check;
 * {@link SWTBotShell#assertNothingClipped()} is its entry point). Every method runs on the UI thread.
 *
 * <p>A visible control is <em>clipped</em> when
 * <ul>
 * <li>it lies, even in part, outside the client area of one of its parents (up to the shell, whose client area
 * counts too), or the shell lies outside the screen;</li>
 * <li>it has no width or no height;</li>
 * <li>its text does not fit in it: a label, button, link, single-line text or combo smaller than its preferred
 * size (for a wrapping one: lower than the height its text needs at its width). Wider texts in a text field or
 * combo scroll, so only their height counts.</li>
 * </ul>
 * <b>Scrolling.</b> The content of a {@link ScrolledComposite} may exceed the scrolled composite's viewport: that
 * is what it is for. It counts as reachable when, in each direction where it is larger than the viewport, the
 * scrolled composite has a visible scroll bar whose range covers the content; its own children are then checked
 * against the content, not against the viewport. An empty label without image fills a grid cell and shows
 * nothing: it is not checked. Items of tables and trees are not controls and scroll too; they
 * are not checked.
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * @param shell an open shell
     * @return one line for each control of {@code shell} a person cannot see whole; empty when all are
     */
    public static List<String> clippedControls(Shell shell) {
        List<String> problems = new ArrayList<>();
        Rectangle screen = shell.getDisplay().getBounds();
        Rectangle shellArea = displayArea(shell);
        if (!screen.contains(shellArea.x, shellArea.y)
                || !screen.contains(shellArea.x + shellArea.width - 1, shellArea.y + shellArea.height - 1)) {
            problems.add(describe(shell) + " at " + shellArea + " lies outside the screen " + screen);
        }
        check(shell, problems);
        return problems;
    }

    private static void check(Composite parent, List<String> problems) {
        for (Control child : parent.getChildren()) {
            if (!child.isVisible()) {
                continue;
            }
            if (!isSpacer(child)) {
                checkControl(child, problems);
            }
            if (child instanceof Composite composite) {
                check(composite, problems);
            }
        }
    }

    private static void checkControl(Control control, List<String> problems) {
        Point size = control.getSize();
        if (size.x <= 0 || size.y <= 0) {
            problems.add(describe(control) + " is visible but has no area: " + size.x + " x " + size.y);
            return;
        }
        Rectangle bounds = displayBounds(control);
        Composite parent = control.getParent();
        Control child = control;
        while (parent != null) {
            if (parent instanceof ScrolledComposite scrolled && scrolled.getContent() == child) {
                reachable(scrolled, child, problems);
                break;
            }
            Rectangle area = displayArea(parent, child);
            if (!contains(area, bounds)) {
                problems.add(describe(control) + " at " + bounds + " does not lie whole inside the client area "
                        + area + " of " + describe(parent) + " (screen coordinates)");
                break;
            }
            if (parent instanceof Shell) {
                break;
            }
            child = parent;
            parent = parent.getParent();
        }
        textFits(control, size, problems);
    }

    /** The content of {@code scrolled} may be larger than its viewport if a scroll bar can bring the rest in. */
    private static void reachable(ScrolledComposite scrolled, Control content, List<String> problems) {
        Rectangle viewport = scrolled.getClientArea();
        Point size = content.getSize();
        if (size.x > viewport.width && !scrolls(scrolled.getHorizontalBar(), size.x)) {
            problems.add(describe(content) + " is " + size.x + " wide in " + describe(scrolled)
                    + " whose viewport is " + viewport.width + " wide and which cannot scroll sideways to it");
        }
        if (size.y > viewport.height && !scrolls(scrolled.getVerticalBar(), size.y)) {
            problems.add(describe(content) + " is " + size.y + " high in " + describe(scrolled)
                    + " whose viewport is " + viewport.height + " high and which cannot scroll down to it");
        }
    }

    private static boolean scrolls(ScrollBar bar, int extent) {
        return bar != null && bar.getVisible() && bar.getMaximum() >= extent;
    }

    /** Labels, buttons and links must be at least as large as their text; text fields and combos as high. */
    private static void textFits(Control control, Point size, List<String> problems) {
        Point needed;
        boolean widthCounts;
        if (control instanceof Label || control instanceof CLabel || control instanceof Link
                || control instanceof Button) {
            if ((control.getStyle() & SWT.SEPARATOR) != 0) {
                return;
            }
            boolean wraps = (control.getStyle() & SWT.WRAP) != 0 || control instanceof Link;
            needed = wraps ? control.computeSize(size.x, SWT.DEFAULT) : control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            widthCounts = !wraps;
        } else if (control instanceof Combo || control instanceof Text && (control.getStyle() & SWT.MULTI) == 0) {
            needed = control.computeSize(SWT.DEFAULT, SWT.DEFAULT);
            widthCounts = false;
        } else {
            return;
        }
        if (widthCounts && size.x < needed.x || size.y < needed.y) {
            problems.add(describe(control) + " is " + size.x + " x " + size.y + " but its text needs "
                    + (widthCounts ? needed.x + " x " : "a height of ") + needed.y);
        }
    }

    /** An empty label without an image, used to fill a grid cell: there is nothing in it to see. */
    private static boolean isSpacer(Control control) {
        return control instanceof Label label && (label.getStyle() & SWT.SEPARATOR) == 0
                && label.getText().isEmpty() && label.getImage() == null
                || control instanceof CLabel clabel && (clabel.getText() == null || clabel.getText().isEmpty())
                        && clabel.getImage() == null;
    }

    private static boolean contains(Rectangle outer, Rectangle inner) {
        return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width
                && inner.y + inner.height <= outer.y + outer.height;
    }

    private static Rectangle displayBounds(Control control) {
        Rectangle bounds = control.getBounds();
        if (control instanceof Shell) {
            return bounds;
        }
        Point origin = origin(control.getParent(), control);
        return new Rectangle(origin.x + bounds.x, origin.y + bounds.y, bounds.width, bounds.height);
    }

    /** The client area of {@code composite} on the screen; {@code child} is one of its children, or null. */
    private static Rectangle displayArea(Composite composite, Control child) {
        Rectangle area = composite.getClientArea();
        Point origin = origin(composite, child);
        return new Rectangle(origin.x + area.x, origin.y + area.y, area.width, area.height);
    }

    private static Rectangle displayArea(Composite composite) {
        return displayArea(composite, null);
    }

    /**
     * Where (0, 0) of the coordinates of {@code composite}'s children lies on the screen. GTK's {@link TabFolder}
     * places its pages below its tabs yet maps {@code toDisplay} from its own top: there the page tells where it is.
     */
    private static Point origin(Composite composite, Control child) {
        if (composite instanceof TabFolder && child != null && !(child instanceof Shell)) {
            Point page = child.toDisplay(0, 0);
            Rectangle bounds = child.getBounds();
            int border = child.getBorderWidth();
            return new Point(page.x - border - bounds.x, page.y - border - bounds.y);
        }
        return composite.toDisplay(0, 0);
    }

    private static String describe(Control control) {
        String text = Widgets.normalize(Widgets.textOf(control));
        String name = control.getClass().getSimpleName();
        return text.isEmpty() ? name : name + " '" + text + "'";
    }
}
