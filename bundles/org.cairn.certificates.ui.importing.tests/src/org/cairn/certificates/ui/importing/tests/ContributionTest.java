package org.cairn.certificates.ui.importing.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * What the bundle adds to the application model, and only through its model fragment: the import command, its
 * handler, the All Tasks entry (shown on store folders only) and the File menu entry.
 */
@ExtendWith(ScreenshotOnFailure.class)
@ExtendWith(UiThreadWatchdog.class)
class ContributionTest {

    private static final String CONTRIBUTOR = "platform:/plugin/org.cairn.certificates.ui.importing";

    @Test
    void commandHandlerAndMenuEntriesComeFromThisBundle() {
        SWTBot bot = new SWTBot();
        List<String> contributors = UIThreadRunnable.syncExec(bot.display(), () -> {
            MApplication app = Fixture.applicationContext().get(MApplication.class);
            EModelService models = Fixture.applicationContext().get(EModelService.class);
            assertTrue(app.getCommands().stream().anyMatch(c -> Fixture.IMPORT_COMMAND.equals(c.getElementId())));
            MHandler handler = app.getHandlers().stream()
                    .filter(h -> "org.cairn.certificates.ui.importing.handler".equals(h.getElementId())).findFirst()
                    .orElseThrow();
            assertEquals(Fixture.IMPORT_COMMAND, handler.getCommand().getElementId());
            MHandledMenuItem allTasks = item(models, app, "org.cairn.certificates.ui.importing.menu.allTasks.import");
            assertEquals("org.cairn.console.menu.action.allTasks", allTasks.getParent().getElementId());
            assertTrue(allTasks.getVisibleWhen() != null, "shown only on store folders");
            MHandledMenuItem file = item(models, app, "org.cairn.certificates.ui.importing.menu.file.import");
            assertEquals("org.cairn.console.menu.file", file.getParent().getElementId());
            assertEquals(Fixture.IMPORT_COMMAND, file.getCommand().getElementId());
            return List.of(handler.getContributorURI(), allTasks.getContributorURI(), file.getContributorURI());
        });
        for (String contributor : contributors) {
            assertTrue(contributor != null && contributor.startsWith(CONTRIBUTOR), contributors.toString());
        }
    }

    private static MHandledMenuItem item(EModelService models, MApplication app, String id) {
        List<MHandledMenuItem> items = models.findElements(app, id, MHandledMenuItem.class, null,
                EModelService.ANYWHERE | EModelService.IN_MAIN_MENU);
        assertEquals(1, items.size(), id);
        return items.get(0);
    }
}
