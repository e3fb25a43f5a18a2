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

    /** How wide the wizards' wrapping texts are, in average characters of the dialog font. */
    public static final int TEXT_WIDTH_CHARS = 70;

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
        initializeDialogUnits(parent);
        // Wrapping texts get a width in characters of the dialog font, so that they know their height.
        int width = convertWidthInCharsToPixels(TEXT_WIDTH_CHARS);
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label intro = new Label(page, SWT.WRAP);
        intro.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).hint(width, SWT.DEFAULT).applyTo(intro);
        Label about = new Label(page, SWT.WRAP);
        about.setText(subject.get());
        GridDataFactory.fillDefaults().grab(true, false).indent(0, convertVerticalDLUsToPixels(8))
                .hint(width, SWT.DEFAULT).applyTo(about);
        setControl(page);
    }
}
