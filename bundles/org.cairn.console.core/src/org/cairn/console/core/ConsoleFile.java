package org.cairn.console.core;

import java.util.List;

/**
 * The content of a console file ({@code .cairn}): the snap-ins added, with their settings, the view state and
 * the window layout. Read and written by {@link ConsoleFiles}; the format is described in the bundle's
 * {@code CONSOLE-FILE.md}.
 *
 * @param snapIns the snap-ins added beneath the Console Root, in order
 * @param view    the tree's expanded and selected nodes and the column layouts
 * @param window  the window layout
 */
public record ConsoleFile(List<SnapInEntry> snapIns, ViewState view, WindowLayout window) {

    /** The format version this version of Cairn writes, and the newest it reads completely. */
    public static final int FORMAT = 1;

    /** Copies the list. */
    public ConsoleFile {
        snapIns = List.copyOf(snapIns);
    }
}
