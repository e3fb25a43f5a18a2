package org.cairn.console.api;

import java.util.Objects;

/**
 * An action a node or a result item offers itself: shown at the top of the Action menu, in the context menus
 * and in the Actions pane, in the order the node returns them (MMC's "New Folder...", "Open", ...).
 * <p>
 * Tasks that another bundle adds to a node or item type it does not own are not actions but {@code All Tasks}
 * menu contributions (see {@link ConsoleIds#ALL_TASKS_MENU}).
 */
public interface ConsoleAction {

    /** @return an id unique among the node's actions, stable across versions (tests and scripts use it) */
    String id();

    /** @return the menu text, Windows style, with "..." when the action asks for more input */
    String label();

    /** @return a one-line explanation, shown in the status bar; empty for none */
    default String description() {
        return "";
    }

    /** @return whether the action can run now; a disabled action is shown greyed */
    default boolean enabled() {
        return true;
    }

    /**
     * Runs the action on the Display thread. Long work should be short here or done in the snap-in's own job;
     * the host refreshes nothing by itself: call {@link ActionContext#refresh(ConsoleNode)} for what changed.
     *
     * @param context the selection and the host's services (dialogs, refresh, browser)
     * @throws ConsoleException when the action failed; the host shows the message
     */
    void run(ActionContext context) throws ConsoleException;

    /** The body of an action made with {@link ConsoleAction#of}. */
    @FunctionalInterface
    interface Body {
        /**
         * @param context the selection and the host's services
         * @throws ConsoleException when the action failed; the host shows the message
         */
        void run(ActionContext context) throws ConsoleException;
    }

    /**
     * @param id    the action's id
     * @param label the menu text
     * @param body  what it does
     * @return an always enabled action
     */
    static ConsoleAction of(String id, String label, Body body) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(body, "body");
        return new ConsoleAction() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public void run(ActionContext context) throws ConsoleException {
                body.run(context);
            }
        };
    }
}
