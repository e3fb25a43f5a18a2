package org.cairn.console.api;

import java.util.List;
import java.util.Optional;

/**
 * A row of a {@link ListView} in the details pane: a certificate, a file, a child node. Menu contributions match
 * on its {@link #itemTypeId()}; contributed handlers receive the selected rows with
 * {@code @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem>} and cast them to the snap-in's own type.
 */
public interface ResultItem {

    /**
     * @return the item type id that menu contributions match on, stable and namespaced, for example
     *         {@code org.cairn.certificates.item.certificate}
     */
    String itemTypeId();

    /**
     * @param columnId the {@link Column#id()} of a column of the list
     * @return the text shown in that column; empty when the item has no value there
     */
    String text(String columnId);

    /**
     * The value the host sorts on when the user clicks a column heading. The default is the text; override it
     * for dates, numbers and sizes so that they sort by value.
     */
    default Comparable<?> sortKey(String columnId) {
        return text(columnId);
    }

    /**
     * @return how the row is drawn: {@link RowStyle#DIMMED} greys it out, as Windows shows expired certificates.
     *         The default is {@link RowStyle#NORMAL}.
     * @since 1.1
     */
    default RowStyle style() {
        return RowStyle.NORMAL;
    }

    /** @return the icon in the first column; empty for none */
    default Optional<Icon> icon() {
        return Optional.empty();
    }

    /**
     * @return the node this item stands for, when it is one (a folder's child): opening the item (double-click,
     *         Enter) selects that node in the console tree
     */
    default Optional<ConsoleNode> node() {
        return Optional.empty();
    }

    /** @return the item's own actions, in menu order; the first is run by a double-click or Enter */
    default List<ConsoleAction> actions() {
        return List.of();
    }

    /** @return the item's properties (Action → Properties, Alt+Enter); empty when it has none */
    default Optional<PropertySheet> properties() {
        return Optional.empty();
    }

    /** @return whether Action → Delete (the Delete key) is offered for this item */
    default boolean canDelete() {
        return false;
    }

    /**
     * Deletes the item, after the host asked the user to confirm. The host refreshes the node afterwards.
     *
     * @throws ConsoleException when it could not be deleted
     */
    default void delete(ActionContext context) throws ConsoleException {
        throw new ConsoleException("This item cannot be deleted.");
    }
}
