package org.cairn.certificates.ui.importing.internal;

import java.text.MessageFormat;

import org.cairn.certificates.core.Scope;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** "Welcome to the Certificate Import Wizard": what the wizard does, and whose stores it imports into. */
final class WelcomePage extends WizardPage {

    private final ImportWizard wizard;

    WelcomePage(ImportWizard wizard) {
        super("welcome");
        this.wizard = wizard;
        setTitle(wizard.messages().welcome_title);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label text = new Label(page, SWT.WRAP);
        text.setText(wizard.messages().welcome_text);
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(text);
        Label location = new Label(page, SWT.WRAP);
        location.setText(MessageFormat.format(wizard.messages().welcome_location, location(wizard.scope(), wizard.messages())));
        GridDataFactory.fillDefaults().grab(true, false).indent(0, 12).hint(480, SWT.DEFAULT).applyTo(location);
        setControl(page);
    }

    /** Windows' "Store Location" (Current User, Local Machine), and Cairn's service accounts. */
    private static String location(Scope scope, Messages m) {
        return switch (scope) {
            case Scope.CurrentUser user -> m.welcome_location_user;
            case Scope.Computer computer -> m.welcome_location_computer;
            case Scope.Service service -> MessageFormat.format(m.welcome_location_service, service.name());
        };
    }
}
