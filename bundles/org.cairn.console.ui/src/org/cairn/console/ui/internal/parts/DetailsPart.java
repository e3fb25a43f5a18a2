package org.cairn.console.ui.internal.parts;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The details (result) pane in the middle: the items of the node selected in the console tree. With no items it
 * says so in words, as MMC does, instead of showing an empty grid.
 */
public final class DetailsPart {

    private Composite stack;
    private StackLayout stackLayout;
    private Composite tableHolder;
    private TableViewer viewer;
    private Label emptyMessage;
    private ConsoleNode shown;

    @PostConstruct
    public void createControls(Composite parent, @Translation Messages messages,
            ESelectionService selectionService, @Optional @Named(ConsoleIds.SELECTED_NODE) ConsoleNode selected) {
        stack = new Composite(parent, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);

        tableHolder = new Composite(stack, SWT.NONE);
        TableColumnLayout columns = new TableColumnLayout();
        tableHolder.setLayout(columns);
        viewer = new TableViewer(tableHolder, SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(false);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn name = new TableViewerColumn(viewer, SWT.LEFT);
        name.getColumn().setText(messages.details_column_name);
        name.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> ((ConsoleNode) element).label()));
        columns.setColumnData(name.getColumn(), new ColumnWeightData(100, 200));
        viewer.addSelectionChangedListener(event -> selectionService.setSelection(event.getStructuredSelection()));

        emptyMessage = new Label(stack, SWT.CENTER | SWT.WRAP);
        emptyMessage.setText(messages.consoleTree_noItems);
        show(selected);
    }

    @Inject
    @Optional
    void nodeSelected(@Named(ConsoleIds.SELECTED_NODE) ConsoleNode node) {
        if (stack != null && !stack.isDisposed()) {
            show(node);
        }
    }

    @Inject
    @Optional
    void refresh(@UIEventTopic(ConsoleIds.TOPIC_REFRESH) ConsoleNode node) {
        if (stack != null && !stack.isDisposed() && node != null && node.equals(shown)) {
            show(node);
        }
    }

    private void show(ConsoleNode node) {
        shown = node;
        List<ConsoleNode> items = node == null ? List.of() : node.children();
        viewer.setInput(items);
        stackLayout.topControl = items.isEmpty() ? emptyMessage : tableHolder;
        stack.layout(true, true);
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
