package org.cairn.console.api;

import java.util.List;

/**
 * A node of the console tree: what a snap-in shows on the left of the console and what the Action menu and
 * the details pane act on.
 * <p>
 * Implementations are provided by snap-ins (and by the host for the Console Root). Children are computed lazily:
 * the host asks for them only when the node is expanded or selected, so an implementation may do I/O in
 * {@link #children()} but must not block for long.
 */
public interface ConsoleNode {

    /** @return the text shown in the console tree, never {@code null} */
    String label();

    /**
     * @return the node type id that menu contributions match on (for example in the {@code All Tasks} submenu);
     *         a stable, dotted, namespaced identifier such as {@code org.cairn.console.node.root}
     */
    String nodeTypeId();

    /** @return the child nodes, in display order; an empty list for a leaf */
    List<ConsoleNode> children();
}
