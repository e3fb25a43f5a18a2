package org.cairn.console.ui.internal.dialogs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.Icon;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInConfiguration;
import org.cairn.console.core.AddedSnapIn;
import org.cairn.console.core.ConsoleDocument;
import org.cairn.console.core.SnapInRegistry;
import org.cairn.console.ui.internal.ConsoleImages;
import org.cairn.console.ui.internal.Messages;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * File → Add/Remove Snap-in...: the installed snap-ins (name, vendor) on the left, the console's snap-ins on the
 * right (nested beneath containers), Add >, Remove, Move Up, Move Down, and the description of the selected one.
 * Adding runs the snap-in's configuration step. Changes are planned in the dialog and applied to the console on
 * OK; the list on the left follows snap-ins installed or removed while the dialog is open.
 */
public final class AddRemoveSnapInDialog extends Dialog {

    /** A row of the right-hand tree: the Console Root, a snap-in already in the console, or one to add. */
    private static final class Planned {
        final Planned parent;
        final List<Planned> children = new ArrayList<>();
        final Optional<AddedSnapIn> existing;
        final Optional<SnapIn> toAdd;
        final Map<String, String> settings;
        final boolean container;
        final String label;

        Planned(Planned parent, Optional<AddedSnapIn> existing, Optional<SnapIn> toAdd, Map<String, String> settings,
                boolean container, String label) {
            this.parent = parent;
            this.existing = existing;
            this.toAdd = toAdd;
            this.settings = settings;
            this.container = container;
            this.label = label;
        }
    }

    private final ConsoleDocument document;
    private final SnapInRegistry registry;
    private final Messages messages;
    private final Planned consoleRoot;

    private ConsoleImages images;
    private TableViewer available;
    private TreeViewer selected;
    private Text description;
    private Button add;
    private Button remove;
    private Button up;
    private Button down;
    private Runnable registryListener;

