package org.cairn.testing.ui;

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
