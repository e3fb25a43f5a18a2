package org.cairn.console.api;

import java.util.List;
import java.util.Map;

/**
 * The Properties dialog of a node or item (Action → Properties, Alt+Enter): a General page of named values that
 * the host lays out, some of them editable. Other bundles add pages or menu entries to a type they do not own
 * through model fragments.
 */
public interface PropertySheet {

    /** @return the dialog title, for example "Certificates Properties" */
    String title();

    /** @return the values, in display order */
    List<Property> properties();

    /**
     * Applies what the user changed (OK or Apply). The default accepts nothing, for sheets with no editable
     * property.
     *
     * @param changed the keys and new values of the editable properties the user changed
     * @throws ConsoleException when a value is not acceptable; the dialog stays open and shows the message
     */
    default void apply(Map<String, String> changed) throws ConsoleException {
        if (!changed.isEmpty()) {
            throw new ConsoleException("These properties cannot be changed.");
        }
    }
}
