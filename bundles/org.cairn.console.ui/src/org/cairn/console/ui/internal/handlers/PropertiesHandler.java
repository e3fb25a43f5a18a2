package org.cairn.console.ui.internal.handlers;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.PropertySheet;
import org.cairn.console.api.ResultItem;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.PropertyPages;
import org.cairn.console.ui.internal.Topics;
import org.cairn.console.ui.internal.dialogs.PropertiesDialog;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.descriptor.basic.MPartDescriptor;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Action → Properties (Alt+Enter): the selected item's properties, else the selected node's. */
public final class PropertiesHandler {

    @CanExecute
    public boolean canExecute(@Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items, @Optional MApplication application) {
        return sheet(node, items).isPresent() || !pages(application, node, items).isEmpty();
    }

    @Execute
    public void execute(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node,
            @Optional @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem> items, ConsoleSession session,
            @Named(IServiceConstants.ACTIVE_SHELL) Shell shell, IEventBroker broker, @Translation Messages messages,
            MApplication application, MWindow window) {
        java.util.Optional<PropertySheet> sheet = sheet(node, items);
        List<MPartDescriptor> pages = pages(application, node, items);
        if (sheet.isEmpty() && pages.isEmpty()) {
            return;
        }
        String title = sheet.map(PropertySheet::title).orElseGet(() -> messages.properties_title.replace("{0}",
                items != null && !items.isEmpty() ? messages.properties_item : node.label()));
        PropertiesDialog dialog = new PropertiesDialog(shell, messages, title, sheet, pages, window.getContext());
        dialog.open();
        if (dialog.changedSomething()) {
            // A snap-in root's properties are often its settings (a folder's name, a link's address).
            if (session.document().snapInOf(node).isPresent() && (items == null || items.isEmpty())) {
                session.document().markDirty();
            }
            List<ConsoleNode> path = session.document().pathTo(node);
            node.refresh();
            session.refreshing(path.size() > 1 ? path.get(path.size() - 2) : node);
            broker.send(ConsoleIds.TOPIC_REFRESH, path.size() > 1 ? path.get(path.size() - 2) : node);
            broker.send(ConsoleIds.TOPIC_REFRESH, node);
            broker.send(Topics.TITLE, Topics.NO_NODE);
        }
    }

    /** The pages other bundles contribute for the selected item's type, else the selected node's. */
    private static List<MPartDescriptor> pages(MApplication application, ConsoleNode node, List<ResultItem> items) {
        if (items != null && !items.isEmpty()) {
            return items.size() == 1 ? PropertyPages.forItem(application, items.get(0).itemTypeId()) : List.of();
        }
        return node == null ? List.of() : PropertyPages.forNode(application, node.nodeTypeId());
    }

    private static java.util.Optional<PropertySheet> sheet(ConsoleNode node, List<ResultItem> items) {
        if (items != null && !items.isEmpty()) {
            return items.size() == 1 ? items.get(0).properties() : java.util.Optional.empty();
        }
        return node == null ? java.util.Optional.empty() : node.properties();
    }
}
