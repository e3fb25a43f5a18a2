package org.cairn.console.ui.internal.parts;

import java.util.List;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.core.ConsoleDocument;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The console tree (left pane): the Console Root and the nodes of the snap-ins under it. Publishes the selected
 * node to the window's context under {@link ConsoleIds#SELECTED_NODE} and keeps the window title in step.
 */
public final class ConsoleTreePart {

    private TreeViewer viewer;

    @PostConstruct
    public void createControls(Composite parent, ConsoleDocument document, MWindow window,
            ESelectionService selectionService) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new NodeContentProvider());
        viewer.setLabelProvider(LabelProvider.createTextProvider(element -> ((ConsoleNode) element).label()));
        viewer.setInput(document);
        viewer.addSelectionChangedListener(event -> {
            Object first = event.getStructuredSelection().getFirstElement();
            if (first instanceof ConsoleNode node) {
                window.getContext().set(ConsoleIds.SELECTED_NODE, node);
                selectionService.setSelection(node);
                window.setLabel(document.windowTitle(document.pathTo(node)));
            }
        });
        viewer.setSelection(new StructuredSelection(document.root()), true);
        viewer.expandToLevel(2);
    }

    @Inject
    @Optional
    void refresh(@UIEventTopic(ConsoleIds.TOPIC_REFRESH) ConsoleNode node) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.refresh(node, true);
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** Content of the tree: the document's root, then each node's children, asked for lazily. */
    private static final class NodeContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return new Object[] { ((ConsoleDocument) input).root() };
        }

        @Override
        public Object[] getChildren(Object parent) {
            List<ConsoleNode> children = ((ConsoleNode) parent).children();
            return children.toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return !((ConsoleNode) element).children().isEmpty();
        }
    }
}
