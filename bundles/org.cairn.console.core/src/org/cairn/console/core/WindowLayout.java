package org.cairn.console.core;

import java.util.Optional;

/**
 * The console window's layout a console file keeps: its bounds, which panes are shown, and the relative widths
 * of the three panes.
 *
 * @param bounds         position and size, when known
 * @param maximized      whether the window is maximized
 * @param consoleTree    whether the console tree is shown
 * @param actionPane     whether the Actions pane is shown
 * @param statusBar      whether the status bar is shown
 * @param treeWeight     the console tree's share of the width
 * @param detailsWeight  the details pane's share
 * @param actionsWeight  the Actions pane's share
 */
public record WindowLayout(Optional<Bounds> bounds, boolean maximized, boolean consoleTree, boolean actionPane,
        boolean statusBar, int treeWeight, int detailsWeight, int actionsWeight) {

    /** The layout of a new console. */
    public static final WindowLayout DEFAULT = new WindowLayout(Optional.empty(), false, true, true, true, 25, 53, 22);

    /**
     * A window's position and size in pixels.
     *
     * @param x      left
     * @param y      top
     * @param width  width
     * @param height height
     */
    public record Bounds(int x, int y, int width, int height) {
    }
}
