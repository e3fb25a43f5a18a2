package org.cairn.testing.ui;

import java.util.List;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;

/** A shell: activate it, search inside it with {@link #bot()}, close it (SWTBot's {@code SWTBotShell}). */
public final class SWTBotShell extends AbstractSWTBot<Shell> {

    /** Wraps {@code shell}. */
    public SWTBotShell(Shell shell) {
        super(shell);
    }

    /**
     * Saves the part of the screen this shell's window covers as PNG, once it has painted. Off the UI thread.
     *
     * @param file the PNG file; its folder is created
     * @return the absolute file
     */
    public java.nio.file.Path captureScreenshot(java.nio.file.Path file) {
        return Screenshots.captureWindow(widget, file);
    }

    /**
     * Asserts that a person sees every visible control of this shell whole: none cut off by a parent or the shell,
     * none pushed outside, none of zero size, every text fitting its control (the rules: {@link Visibility}).
     * Waits for pending layout and paint first.
     *
     * @throws AssertionError listing each control that is not seen whole, and the shell's size
     */
    public SWTBotShell assertNothingClipped() {
        // Deferred layouts and the window system's resizes queue behind other events: let them run first.
        for (int i = 0; i < 2; i++) {
            UIThreadRunnable.postAndWait(display, () -> {
            });
        }
        List<String> problems = syncExec(() -> Visibility.clippedControls(widget));
        if (!problems.isEmpty()) {
            throw new AssertionError(this + " (" + syncExec(() -> widget.getSize().x + " x " + widget.getSize().y)
                    + ") does not show every control whole:\n  " + String.join("\n  ", problems));
        }
        return this;
    }

    /** @return a bot that searches only inside this shell */
    public SWTBot bot() {
        return new SWTBot(widget);
    }

    /**
     * Brings the shell to the front and waits until it is the active shell. Without a window manager
     * focus requests may go unanswered; the shell is then still what {@link SWTBot#activeShell()} returns.
     */
    public SWTBotShell activate() {
        syncExec(() -> {
            if (widget.getMinimized()) {
                widget.setMinimized(false);
            }
            widget.setActive();
            widget.forceActive();
            ShellTracker.of(display).touch(widget);
        });
        long timeout = Wait.timeout();
        if (Wait.poll(display, timeout, () -> Optional.of(true).filter(ignored -> isActive())).value().isEmpty()) {
            throw new TimeoutException(this + " did not become active within " + timeout + " ms; active: "
                    + syncExec(() -> ShellTracker.activeShell(display).map(Widgets::describe).orElse("none")), null);
        }
        return this;
    }

    /** @return whether this is the shell {@link SWTBot#activeShell()} would return */
    public boolean isActive() {
        return syncExec(() -> ShellTracker.activeShell(display).orElse(null) == widget);
    }

    /** @return whether the shell is neither disposed nor hidden */
    public boolean isOpen() {
        return !widget.isDisposed() && syncExec(() -> !widget.isDisposed() && widget.isVisible());
    }

    /**
     * Asks the shell to close, as its close box would. Does not wait: a Close listener may veto or ask
     * first; use {@code waitUntil(Conditions.shellCloses(shell))} where the close must happen.
     */
    public void close() {
        post(widget::close);
    }
}
