package org.cairn.console.ui.internal.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.core.ViewState;
import org.cairn.console.ui.internal.ConsoleFileActions;
import org.cairn.console.ui.internal.ConsoleImages;
import org.cairn.console.ui.internal.ConsoleSession;
import org.cairn.console.ui.internal.MenuMirror;
import org.cairn.console.ui.internal.Messages;
import org.cairn.console.ui.internal.Selections;
import org.cairn.console.ui.internal.Topics;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.core.services.nls.Translation;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.ITreeViewerListener;
import org.eclipse.jface.viewers.TreeExpansionEvent;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The console tree (left pane): the Console Root and the nodes of the snap-ins under it, loaded lazily. Publishes
 * the selected node to the window's context ({@link ConsoleIds#SELECTED_NODE}, {@link ConsoleIds#SELECTED_NODE_TYPE}),
 * keeps the window title in step, and reports its expanded and selected nodes for the console file.
 */
public final class ConsoleTreePart {

    private TreeViewer viewer;
    private ConsoleImages images;
    private ConsoleSession session;
    private MWindow window;

    @PostConstruct
    public void createControls(Composite parent, ConsoleSession session, MWindow window, EModelService models,
            IEventBroker broker, @Translation Messages messages) {
        this.session = session;
        this.window = window;
        images = new ConsoleImages(parent.getDisplay());
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setUseHashlookup(true);
        // Released with the tree, not in @PreDestroy: the tree's items show these images until it is gone.
        viewer.getTree().addDisposeListener(event -> images.dispose());
        viewer.setContentProvider(new NodeContentProvider());
        viewer.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((ConsoleNode) element).label();
            }

            @Override
            public Image getImage(Object element) {
                ConsoleNode node = (ConsoleNode) element;
                return images.image(node.icon().orElse(Icon.of(Icon.Kind.FOLDER))).orElse(null);
            }
        });
        viewer.addSelectionChangedListener(event -> {
            if (event.getStructuredSelection().getFirstElement() instanceof ConsoleNode node) {
                Selections.node(window.getContext(), node);
                updateTitle();
                reportState();
            }
        });
        viewer.addTreeListener(new ITreeViewerListener() {
            @Override
            public void treeExpanded(TreeExpansionEvent event) {
                parent.getDisplay().asyncExec(ConsoleTreePart.this::reportState);
            }

            @Override
            public void treeCollapsed(TreeExpansionEvent event) {
                parent.getDisplay().asyncExec(ConsoleTreePart.this::reportState);
            }
        });
        // Enter and double-click open or close a node, as in the MMC tree.
        viewer.getTree().addListener(SWT.DefaultSelection, event -> {
            if (viewer.getStructuredSelection().getFirstElement() instanceof ConsoleNode node) {
                TreePath path = pathOf(node);
                viewer.setExpandedState(path, !viewer.getExpandedState(path));
                reportState();
            }
        });
        // The tree has the focus: the Action menu acts on the node, not on items picked earlier in the details.
        viewer.getTree().addListener(SWT.FocusIn, event -> Selections.items(window.getContext(), List.of()));
        new MenuMirror(window, models).attachTo(viewer.getTree());
        DeleteKey.attachTo(viewer.getTree(), window);
        window.getContext().set(IWindowCloseHandler.class, closing -> new ConsoleFileActions(
                (Shell) closing.getWidget(), session, window, models, broker, messages).confirmDiscard());
        load();
    }

    private void load() {
        ConsoleDocument document = session.document();
        viewer.setInput(document);
        ViewState view = session.takePendingView();
        for (List<String> keys : view.expanded()) {
            document.findByKeys(keys).ifPresent(node -> viewer.setExpandedState(pathOf(node), true));
        }
        ConsoleNode selected = view.selected().flatMap(document::findByKeys).orElse(document.root());
        if (view.expanded().isEmpty()) {
            viewer.setExpandedState(pathOf(document.root()), true);
        }
        select(selected);
    }

    private void select(ConsoleNode node) {
        TreePath path = pathOf(node);
        if (path.getSegmentCount() > 1) {
            viewer.setExpandedState(path.getParentPath(), true);
        }
        viewer.setSelection(new TreeSelection(path), true);
    }

    private TreePath pathOf(ConsoleNode node) {
        List<ConsoleNode> path = session.document().pathTo(node);
        return new TreePath((path.isEmpty() ? List.of(session.document().root()) : path).toArray());
    }

    private Optional<ConsoleNode> selectedNode() {
        return viewer.getStructuredSelection().getFirstElement() instanceof ConsoleNode node ? Optional.of(node)
                : Optional.empty();
    }

    private void updateTitle() {
        ConsoleDocument document = session.document();
        window.setLabel(document.windowTitle(selectedNode().map(document::pathTo).orElse(List.of())));
    }

    private void reportState() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        ConsoleDocument document = session.document();
        List<List<String>> expanded = new ArrayList<>();
        for (TreePath path : viewer.getExpandedTreePaths()) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < path.getSegmentCount(); i++) {
                keys.add(((ConsoleNode) path.getSegment(i)).key());
            }
            expanded.add(keys);
        }
        session.treeState(expanded, selectedNode().map(document::keysOf));
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void documentReplaced(@UIEventTopic(Topics.DOCUMENT) ConsoleDocument document) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            load();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void structureChanged(@UIEventTopic(Topics.STRUCTURE) Object select) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            ConsoleNode keep = select instanceof ConsoleNode node ? node : selectedNode().orElse(null);
            viewer.refresh();
            viewer.setExpandedState(pathOf(session.document().root()), true);
            ConsoleDocument document = session.document();
            select(keep != null && (keep == document.root() || !document.pathTo(keep).isEmpty()) ? keep
                    : document.root());
            updateTitle();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void selectNode(@UIEventTopic(Topics.SELECT_NODE) ConsoleNode node) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            select(node);
            viewer.getControl().setFocus();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void titleChanged(@UIEventTopic(Topics.TITLE) Object ignored) {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            updateTitle();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
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
        private ConsoleDocument document;

        @Override
        public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
            document = (ConsoleDocument) newInput;
        }

        @Override
        public Object[] getElements(Object input) {
            return new Object[] { ((ConsoleDocument) input).root() };
        }

        @Override
        public Object[] getChildren(Object parent) {
            return document.children((ConsoleNode) parent).toArray();
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return document.mayHaveChildren((ConsoleNode) element);
        }
    }
}
