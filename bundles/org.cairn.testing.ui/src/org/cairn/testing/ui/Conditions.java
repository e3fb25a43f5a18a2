package org.cairn.testing.ui;

import java.util.function.BooleanSupplier;

import org.eclipse.swt.widgets.Display;

/** Common conditions for {@link SWTBot#waitUntil(ICondition)}, named as SWTBot's {@code Conditions}. */
public final class Conditions {

    private Conditions() {
    }

    /** The active shell (see {@link SWTBot#activeShell()}) has the title {@code title}. */
    public static ICondition shellIsActive(String title) {
        return new DefaultCondition() {
            @Override
            public boolean test() {
                return UIThreadRunnable.syncExec(bot.display(), () -> ShellTracker.activeShell(bot.display())
                        .map(shell -> title.equals(shell.getText())).orElse(false));
            }

            @Override
            public String getFailureMessage() {
                Display display = bot.display();
                return UIThreadRunnable.syncExec(display, () -> "Shell '" + title + "' did not become active; active: "
                        + ShellTracker.activeShell(display).map(s -> "'" + s.getText() + "'").orElse("none")
                        + ", visible shells: " + Widgets.visibleShellTitles(display));
            }
        };
    }

    /** {@code shell} is closed: disposed or hidden. */
    public static ICondition shellCloses(SWTBotShell shell) {
        return new DefaultCondition() {
            @Override
            public boolean test() {
                return !shell.isOpen();
            }

            @Override
            public String getFailureMessage() {
                return shell + " did not close";
            }
        };
    }

    /** {@code widget} is enabled. */
    public static ICondition widgetIsEnabled(AbstractSWTBot<?> widget) {
        return condition(widget + " did not become enabled", widget::isEnabled);
    }

    /** {@code table} has exactly {@code rowCount} rows. */
    public static ICondition tableHasRows(SWTBotTable table, int rowCount) {
        return new DefaultCondition() {
            @Override
            public boolean test() {
                return table.rowCount() == rowCount;
            }

            @Override
            public String getFailureMessage() {
                return "Table should have " + rowCount + " rows but has " + table.rowCount();
            }
        };
    }

    /** A condition from a test; {@code description} says what should have happened. */
    public static ICondition condition(String description, BooleanSupplier test) {
        return new ICondition() {
            @Override
            public boolean test() {
                return test.getAsBoolean();
            }

            @Override
            public String getFailureMessage() {
                return description;
            }
        };
    }

    /** A condition from a test whose failure message is computed when it fails (to show what happened). */
    public static ICondition condition(java.util.function.Supplier<String> description, BooleanSupplier test) {
        return new ICondition() {
            @Override
            public boolean test() {
                return test.getAsBoolean();
            }

            @Override
            public String getFailureMessage() {
                return description.get();
            }
        };
    }
}
