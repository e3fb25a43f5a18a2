package org.cairn.certificates.ui.tests;

import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/** A plain dialog around one of the snap-in's composites, as the console will host it, for the tests to drive. */
final class HostDialog<C extends Control> extends Dialog {

    private final String title;
    private final Function<Composite, C> content;
    private final Point size;
    private C control;

    HostDialog(Shell parent, String title, Point size, Function<Composite, C> content) {
        super(parent);
        this.title = title;
        this.size = size;
        this.content = content;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    C control() {
        return control;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        control = content.apply(area);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(control);
        return area;
    }

    @Override
    protected Point getInitialSize() {
        return size == null ? super.getInitialSize() : size;
    }
}
