package org.cairn.certificates.ui.export.tests;

import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.SWTBotWizard;

/** The Certificate Export Wizard as a user sees it: its pages, buttons and the dialogs it opens. */
final class ExportWizardBot extends SWTBotWizard {

    static final String TITLE = "Certificate Export Wizard";
    static final String CHAIN = "Include all certificates in the certification path if possible";

    ExportWizardBot(SWTBot bot) {
        super(bot, TITLE);
    }
}