    /**
     * @param parent   the parent shell
     * @param messages texts
     * @param document the console to change on OK
     * @param registry the installed snap-ins
     */
    public AddRemoveSnapInDialog(Shell parent, Messages messages, ConsoleDocument document, SnapInRegistry registry) {
        super(parent);
        this.messages = messages;
        this.document = document;
        this.registry = registry;
        this.consoleRoot = new Planned(null, Optional.empty(), Optional.empty(), Map.of(), true,
                document.root().label());
        Map<ConsoleNode, Planned> byRoot = new IdentityHashMap<>();
        byRoot.put(document.root(), consoleRoot);
        for (ConsoleDocument.Placement placement : document.snapIns()) {
            Planned parentRow = byRoot.get(placement.parent());
            AddedSnapIn snapIn = placement.snapIn();
            Planned row = new Planned(parentRow, Optional.of(snapIn), Optional.empty(), Map.of(),
                    document.acceptsSnapIns(snapIn.root()), snapIn.root().label());
            parentRow.children.add(row);
            byRoot.put(snapIn.root(), row);
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.addRemove_title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        images = new ConsoleImages(parent.getDisplay());
        area.addDisposeListener(event -> images.dispose());
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(messages.addRemove_intro);
        GridDataFactory.fillDefaults().hint(convertWidthInCharsToPixels(90), SWT.DEFAULT).applyTo(intro);

        Composite lists = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(lists);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(lists);

        Label availableLabel = new Label(lists, SWT.NONE);
        availableLabel.setText(messages.addRemove_available);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(availableLabel);
        Label selectedLabel = new Label(lists, SWT.NONE);
        selectedLabel.setText(messages.addRemove_selected);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(selectedLabel);

        available = new TableViewer(lists, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        available.getTable().setHeaderVisible(true);
        available.setContentProvider(ArrayContentProvider.getInstance());
        column(available, messages.addRemove_column_snapIn, 170, snapIn -> snapIn.name(), true);
        column(available, messages.addRemove_column_vendor, 110, SnapIn::vendor, false);
        available.setInput(registry.snapIns());
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(40), convertHeightInCharsToPixels(15)).applyTo(available.getControl());
        available.addSelectionChangedListener(event -> {
            if (event.getStructuredSelection().getFirstElement() instanceof SnapIn snapIn) {
                description.setText(snapIn.description());
            }
            updateButtons();
        });
        available.addDoubleClickListener(event -> addSelected());

        add = new Button(lists, SWT.PUSH);
        add.setText(messages.addRemove_add);
        GridDataFactory.swtDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(add);
        add.addListener(SWT.Selection, event -> addSelected());

        selected = new TreeViewer(lists, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        selected.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return new Object[] { consoleRoot };
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return ((Planned) parentElement).children.toArray();
            }

            @Override
            public Object getParent(Object element) {
                return ((Planned) element).parent;
            }

            @Override
            public boolean hasChildren(Object element) {
                return !((Planned) element).children.isEmpty();
            }
        });
        selected.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((Planned) element).label;
            }

            @Override
            public Image getImage(Object element) {
                Planned row = (Planned) element;
                if (row == consoleRoot) {
                    return images.image(Icon.of(Icon.Kind.CONSOLE_ROOT))
                            .orElse(null);
                }
                return row.existing.map(e -> e.root().icon().orElse(null))
                        .or(() -> row.toAdd.map(SnapIn::icon))
                        .flatMap(images::image).orElse(null);
            }
        });
        // The input must differ from the one top element: JFace asks for the input's elements, not its children.
        selected.setInput(document);
        selected.expandAll();
        selected.setSelection(new StructuredSelection(consoleRoot));
        GridDataFactory.fillDefaults().grab(true, true)
                .hint(convertWidthInCharsToPixels(35), convertHeightInCharsToPixels(15)).applyTo(selected.getControl());
        selected.addSelectionChangedListener(event -> {
            if (event.getStructuredSelection().getFirstElement() instanceof Planned row) {
                row.toAdd.ifPresent(snapIn -> description.setText(snapIn.description()));
                row.existing.flatMap(e -> registry.find(e.snapInId()))
                        .ifPresent(snapIn -> description.setText(snapIn.description()));
            }
            updateButtons();
        });

        Composite buttons = new Composite(lists, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        remove = button(buttons, messages.addRemove_remove, this::removeSelected);
        up = button(buttons, messages.addRemove_moveUp, () -> moveSelected(-1));
        down = button(buttons, messages.addRemove_moveDown, () -> moveSelected(1));

        Label descriptionLabel = new Label(area, SWT.NONE);
        descriptionLabel.setText(messages.addRemove_description);
        description = new Text(area, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false)
                .hint(SWT.DEFAULT, convertHeightInCharsToPixels(3)).applyTo(description);

        registryListener = registry.addListener(() -> {
            if (!available.getControl().isDisposed()) {
                available.getControl().getDisplay().asyncExec(() -> {
                    if (!available.getControl().isDisposed()) {
                        available.setInput(registry.snapIns());
                        updateButtons();
                    }
                });
            }
        });
        area.addDisposeListener(event -> registry.removeListener(registryListener));
        updateButtons();
        return area;
    }

    private void column(TableViewer viewer, String title, int width, java.util.function.Function<SnapIn, String> text,
            boolean withIcon) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SnapIn) element);
            }

            @Override
            public Image getImage(Object element) {
                return withIcon ? images.image(((SnapIn) element).icon()).orElse(null) : null;
            }
        });
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().applyTo(button);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    private Optional<Planned> selectedRow() {
        return selected.getStructuredSelection().getFirstElement() instanceof Planned row ? Optional.of(row)
                : Optional.empty();
    }

    private void updateButtons() {
        add.setEnabled(available.getStructuredSelection().getFirstElement() instanceof SnapIn);
        Optional<Planned> row = selectedRow().filter(r -> r != consoleRoot);
        remove.setEnabled(row.isPresent());
        up.setEnabled(row.map(r -> r.parent.children.indexOf(r) > 0).orElse(false));
        down.setEnabled(row.map(r -> r.parent.children.indexOf(r) < r.parent.children.size() - 1).orElse(false));
    }

    private void addSelected() {
        if (!(available.getStructuredSelection().getFirstElement() instanceof SnapIn snapIn)) {
            return;
        }
        Map<String, String> settings = Map.of();
        Optional<SnapInConfiguration> configuration = snapIn.configuration();
        if (configuration.isPresent()) {
            ConfigurationDialog dialog = new ConfigurationDialog(getShell(), messages, configuration.get());
            if (dialog.open() != Window.OK) {
                return;
            }
            settings = dialog.settings();
        }
        Planned parentRow = selectedRow().map(row -> row.container ? row : row.parent).orElse(consoleRoot);
        Planned row = new Planned(parentRow, Optional.empty(), Optional.of(snapIn), settings, snapIn.container(),
                snapIn.name());
        parentRow.children.add(row);
        selected.refresh();
        selected.expandAll();
        selected.setSelection(new StructuredSelection(row), true);
    }

    private void removeSelected() {
        selectedRow().filter(row -> row != consoleRoot).ifPresent(row -> {
            row.parent.children.remove(row);
            selected.refresh();
            selected.setSelection(new StructuredSelection(row.parent), true);
        });
    }

    private void moveSelected(int offset) {
        selectedRow().filter(row -> row != consoleRoot).ifPresent(row -> {
            List<Planned> siblings = row.parent.children;
            int index = siblings.indexOf(row);
            int target = index + offset;
            if (target >= 0 && target < siblings.size()) {
                siblings.remove(index);
                siblings.add(target, row);
                selected.refresh();
                selected.setSelection(new StructuredSelection(row), true);
            }
        });
    }

    @Override
    protected void okPressed() {
        List<String> failures = new ArrayList<>();
        removeDropped();
        apply(document.root(), consoleRoot, failures);
        if (!failures.isEmpty()) {
            MessageDialog.openError(getShell(), messages.addRemove_title, String.join("\n\n", failures));
        }
        super.okPressed();
    }

    /** Removes the console's snap-ins that the plan no longer holds. */
    private void removeDropped() {
        List<ConsoleNode> kept = new ArrayList<>();
        collectKept(consoleRoot, kept);
        for (ConsoleDocument.Placement placement : document.snapIns()) {
            ConsoleNode root = placement.snapIn().root();
            if (kept.stream().noneMatch(k -> k == root)) {
                document.remove(root);
            }
        }
    }

    private static void collectKept(Planned row, List<ConsoleNode> kept) {
        row.existing.ifPresent(e -> kept.add(e.root()));
        row.children.forEach(child -> collectKept(child, kept));
    }

    /** Adds the planned snap-ins beneath {@code parentNode} and puts them all in the planned order. */
    private void apply(ConsoleNode parentNode, Planned parentRow, List<String> failures) {
        List<ConsoleNode> order = new ArrayList<>();
        List<Planned> placed = new ArrayList<>();
        for (Planned row : parentRow.children) {
            Optional<ConsoleNode> node = row.existing.map(e -> (ConsoleNode) e.root());
            if (node.isEmpty()) {
                try {
                    node = Optional.of(document.add(row.toAdd.orElseThrow(), row.settings, parentNode).root());
                } catch (ConsoleException | RuntimeException e) {
                    failures.add(messages.addRemove_failed.replace("{0}", row.label).replace("{1}",
                            String.valueOf(e.getMessage())));
                    continue;
                }
            }
            order.add(node.get());
            placed.add(row);
        }
        document.reorder(parentNode, order);
        for (int i = 0; i < placed.size(); i++) {
            apply(order.get(i), placed.get(i), failures);
        }
    }
}
