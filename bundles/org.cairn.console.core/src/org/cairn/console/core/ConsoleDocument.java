package org.cairn.console.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.cairn.console.api.ConsoleNode;

/**
 * A console: the document a console window shows (the analogue of an MMC {@code .msc} file): its name, its root
 * and whether it has unsaved changes.
 */
public final class ConsoleDocument {

    /** The application name, used in the window title while a console has no file name. */
    public static final String APPLICATION_NAME = "Cairn";

    private final ConsoleRoot root;
    private final Optional<String> fileName;

    /** Creates an unnamed console with an empty Console Root. */
    public ConsoleDocument() {
        this(new ConsoleRoot(), Optional.empty());
    }

    /**
     * @param root     the root node
     * @param fileName the console file's name (without folder), when it was opened from or saved to a file
     */
    public ConsoleDocument(ConsoleRoot root, Optional<String> fileName) {
        this.root = Objects.requireNonNull(root, "root");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
    }

    /** @return the Console Root */
    public ConsoleRoot root() {
        return root;
    }

    /** @return the console's file name, if it has one */
    public Optional<String> fileName() {
        return fileName;
    }

    /**
     * The window title as MMC writes it: the console's name, then the path of the selected node in square
     * brackets, its parts separated by a backslash, for example {@code Cairn - [Console Root\Certificates]}.
     *
     * @param selectedPath the labels from the root to the selected node; empty means the root itself
     */
    public String windowTitle(List<ConsoleNode> selectedPath) {
        StringBuilder title = new StringBuilder(fileName.orElse(APPLICATION_NAME)).append(" - [");
        if (selectedPath.isEmpty()) {
            title.append(root.label());
        } else {
            for (int i = 0; i < selectedPath.size(); i++) {
                if (i > 0) {
                    title.append('\\');
                }
                title.append(selectedPath.get(i).label());
            }
        }
        return title.append(']').toString();
    }

    /**
     * @return the nodes from the root down to {@code node}, both included, or an empty list when {@code node} is
     *         not in this console's tree. Only nodes already loaded are searched: children are asked for, so
     *         call this for nodes the tree has shown.
     */
    public List<ConsoleNode> pathTo(ConsoleNode node) {
        java.util.ArrayDeque<ConsoleNode> path = new java.util.ArrayDeque<>();
        return find(root, node, path) ? List.copyOf(path) : List.of();
    }

    private static boolean find(ConsoleNode current, ConsoleNode wanted, java.util.Deque<ConsoleNode> path) {
        path.addLast(current);
        if (current.equals(wanted)) {
            return true;
        }
        for (ConsoleNode child : current.children()) {
            if (find(child, wanted, path)) {
                return true;
            }
        }
        path.removeLast();
        return false;
    }
}
