package org.cairn.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

class ShellsAndWaitsTest extends UiTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    private Shell open(String title, String... buttons) {
        return onUi(() -> {
            Shell shell = new Shell(display);
            shell.setText(title);
            shell.setLayout(new RowLayout());
            for (String label : buttons) {
                Button button = new Button(shell, SWT.PUSH);
                button.setText(label);
                button.addListener(SWT.Selection, event -> events.add(title + ": " + label));
            }
            shell.setSize(300, 120);
            shell.open();
            return shell;
        });
    }

    @Test
    void shellIsFoundWhenItOpensLater() {
        onUi(() -> display.timerExec(300, () -> open("Later")));

        assertEquals("Later", bot.shell("Later").getText());
    }

    @Test
    void activeShellFollowsOpeningAndActivation() {
        open("First", "OK");
        open("Second", "OK");
        assertEquals("Second", bot.activeShell().getText());

        SWTBotShell first = bot.shell("First").activate();
        bot.waitUntil(Conditions.shellIsActive("First"));
        bot.button("OK").click();

        assertTrue(first.isActive());
        assertFalse(bot.shell("Second").isActive());
        assertEquals(List.of("First: OK"), events);
    }

    @Test
    void shellBotSearchesOnlyInsideItsShell() {
        open("First", "OK");
        open("Second", "OK", "Apply");

        bot.shell("First").bot().button("OK").click();
        try (var timeout = shortTimeout()) {
            assertThrows(WidgetNotFoundException.class, () -> bot.shell("First").bot().button("Apply"));
        }

        assertEquals(List.of("First: OK"), events);
    }

    @Test
    void clickThatOpensAModalDialogReturnsWhileTheDialogIsOpen() {
        Shell main = open("Main");
        onUi(() -> {
            Button delete = new Button(main, SWT.PUSH);
            delete.setText("Delete...");
            delete.addListener(SWT.Selection, event -> {
                Shell dialog = new Shell(main, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
                dialog.setText("Confirm");
                dialog.setLayout(new RowLayout());
                Button ok = new Button(dialog, SWT.PUSH);
                ok.setText("OK");
                ok.addListener(SWT.Selection, e -> dialog.close());
                dialog.pack();
                dialog.open();
                // A modal dialog's open(): a nested event loop on the UI thread until the dialog closes.
                while (!dialog.isDisposed()) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
                events.add("dialog closed");
            });
            main.layout();
        });

        bot.button("Delete...").click();
        SWTBotShell confirm = bot.shell("Confirm");
        bot.button("OK").click();
        bot.waitUntil(Conditions.shellCloses(confirm));

        bot.waitUntil(Conditions.condition("the dialog's caller went on", () -> events.contains("dialog closed")));
        assertEquals("Main", bot.activeShell().getText());
    }

    @Test
    void shellClosesTimesOutWhenACloseListenerVetoes() {
        Shell stubborn = open("Stubborn");
        onUi(() -> stubborn.addListener(SWT.Close, event -> event.doit = false));
        SWTBotShell shell = bot.shell("Stubborn");

        shell.close();

        TimeoutException e = assertThrows(TimeoutException.class,
                () -> bot.waitUntil(Conditions.shellCloses(shell), 300));
        assertTrue(e.getMessage().contains("Timed out after 300 ms waiting until: Shell 'Stubborn' did not close"),
                e.getMessage());
    }

    @Test
    void waitUntilTimesOutWithTheConditionsMessage() {
        long start = System.nanoTime();

        TimeoutException e = assertThrows(TimeoutException.class,
                () -> bot.waitUntil(Conditions.condition("the moon turns blue", () -> false), 250));

        assertTrue(System.nanoTime() - start >= 250_000_000L, "returned before the timeout");
        assertEquals("Timed out after 250 ms waiting until: the moon turns blue", e.getMessage());
    }

    @Test
    void waitWhileReturnsOnceTheConditionStopsHolding() {
        AtomicBoolean busy = new AtomicBoolean(true);
        onUi(() -> display.timerExec(200, () -> busy.set(false)));

        bot.waitWhile(Conditions.condition("still busy", busy::get));

        assertFalse(busy.get());
    }

    @Test
    void conditionThatThrowsKeepsWaitingAndReportsTheError() {
        TimeoutException e = assertThrows(TimeoutException.class, () -> bot.waitUntil(new DefaultCondition() {
            @Override
            public boolean test() {
                throw new IllegalStateException("not ready: " + bot.display());
            }

            @Override
            public String getFailureMessage() {
                return "never ready";
            }
        }, 200));

        assertTrue(e.getCause() instanceof IllegalStateException cause && cause.getMessage().startsWith("not ready"));
    }

    @Test
    void shellIsActiveFailureNamesTheActiveAndVisibleShells() {
        open("First");
        open("Second");

        TimeoutException e = assertThrows(TimeoutException.class,
                () -> bot.waitUntil(Conditions.shellIsActive("Third"), 200));

        assertTrue(e.getMessage().contains("Shell 'Third' did not become active; active: 'Second', visible shells: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("'First'") && e.getMessage().contains("'Second'"), e.getMessage());
    }

    @Test
    void withoutAnActiveShellTheMostRecentlyShownVisibleShellCounts() {
        Shell first = open("First");
        Shell second = open("Second");
        Shell third = open("Third");
        Shell[] all = {first, second, third};

        onUi(() -> {
            assertSame(second, ShellTracker.pick(null, List.of(third, first, second), all).orElseThrow());
            second.setVisible(false);
            assertSame(first, ShellTracker.pick(null, List.of(third, first, second), all).orElseThrow());
            assertSame(third, ShellTracker.pick(null, List.of(), all).orElseThrow());
            assertSame(third, ShellTracker.pick(third, List.of(first), all).orElseThrow());
        });
    }

    @Test
    void findingOnTheUIThreadIsRefusedWithAnExplanation() {
        open("First", "OK");

        IllegalStateException e = onUi(() -> assertThrows(IllegalStateException.class, () -> bot.button("OK")));

        assertTrue(e.getMessage().contains("off the UI thread"), e.getMessage());
    }

    @Test
    void botWithoutArgumentsDrivesTheRunningDisplay() {
        open("First", "OK");

        new SWTBot().button("OK").click();

        assertSame(display, new SWTBot().display());
        assertEquals(List.of("First: OK"), events);
    }

    @Test
    void menuOfAShellWithoutMenuBarSaysSo() {
        open("Dialog");

        try (var timeout = shortTimeout()) {
            WidgetNotFoundException e = assertThrows(WidgetNotFoundException.class, () -> bot.menu("File"));
            assertTrue(e.getMessage().endsWith("Shell 'Dialog' has no menu bar"), e.getMessage());
        }
    }

    @Test
    void defaultTimeoutComesFromTheSystemProperty() {
        String previous = System.getProperty(Wait.TIMEOUT_PROPERTY);
        System.clearProperty(Wait.TIMEOUT_PROPERTY);
        try {
            assertEquals(5_000, SWTBot.defaultTimeout());
            try (var timeout = shortTimeout()) {
                assertEquals(ShortTimeout.MILLIS, SWTBot.defaultTimeout());
            }
        } finally {
            if (previous != null) {
                System.setProperty(Wait.TIMEOUT_PROPERTY, previous);
            }
        }
    }
}
