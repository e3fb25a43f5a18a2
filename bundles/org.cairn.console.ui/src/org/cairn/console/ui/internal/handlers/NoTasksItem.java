package org.cairn.console.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/**
 * The "(Empty)" entry of Action → All Tasks: always disabled; it keeps the submenu visible (an empty SWT
 * submenu would be hidden) and tells the user that the selected node offers no tasks.
 */
public final class NoTasksItem {

    @CanExecute
    public boolean canExecute() {
        return false;
    }

    @Execute
    public void execute() {
        // Never enabled: there is nothing to run.
    }
}
