package org.cairn.certificates.ui.tests;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ActionContext;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.eclipse.swt.widgets.Shell;

/**
 * What the console host gives the snap-in's actions, for driving them before the host's new UI is there: the main
 * window as the dialogs' parent, and a record of the refreshes and settings changes asked for.
 */
final class RecordingContext implements ActionContext {

    private final ConsoleNode node;
    private final List<ResultItem> selected;
    private final Shell shell;
    final List<ConsoleNode> refreshed = new ArrayList<>();
    int settingsChanged;

    RecordingContext(ConsoleNode node, List<ResultItem> selected) {
        this.node = node;
        this.selected = List.copyOf(selected);
        this.shell = App.windowShell();
    }

    @Override
    public ConsoleNode node() {
        return node;
    }

    @Override
    public List<ResultItem> selectedItems() {
        return selected;
    }

    @Override
    public void refresh(ConsoleNode target) {
        target.refresh();
        refreshed.add(target);
    }

    @Override
    public void settingsChanged() {
        settingsChanged++;
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        throw new UnsupportedOperationException("The Certificates snap-in asks no plain text");
    }

    @Override
    public boolean confirm(String title, String question) {
        throw new UnsupportedOperationException("The host confirms deletions itself");
    }

    @Override
    public void showMessage(String title, String message) {
        throw new UnsupportedOperationException(message);
    }

    @Override
    public void openInBrowser(URI address) {
        throw new UnsupportedOperationException(address.toString());
    }

    @Override
    public <T> Optional<T> adapt(Class<T> type) {
        return type == Shell.class ? Optional.of(type.cast(shell)) : Optional.empty();
    }
}
