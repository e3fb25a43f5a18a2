package org.cairn.console.ui.internal.parts;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.cairn.console.api.ConsoleIds;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.MessageView;
import org.cairn.console.api.ResultView;
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
 * <p>
 * A node that reads its children in the background (console API 1.3) shows "Reading..." beneath it until they
 * arrive from the session's {@link org.cairn.console.ui.internal.ChildReader}; a console file's expanded and selected
 * nodes beneath it are opened as the children they are among arrive, unless the user has chosen another node by then.
 */
public final class ConsoleTreePart {

    private TreeViewer viewer;
    private ConsoleImages images;
    private ConsoleSession session;
    private MWindow window;
    private Messages messages;
    /** Expanded nodes of the console file being opened that wait for children read in the background. */
    private final List<List<String>> pendingExpanded = new ArrayList<>();
    /** The console file's selected node, while it waits for children read in the background. */
    private Optional<List<String>> pendingSelected = Optional.empty();
    /** Whether the tree is selecting a node itself, not the user. */
    private boolean restoring;

    @PostConstruct
    public void createControls(Composite parent, ConsoleSession session, MWindow window, EModelService models,
            IEventBroker broker, @Translation Messages messages) {
        // white, as a desktop administration tool's panes (the product has no CSS engine: org.cairn.console.app)
        parent.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        this.session = session;
        this.window = window;
        this.messages = messages;
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
                if (!restoring) {
                    pendingSelected = Optional.empty(); // the user chose: the file's selection no longer applies
                }
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
        pendingExpanded.clear();
        pendingExpanded.addAll(view.expanded());
        pendingSelected = view.selected();
        if (view.expanded().isEmpty()) {
            viewer.setExpandedState(pathOf(document.root()), true);
        }
        applyPending();
        if (viewer.getStructuredSelection().isEmpty()) {
            select(document.root()); // until the file's selected node arrives, if it waits for children
        }
    }

    /**
     * Opens the console file's expanded nodes and selects its selected node, as far as the children known allow;
     * what lies beneath children still being read waits for them (called again when they arrive).
     */
    private void applyPending() {
        ConsoleDocument document = session.document();
        for (Iterator<List<String>> it = pendingExpanded.iterator(); it.hasNext();) {
            List<String> keys = it.next();
            Optional<ConsoleNode> node = document.findByKeys(keys);
            if (node.isPresent()) {
                viewer.setExpandedState(pathOf(node.get()), true);
            }
            if (node.isPresent() || !waitsForChildren(document, keys)) {
                it.remove();
            }
        }
        if (pendingSelected.isPresent()) {
            List<String> keys = pendingSelected.get();
            Optional<ConsoleNode> node = document.findByKeys(keys);
            if (node.isPresent()) {
                select(node.get());
            }
            if (node.isPresent() || !waitsForChildren(document, keys)) {
                pendingSelected = Optional.empty();
            }
        }
    }

    /**
     * @return whether the path of {@code keys} passes a node whose children are still being read, asking for them
     *         (they are read once, whoever asks)
     */
    private boolean waitsForChildren(ConsoleDocument document, List<String> keys) {
        if (keys.isEmpty() || !keys.get(0).equals(document.root().key())) {
            return false;
        }
        ConsoleNode current = document.root();
        for (String key : keys.subList(1, keys.size())) {
            if (!document.childrenKnown(current)) {
                readChildren(document, current);
                return true;
            }
            Optional<ConsoleNode> next = document.children(current).stream().filter(c -> c.key().equals(key)).findFirst();
            if (next.isEmpty()) {
                return false;
            }
            current = next.get();
        }
        return false;
    }

    /** Asks for {@code node}'s children off the UI thread; shows them, and what waited for them, when they arrive. */
    private void readChildren(ConsoleDocument document, ConsoleNode node) {
        session.childReader().request(viewer.getControl().getDisplay(), document, node, () -> {
            if (viewer.getControl().isDisposed() || session.document() != document) {
                return;
            }
            viewer.refresh(node, true);
            applyPending();
            updateTitle();
            reportState();
        });
    }

    private void select(ConsoleNode node) {
        TreePath path = pathOf(node);
        if (path.getSegmentCount() > 1) {
            viewer.setExpandedState(path.getParentPath(), true);
        }
        restoring = true;
        try {
            viewer.setSelection(new TreeSelection(path), true);
        } finally {
            restoring = false;
        }
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
            viewer.refresh(node, true); // children read in the background were forgotten (ConsoleSession.refreshing)
        }
    }

    @Focus
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /**
     * Content of the tree: the document's root, then each node's children, asked for lazily; children read in the
     * background show as "Reading..." until they arrive.
     */
    private final class NodeContentProvider implements ITreeContentProvider {
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
            ConsoleNode node = (ConsoleNode) parent;
            if (document.childrenKnown(node)) {
                return document.children(node).toArray();
            }
            readChildren(document, node);
            List<ConsoleNode> shown = new ArrayList<>();
            shown.add(new ReadingNode(messages.details_reading));
            shown.addAll(document.children(node)); // snap-ins added beneath it, known already
            return shown.toArray();
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

    /** Stands for children being read: "Reading..." in the tree; selected, it says so in the details pane. */
    private record ReadingNode(String label) implements ConsoleNode {
        @Override
        public String nodeTypeId() {
            return "org.cairn.console.node.reading";
        }

        @Override
        public Optional<ResultView> resultView() {
            return Optional.of(new MessageView(label));
        }

        @Override
        public boolean mayHaveChildren() {
            return false;
        }

        @Override
        public boolean equals(Object other) {
            return this == other; // each stands in for one read; two are never the same node
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
