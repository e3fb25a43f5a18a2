package org.cairn.testing.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;

/**
 * Remembers the order in which shells were shown or activated, so that "the active shell" still means
 * something when {@link Display#getActiveShell()} is null, as it can be without a window manager
 * (Xvfb). One per display, kept in the display's data; used on the UI thread only.
 */
final class ShellTracker implements Listener {

    private static final String KEY = ShellTracker.class.getName();

    /** Least recent first. */
    private final List<Shell> recent = new ArrayList<>();

    private ShellTracker() {
    }

    static ShellTracker of(Display display) {
        if (display.getData(KEY) instanceof ShellTracker tracker) {
            return tracker;
        }
        ShellTracker tracker = new ShellTracker();
        display.addFilter(SWT.Show, tracker);
        display.addFilter(SWT.Activate, tracker);
        display.setData(KEY, tracker);
        return tracker;
    }

    @Override
    public void handleEvent(Event event) {
        if (event.widget instanceof Shell shell) {
            touch(shell);
        }
    }

    /** Records {@code shell} as the most recently shown or activated. */
    void touch(Shell shell) {
        recent.removeIf(s -> s == shell || s.isDisposed());
        recent.add(shell);
    }

    /** The active shell, else the most recently shown or activated visible one, else any visible one. */
    static Optional<Shell> activeShell(Display display) {
        return pick(display.getActiveShell(), of(display).recent, display.getShells());
    }

    static Optional<Shell> pick(Shell active, List<Shell> recentFirst, Shell[] all) {
        if (isOpen(active)) {
            return Optional.of(active);
        }
        for (int i = recentFirst.size() - 1; i >= 0; i--) {
            if (isOpen(recentFirst.get(i))) {
                return Optional.of(recentFirst.get(i));
            }
        }
        for (int i = all.length - 1; i >= 0; i--) {
            if (isOpen(all[i])) {
                return Optional.of(all[i]);
            }
        }
        return Optional.empty();
    }

    private static boolean isOpen(Shell shell) {
        return shell != null && !shell.isDisposed() && shell.isVisible();
    }
}
