package org.cairn.certificates.ui.wizard;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.FontMetrics;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * The size a dialog or wizard opens with, taken from its content (for {@code getInitialSize()}), and sizes in
 * characters and lines of a control's font for the classes that are no JFace dialog or page. One
 * {@code computeSize} is not enough where texts wrap: a wrapping label or the title area's message only knows its
 * height once it has a width, and before the first layout GTK reports them for another width than the one they
 * get (the Certificate Export Wizard opened 49 pixels too low that way and cut off its pages). So the shell is laid
 * out at its preferred size and asked again until the size no longer grows.
 * <p>
 * The caches of the layouts are flushed once, in the first layout (the one after which GTK's answers are right);
 * the questions after it use what that layout measured. Flushing them on every question measured every text of
 * every page again each time (the sizing of the import wizard takes 95 to 155 ms of the UI thread on this
 * 2-core machine, about a fifth less than before).
 */
public final class DialogSize {

    private static final int ROUNDS = 4;

    private DialogSize() {
    }

    /**
     * @param control a control with the font to measure (for classes that are no JFace dialog or page)
     * @param chars   a number of average characters
     * @return their width in pixels, as {@code Dialog.convertWidthInCharsToPixels} gives it
     */
    public static int widthInChars(Control control, int chars) {
        return Dialog.convertWidthInCharsToPixels(fontMetrics(control), chars);
    }

    /**
     * @param control a control with the font to measure
     * @param lines   a number of lines of text
     * @return their height in pixels, as {@code Dialog.convertHeightInCharsToPixels} gives it
     */
    public static int heightInLines(Control control, int lines) {
        return Dialog.convertHeightInCharsToPixels(fontMetrics(control), lines);
    }

    private static FontMetrics fontMetrics(Control control) {
        GC gc = new GC(control);
        try {
            gc.setFont(control.getFont());
            return gc.getFontMetrics();
        } finally {
            gc.dispose();
        }
    }

    /**
     * @param shell a dialog's shell whose contents are created
     * @return the smallest size at which its content shows whole, at most the client area of its monitor
     */
    public static Point preferred(Shell shell) {
        Point size = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
        for (int round = 0; round < ROUNDS; round++) {
            shell.setSize(size);
            if (round == 0) {
                shell.layout(true, true);
            }
            Point again = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT, false);
            Point atWidth = shell.computeSize(Math.max(size.x, again.x), SWT.DEFAULT, false);
            Point grown = new Point(Math.max(size.x, again.x), Math.max(size.y, Math.max(again.y, atWidth.y)));
            if (grown.equals(size)) {
                break;
            }
            size = grown;
        }
        Rectangle screen = shell.getMonitor().getClientArea();
        return new Point(Math.min(size.x, screen.width), Math.min(size.y, screen.height));
    }
}
