package org.cairn.certificates.ui.export.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cairn.testing.ui.SWTBot;
import org.cairn.testing.ui.ScreenshotOnFailure;
import org.cairn.testing.ui.UIThreadRunnable;
import org.cairn.testing.ui.UiThreadWatchdog;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MHandler;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledMenuItem;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the bundle adds to the application model, and only through its model fragment: the handler of the
 * Certificates snap-in's export command and the All Tasks entry. Without the bundle (as in the console's and the
 * snap-in's own UI tests, which run without it) neither is there and the console works as before.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ContributionTest {

    private static final String CONTRIBUTOR = "platform:/plugin/org.cairn.certificates.ui.export";

    @Test
    void handlerAndAllTasksEntryComeFromThisBundle() {
        SWTBot bot = new SWTBot();
        List<String> contributors = UIThreadRunnable.syncExec(bot.display(), () -> {
            MApplication app = Fixture.applicationContext().get(MApplication.class);
            EModelService models = Fixture.applicationContext().get(EModelService.class);
            assertTrue(app.getCommands().stream().anyMatch(c -> Fixture.COMMAND.equals(c.getElementId())));
            MHandler handler = app.getHandlers().stream()
                    .filter(h -> "org.cairn.certificates.ui.export.handler".equals(h.getElementId())).findFirst()
                    .orElseThrow();
            assertEquals(Fixture.COMMAND, handler.getCommand().getElementId());
            List<MHandledMenuItem> items = models.findElements(app,
                    "org.cairn.certificates.ui.export.menu.allTasks.export", MHandledMenuItem.class, null,
                    EModelService.ANYWHERE | EModelService.IN_MAIN_MENU);
            assertEquals(1, items.size());
            assertEquals("org.cairn.console.menu.action.allTasks", items.get(0).getParent().getElementId());
            assertTrue(items.get(0).getVisibleWhen() != null, "shown only for certificates");
            assertEquals(Fixture.COMMAND, items.get(0).getCommand().getElementId());
            return List.of(handler.getContributorURI(), items.get(0).getContributorURI());
        });
        for (String contributor : contributors) {
            assertTrue(contributor != null && contributor.startsWith(CONTRIBUTOR), contributors.toString());
        }
    }

    @Test
    void allTasksDoesNotOfferExportWhenNoCertificateIsSelected() {
        SWTBot bot = new SWTBot();
        var window = bot.shell("Cairn - [Console Root]");
        window.activate();
        List<String> tasks = window.bot().menu("Action").menu("All Tasks").menuItems();
        assertFalse(tasks.contains("Export..."), tasks.toString());
    }
}
