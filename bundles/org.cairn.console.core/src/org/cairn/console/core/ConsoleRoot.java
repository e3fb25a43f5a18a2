package org.cairn.console.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;

/**
 * The Console Root node of a console document: the top of the console tree, holding the root nodes of the
 * snap-ins added to the console, in order.
 */
public final class ConsoleRoot implements ConsoleNode {

    /** The label MMC shows for the root of an unnamed console. */
    public static final String DEFAULT_LABEL = "Console Root";

    private final String label;
    private final List<ConsoleNode> children = new CopyOnWriteArrayList<>();

    /** Creates a root with the default label, "Console Root". */
    public ConsoleRoot() {
        this(DEFAULT_LABEL);
    }

    /** @param label the root's label */
    public ConsoleRoot(String label) {
        this.label = requireText(label);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String nodeTypeId() {
        return ConsoleIds.ROOT_NODE_TYPE;
    }

    @Override
    public List<ConsoleNode> children() {
        return List.copyOf(children);
    }

    /** Appends a snap-in's root node. */
    public void add(ConsoleNode node) {
        children.add(Objects.requireNonNull(node, "node"));
    }

    /** Removes a node; returns whether it was there. */
    public boolean remove(ConsoleNode node) {
        return children.remove(node);
    }

    /**
     * Puts {@code replacement} where {@code node} is.
     *
     * @return whether {@code node} was a child
     */
    public boolean replace(ConsoleNode node, ConsoleNode replacement) {
        int index = children.indexOf(node);
        if (index < 0) {
            return false;
        }
        children.set(index, Objects.requireNonNull(replacement, "replacement"));
        return true;
    }

    /**
     * Moves a node up ({@code -1}) or down ({@code +1}).
     *
     * @return whether it moved
     */
    public boolean move(ConsoleNode node, int offset) {
        List<ConsoleNode> copy = new ArrayList<>(children);
        if (!ConsoleDocument.move(copy, node, offset)) {
            return false;
        }
        children.clear();
        children.addAll(copy);
        return true;
    }

    @Override
    public Optional<Icon> icon() {
        return Optional.of(Icon.of(Icon.Kind.CONSOLE_ROOT));
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A console root needs a label");
        }
        return text;
    }
}
