package org.cairn.certificates.ui.internal;

import java.util.Optional;

import org.cairn.console.api.ActionContext;
import org.cairn.console.api.ConsoleAction;
import org.cairn.console.api.ConsoleException;

/**
 * An action of the snap-in's nodes and rows; when {@code denied} holds a reason, the action is greyed and its
 * description (the status line) says why, as rights are shown rather than guessed.
 */
record Action(String id, String label, String text, Optional<String> denied, ConsoleAction.Body body)
        implements ConsoleAction {

    @Override
    public String description() {
        return denied.orElse(text);
    }

    @Override
    public boolean enabled() {
        return denied.isEmpty();
    }

    @Override
    public void run(ActionContext context) throws ConsoleException {
        if (denied.isPresent()) {
            throw new ConsoleException(denied.get());
        }
        body.run(context);
    }
}
