package org.cairn.console.ui.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.ResultItem;
import org.cairn.console.api.swt.ViewSite;
import org.cairn.console.core.WebBrowser;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** The host's side of {@link org.cairn.console.api.ActionContext} and {@link ViewSite}, over JFace dialogs. */
public final class HostActionContext implements ViewSite {

    private final Shell shell;
    private final ConsoleSession session;
    private final IEventBroker broker;
    private final IEclipseContext window;

    /**
     * @param shell   the parent of dialogs
     * @param session the console
     * @param broker  for refresh and title events
     * @param window  the main window's context, where the selection is
     */
    public HostActionContext(Shell shell, ConsoleSession session, IEventBroker broker, IEclipseContext window) {
        this.shell = shell;
        this.session = session;
        this.broker = broker;
        this.window = window;
    }

    @Override
    public ConsoleNode node() {
        Object node = window.get(ConsoleIds.SELECTED_NODE);
        return node instanceof ConsoleNode consoleNode ? consoleNode : session.document().root();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ResultItem> selectedItems() {
        Object items = window.get(ConsoleIds.SELECTED_ITEMS);
        return items instanceof List<?> list ? (List<ResultItem>) list : List.of();
    }

    @Override
    public void refresh(ConsoleNode node) {
        node.refresh();
        session.refreshing(node);
        broker.send(ConsoleIds.TOPIC_REFRESH, node);
    }

    @Override
    public void settingsChanged() {
        session.document().markDirty();
        broker.send(Topics.TITLE, Topics.NO_NODE);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        InputDialog dialog = new InputDialog(shell, title, prompt, initial, null);
        return dialog.open() == Window.OK ? Optional.of(dialog.getValue()) : Optional.empty();
    }

    @Override
    public boolean confirm(String title, String question) {
        return MessageDialog.openQuestion(shell, title, question);
    }

    @Override
    public void showMessage(String title, String message) {
        MessageDialog.openInformation(shell, title, message);
    }

    @Override
    public void openInBrowser(URI address) throws ConsoleException {
        // The WebBrowser service (xdg-open), from the OSGi registry through the window's e4 context.
        WebBrowser browser = window.get(WebBrowser.class);
        if (browser == null) {
            throw new ConsoleException("No web browser could be started for " + address
                    + ": the console's browser service is not running. Restart the console.");
        }
        browser.open(address);
    }

    @Override
    public <T> Optional<T> adapt(Class<T> type) {
        return type.isInstance(shell) ? Optional.of(type.cast(shell)) : Optional.empty();
    }

    @Override
    public void setSelectedItems(List<? extends ResultItem> items) {
        Selections.items(window, items);
    }
}
