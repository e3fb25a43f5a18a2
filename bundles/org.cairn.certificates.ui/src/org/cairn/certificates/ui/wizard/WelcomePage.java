package org.cairn.certificates.ui.wizard;

import java.util.Objects;
import java.util.function.Supplier;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * The first page of the certificate wizards, as Windows lays it out ("Welcome to the Certificate Export
 * Wizard"): what the wizard does, then one line on what it works on (the certificate, the store location).
 */
public final class WelcomePage extends WizardPage {

    private final String text;
    private final Supplier<String> subject;

    /**
     * @param title   the page title
     * @param text    what the wizard does
     * @param subject the line below it, asked when the page is made
     */
    public WelcomePage(String title, String text, Supplier<String> subject) {
        super("welcome");
        this.text = Objects.requireNonNull(text, "text");
        this.subject = Objects.requireNonNull(subject, "subject");
        setTitle(title);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(intro);
        Label about = new Label(page, SWT.WRAP);
        about.setText(subject.get());
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 12).hint(480, SWT.DEFAULT).applyTo(about);
        setControl(page);
    }
}
