package org.cairn.console.api;

import java.util.List;
import java.util.Optional;

/**
 * A node of the console tree: what a snap-in shows on the left of the console and what the Action menu and
 * the details pane act on.
 * <p>
 * Implementations are provided by snap-ins (and by the host for the Console Root). Children are computed lazily:
 * the host asks for them only when the node is expanded or selected. All methods are called on the Display thread,
 * except {@link #children()} of a node whose {@link #childrenInBackground()} is {@code true} (since 1.3): a node whose
 * children come from a store, a database or a device that may be slow or locked says so, and the host reads them on a
 * background thread.
 * <p>
 * Only {@link #label()} and {@link #nodeTypeId()} must be implemented; everything else has a default. A node
 * that does not implement {@link #children()} is a leaf (since 1.1; in 1.0 {@code children()} had to be
 * implemented, and leaves also returned {@code false} from {@link #mayHaveChildren()}).
 */
public interface ConsoleNode {

    /** @return the text shown in the console tree, never {@code null} */
    String label();

    /**
     * @return the node type id that menu contributions match on (for example in the {@code All Tasks} submenu);
     *         a stable, dotted, namespaced identifier such as {@code org.cairn.console.node.root}
     */
    String nodeTypeId();

    /**
     * @return the child nodes, in display order; an empty list for a leaf. The default (since 1.1) has none.
     */
    default List<ConsoleNode> children() {
        return List.of();
    }

    /**
     * @return whether {@link #children()} may take time (it reads a store, a database, a device, or waits for a
     *         lock): the host then calls it on a background thread, never on the Display thread, shows "Reading..."
     *         under the node until the children arrive, and reads them again after Action → Refresh on the node.
     *         Until they arrive the node has no children for the host: its details list says "Reading..." too, and
     *         a console file's expanded nodes beneath it are opened once they are read. The default is
     *         {@code false}: {@code children()} is then called on the Display thread and must be quick. A host
     *         older than 1.3 calls {@code children()} on the Display thread in any case.
     * @since 1.3
     */
    default boolean childrenInBackground() {
        return false;
    }

    /**
     * @return a key that identifies this node among its siblings from one session to the next; console files
     *         record the expanded and selected nodes by the keys of their paths. The default is the label.
     */
    default String key() {
        return label();
    }

    /** @return the icon in the console tree; empty for the host's default */
    default Optional<Icon> icon() {
        return Optional.empty();
    }

    /**
     * @return whether the tree should offer to expand the node before its children are loaded, deferring
     *         {@link #children()} until the user expands it. The default (since 1.1) is {@code true} when the
     *         node's class implements {@link #children()} (as every 1.0 node does) and {@code false} when it
     *         keeps the default, so that a leaf restates neither.
     */
    default boolean mayHaveChildren() {
        try {
            return getClass().getMethod("children").getDeclaringClass() != ConsoleNode.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError("ConsoleNode declares children()", e);
        }
    }

    /**
     * @return what the details pane shows for this node; empty (the default) lists the children with a Name
     *         column. Called on the Display thread: a view whose contents take time to read returns a
     *         {@link BackgroundView} (since 1.2), which the host loads on a background thread.
     */
    default Optional<ResultView> resultView() {
        return Optional.empty();
    }

    /**
     * @return the node's own actions (Action menu, context menu, Actions pane), in order; the host adds its
     *         own (All Tasks, Refresh, Export List..., Properties, Help)
     */
    default List<ConsoleAction> actions() {
        return List.of();
    }

    /** @return the node's properties (Action → Properties, Alt+Enter); empty when it has none */
    default Optional<PropertySheet> properties() {
        return Optional.empty();
    }

    /**
     * Forgets what the node cached, before the host asks again for its children and view (Action → Refresh, F5).
     */
    default void refresh() {
    }

    /**
     * @return whether Action → Delete (the Delete key) is offered for this node. A snap-in's root is always
     *         deletable: the host removes the snap-in from the console without calling {@link #delete}.
     */
    default boolean canDelete() {
        return false;
    }

    /**
     * Deletes the node, after the host asked the user to confirm. The host refreshes the parent afterwards.
     *
     * @throws ConsoleException when it could not be deleted
     */
    default void delete(ActionContext context) throws ConsoleException {
        throw new ConsoleException("This node cannot be deleted.");
    }
}
