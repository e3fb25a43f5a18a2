package org.cairn.console.core;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.cairn.console.api.ConsoleException;
import org.cairn.console.api.ConsoleNode;
import org.cairn.console.api.SnapIn;
import org.cairn.console.api.SnapInRoot;
import org.cairn.console.core.internal.UnavailableSnapIn;

/**
 * A console: the document a console window shows (the analogue of an MMC {@code .msc} file): the Console Root,
 * the snap-ins added beneath it or beneath container snap-ins, the console file it was opened from or saved to,
 * and whether it has unsaved changes. Used on one thread (the Display thread).
 */
public final class ConsoleDocument {

    /** How deep {@link #forgetChildren} walks: deeper than any console tree a person reads. */
    private static final int MAX_DEPTH = 64;

    /** The application name, used in the window title while a console has no file name. */
    public static final String APPLICATION_NAME = "Cairn";

    private final ConsoleRoot root;
    private Optional<Path> file;
    private boolean dirty;
    private final Map<ConsoleNode, AddedSnapIn> added = new IdentityHashMap<>();
    /** Snap-in roots added beneath a container snap-in's root (the Console Root's are in {@link ConsoleRoot}). */
    private final Map<ConsoleNode, List<ConsoleNode>> hosted = new IdentityHashMap<>();
    /** The children read so far of nodes that read them in the background ({@link ConsoleNode#childrenInBackground}),
     *  by the node's equality: a snap-in may hand out a new but equal node for the same place on each call. */
    private final Map<ConsoleNode, List<ConsoleNode>> read = new HashMap<>();

    /** Creates an unnamed console with an empty Console Root. */
    public ConsoleDocument() {
        this(new ConsoleRoot(), Optional.empty());
    }

    /**
     * @param root the root node
     * @param file the console file, when it was opened from or saved to one
     */
    public ConsoleDocument(ConsoleRoot root, Optional<Path> file) {
        this.root = Objects.requireNonNull(root, "root");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** @return the Console Root */
    public ConsoleRoot root() {
        return root;
    }

    /** @return the console file, if it has one */
    public Optional<Path> file() {
        return file;
    }

    /** @return the console file's name (without folder), if it has one */
    public Optional<String> fileName() {
        return file.map(path -> path.getFileName().toString());
    }

    /** @return whether the console changed since it was opened or saved */
    public boolean isDirty() {
        return dirty;
    }

    /** Records that the console changed (a snap-in added, a setting changed, the view rearranged). */
    public void markDirty() {
        dirty = true;
    }

    /** Records that the console was saved to {@code savedTo}. */
    public void markSaved(Path savedTo) {
        file = Optional.of(savedTo);
        dirty = false;
    }

    /**
     * The window title as MMC writes it: the console's name ({@value #APPLICATION_NAME} for an unnamed one) with
     * a {@code *} when it has unsaved changes, then the path of the selected node in square brackets, its parts
     * separated by a backslash, for example {@code certs.cairn* - [Console Root\Certificates]}.
     *
     * @param selectedPath the nodes from the root to the selected node; empty means the root itself
     */
    public String windowTitle(List<ConsoleNode> selectedPath) {
        StringBuilder title = new StringBuilder(fileName().orElse(APPLICATION_NAME));
        if (dirty) {
            title.append('*');
        }
        title.append(" - [");
        if (selectedPath.isEmpty()) {
            title.append(root.label());
        } else {
            for (int i = 0; i < selectedPath.size(); i++) {
                if (i > 0) {
                    title.append('\\');
                }
                title.append(selectedPath.get(i).label());
            }
        }
        return title.append(']').toString();
    }

    // ---- the tree

    /**
     * @return the children of {@code node} in the console tree: its own children, then the roots of the snap-ins
     *         added beneath it (for the Console Root and container snap-ins)
     */
    public List<ConsoleNode> children(ConsoleNode node) {
        if (node == root) {
            return root.children();
        }
        List<ConsoleNode> own = readsChildrenInBackground(node) ? read.getOrDefault(node, List.of()) : node.children();
        List<ConsoleNode> beneath = hosted.getOrDefault(node, List.of());
        if (beneath.isEmpty()) {
            return own;
        }
        List<ConsoleNode> all = new ArrayList<>(own);
        all.addAll(beneath);
        return List.copyOf(all);
    }

    /**
     * @return whether {@code node}'s own children are read on a background thread (console API 1.3): until they
     *         arrive ({@link #childrenArrived}), {@link #children} gives none of them
     */
    public boolean readsChildrenInBackground(ConsoleNode node) {
        return node != root && node.childrenInBackground();
    }

    /** @return whether {@link #children} gives all of {@code node}'s children: read already, or read when asked */
    public boolean childrenKnown(ConsoleNode node) {
        return !readsChildrenInBackground(node) || read.containsKey(node);
    }

    /**
     * Keeps the children read on a background thread for a node that reads them there.
     *
     * @param node     the node
     * @param children what its {@link ConsoleNode#children()} returned
     */
    public void childrenArrived(ConsoleNode node, List<ConsoleNode> children) {
        read.put(node, List.copyOf(children));
    }

    /**
     * Forgets the children read of {@code node} and of every node beneath it (Action → Refresh on it), so that
     * they are read again. Walks the children the document knows: those read, and those of nodes whose children
     * are quick to get.
     */
    public void forgetChildren(ConsoleNode node) {
        forgetChildren(node, 0);
    }

    private void forgetChildren(ConsoleNode node, int depth) {
        if (read.isEmpty() || depth > MAX_DEPTH) {
            return;
        }
        List<ConsoleNode> forgotten = read.remove(node);
        List<ConsoleNode> beneath = forgotten != null ? forgotten
                : node == root || !readsChildrenInBackground(node) && node.mayHaveChildren() ? children(node) : List.of();
        for (ConsoleNode child : beneath) {
            forgetChildren(child, depth + 1);
        }
        for (ConsoleNode child : hosted.getOrDefault(node, List.of())) {
            forgetChildren(child, depth + 1);
        }
    }

    /** @return whether {@code node} may have children, without loading them when it can tell */
    public boolean mayHaveChildren(ConsoleNode node) {
        return node == root ? !root.children().isEmpty()
                : node.mayHaveChildren() || !hosted.getOrDefault(node, List.of()).isEmpty();
    }

    /**
     * @return the nodes from the root down to {@code node}, both included, or an empty list when {@code node} is
     *         not in this console's tree. Children are asked for, so call this for nodes the tree has shown.
     */
    public List<ConsoleNode> pathTo(ConsoleNode node) {
        Deque<ConsoleNode> path = new ArrayDeque<>();
        return find(root, node, path) ? List.copyOf(path) : List.of();
    }

    private boolean find(ConsoleNode current, ConsoleNode wanted, Deque<ConsoleNode> path) {
        path.addLast(current);
        if (current.equals(wanted)) {
            return true;
        }
        if (current == root || current.mayHaveChildren() || hosted.containsKey(current)) {
            for (ConsoleNode child : children(current)) {
                if (find(child, wanted, path)) {
                    return true;
                }
            }
        }
        path.removeLast();
        return false;
    }

    /**
     * Finds a node by the keys of its path, loading children on the way (only those read already, for a node
     * that reads its children in the background).
     *
     * @param keys the {@link ConsoleNode#key()}s from the Console Root down
     * @return the node, when every key is found
     */
    public Optional<ConsoleNode> findByKeys(List<String> keys) {
        if (keys.isEmpty() || !keys.get(0).equals(root.key())) {
            return Optional.empty();
        }
        ConsoleNode current = root;
        for (String key : keys.subList(1, keys.size())) {
            Optional<ConsoleNode> next = children(current).stream().filter(c -> c.key().equals(key)).findFirst();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.of(current);
    }

    /** @return the keys of the path to {@code node}, from the Console Root; empty when it is not in the tree */
    public List<String> keysOf(ConsoleNode node) {
        return pathTo(node).stream().map(ConsoleNode::key).toList();
    }

    // ---- snap-ins

    /** @return the snap-in whose root {@code node} is */
    public Optional<AddedSnapIn> snapInOf(ConsoleNode node) {
        return Optional.ofNullable(added.get(node));
    }

    /** @return whether snap-ins can be added beneath {@code node}: the Console Root, or a container's root */
    public boolean acceptsSnapIns(ConsoleNode node) {
        return node == root || snapInOf(node).map(AddedSnapIn::container).orElse(false);
    }

    /**
     * @return the snap-ins added, depth first in tree order, each with its parent (the Console Root or a
     *         container's root)
     */
    public List<Placement> snapIns() {
        List<Placement> all = new ArrayList<>();
        collect(root, 0, all);
        return List.copyOf(all);
    }

    /**
     * A snap-in and where it sits.
     *
     * @param snapIn the snap-in
     * @param parent the node it was added beneath
     * @param depth  0 beneath the Console Root, 1 beneath a container there, ...
     */
    public record Placement(AddedSnapIn snapIn, ConsoleNode parent, int depth) {
    }

    private void collect(ConsoleNode parent, int depth, List<Placement> all) {
        for (ConsoleNode node : snapInRootsBeneath(parent)) {
            AddedSnapIn snapIn = added.get(node);
            all.add(new Placement(snapIn, parent, depth));
            collect(node, depth + 1, all);
        }
    }

    private List<ConsoleNode> snapInRootsBeneath(ConsoleNode parent) {
        return parent == root ? root.children() : hosted.getOrDefault(parent, List.of());
    }

    /**
     * Adds a snap-in: creates its root from {@code settings} and puts it last beneath {@code parent}.
     *
     * @param parent the Console Root or a container snap-in's root
     * @return what was added
     * @throws ConsoleException when the snap-in could not create its root
     */
    public AddedSnapIn add(SnapIn snapIn, Map<String, String> settings, ConsoleNode parent) throws ConsoleException {
        if (!acceptsSnapIns(parent)) {
            throw new IllegalArgumentException(parent.label() + " does not hold snap-ins");
        }
        SnapInRoot created = Objects.requireNonNull(snapIn.createRoot(settings), "the root of " + snapIn.id());
        AddedSnapIn addedSnapIn = new AddedSnapIn(snapIn.id(), snapIn.name(), created, true, snapIn.container());
        attach(addedSnapIn, parent);
        markDirty();
        return addedSnapIn;
    }

    private void attach(AddedSnapIn snapIn, ConsoleNode parent) {
        added.put(snapIn.root(), snapIn);
        if (parent == root) {
            root.add(snapIn.root());
        } else {
            hosted.computeIfAbsent(parent, key -> new ArrayList<>()).add(snapIn.root());
        }
    }

    /** Removes a snap-in, with the snap-ins beneath it; returns whether it was in the console. */
    public boolean remove(ConsoleNode snapInRoot) {
        if (!added.containsKey(snapInRoot)) {
            return false;
        }
        for (ConsoleNode beneath : List.copyOf(hosted.getOrDefault(snapInRoot, List.of()))) {
            remove(beneath);
        }
        forgetChildren(snapInRoot);
        hosted.remove(snapInRoot);
        AddedSnapIn removed = added.remove(snapInRoot);
        if (!root.remove(snapInRoot)) {
            hosted.values().forEach(list -> list.remove(snapInRoot));
        }
        close(removed.root());
        markDirty();
        return true;
    }

    /**
     * The console goes away (File → New or Open shows another, or the window closes): every snap-in's root is
     * closed ({@link SnapInRoot#close()}), so that none keeps a connection open. The document is not used again.
     */
    public void close() {
        for (AddedSnapIn snapIn : List.copyOf(added.values())) {
            close(snapIn.root());
        }
    }

    /** Closes a root that leaves the console; a snap-in's failure there must not stop the console's own work. */
    private static void close(SnapInRoot leaving) {
        try {
            leaving.close();
        } catch (RuntimeException | LinkageError e) {
            // its bundle may be stopping; what it held goes with it
        }
    }

    /**
     * Moves a snap-in up ({@code -1}) or down ({@code +1}) among the snap-ins of its parent.
     *
     * @return whether it moved
     */
    public boolean move(ConsoleNode snapInRoot, int offset) {
        ConsoleNode parent = snapIns().stream().filter(p -> p.snapIn().root() == snapInRoot).map(Placement::parent)
                .findFirst().orElse(null);
        if (parent == null) {
            return false;
        }
        boolean moved = parent == root ? root.move(snapInRoot, offset) : move(hosted.get(parent), snapInRoot, offset);
        if (moved) {
            markDirty();
        }
        return moved;
    }

    /**
     * Puts the snap-ins beneath {@code parent} in the order of {@code order} (which must hold exactly them).
     *
     * @throws IllegalArgumentException if {@code order} does not hold exactly the snap-ins beneath {@code parent}
     */
    public void reorder(ConsoleNode parent, List<ConsoleNode> order) {
        List<ConsoleNode> current = snapInRootsBeneath(parent);
        if (current.size() != order.size() || !current.containsAll(order)) {
            throw new IllegalArgumentException("The new order must hold the same snap-ins");
        }
        if (current.equals(order)) {
            return;
        }
        if (parent == root) {
            order.forEach(root::remove);
            order.forEach(root::add);
        } else {
            hosted.put(parent, new ArrayList<>(order));
        }
        markDirty();
    }

    static boolean move(List<ConsoleNode> list, ConsoleNode node, int offset) {
        int from = list.indexOf(node);
        int to = from + offset;
        if (from < 0 || to < 0 || to >= list.size()) {
            return false;
        }
        list.remove(from);
        list.add(to, node);
        return true;
    }

    /**
     * Follows snap-ins that went away or came back while the console is open (their bundles stopped or started):
     * the root of a snap-in no longer installed is replaced by a stand-in that says which snap-in is missing and
     * keeps its settings; a stand-in whose snap-in is installed again gets the snap-in's root back, made from
     * those settings. Snap-ins beneath a replaced root stay beneath its replacement. Does not mark the console
     * changed: what it would save is the same.
     *
     * @param snapIns finds an installed snap-in by id
     * @return each replaced root with its replacement; empty when nothing changed
     */
    public Map<ConsoleNode, ConsoleNode> followInstalledSnapIns(Function<String, Optional<SnapIn>> snapIns) {
        Map<ConsoleNode, ConsoleNode> replaced = new IdentityHashMap<>();
        for (Placement placement : snapIns()) {
            AddedSnapIn current = placement.snapIn();
            Optional<SnapIn> installed = snapIns.apply(current.snapInId());
            if (current.available() && installed.isEmpty()) {
                String reason = "The snap-in " + current.name() + " (" + current.snapInId() + ") was stopped or "
                        + "uninstalled while the console was open. Its node comes back when the snap-in is "
                        + "installed and started again; its settings are kept when you save the console.";
                replace(current, new AddedSnapIn(current.snapInId(), current.name(),
                        new UnavailableSnapIn(current.name() + " (not available)", reason, settingsOf(current)),
                        false, current.container()), replaced);
                close(current.root());
            } else if (!current.available() && installed.isPresent()) {
                try {
                    SnapInRoot back = Objects.requireNonNull(installed.get().createRoot(current.root().settings()),
                            "root");
                    replace(current, new AddedSnapIn(current.snapInId(), installed.get().name(), back, true,
                            installed.get().container() || current.container()), replaced);
                } catch (ConsoleException | RuntimeException e) {
                    // Still unusable with these settings: the stand-in stays, as when the file was opened.
                }
            }
        }
        return replaced;
    }

    /** The settings of a snap-in that is going away; its code may already fail. */
    private static Map<String, String> settingsOf(AddedSnapIn snapIn) {
        try {
            return snapIn.root().settings();
        } catch (RuntimeException | LinkageError e) {
            return Map.of();
        }
    }

    private void replace(AddedSnapIn old, AddedSnapIn replacement, Map<ConsoleNode, ConsoleNode> replaced) {
        ConsoleNode oldRoot = old.root();
        ConsoleNode newRoot = replacement.root();
        added.remove(oldRoot);
        added.put(newRoot, replacement);
        List<ConsoleNode> beneath = hosted.remove(oldRoot);
        if (beneath != null) {
            hosted.put(newRoot, beneath);
        }
        if (!root.replace(oldRoot, newRoot)) {
            for (List<ConsoleNode> siblings : hosted.values()) {
                int index = siblings.indexOf(oldRoot);
                if (index >= 0) {
                    siblings.set(index, newRoot);
                }
            }
        }
        replaced.put(oldRoot, newRoot);
    }

    // ---- files

    /**
     * @param view   the view state to record
     * @param window the window layout to record
     * @return the console file content of this console
     */
    public ConsoleFile toFile(ViewState view, WindowLayout window) {
        return new ConsoleFile(entries(root), view, window);
    }

    private List<SnapInEntry> entries(ConsoleNode parent) {
        List<SnapInEntry> entries = new ArrayList<>();
        for (ConsoleNode node : snapInRootsBeneath(parent)) {
            AddedSnapIn snapIn = added.get(node);
            entries.add(new SnapInEntry(snapIn.snapInId(), snapIn.name(), snapIn.root().settings(), entries(node)));
        }
        return entries;
    }

    /**
     * What opening a console file gave.
     *
     * @param document the console
     * @param problems the snap-ins that could not be loaded and why, in the user's words
     */
    public record Opened(ConsoleDocument document, List<String> problems) {
        /** Copies the list. */
        public Opened {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Builds the console a console file describes. A snap-in that is not installed, or that cannot create its
     * root from the recorded settings, gets a stand-in node that says so and keeps its settings for saving; the
     * rest loads.
     *
     * @param file    the console file's content
     * @param path    where it was read from
     * @param snapIns finds an installed snap-in by id
     */
    public static Opened open(ConsoleFile file, Path path, Function<String, Optional<SnapIn>> snapIns) {
        ConsoleDocument document = new ConsoleDocument(new ConsoleRoot(), Optional.of(path));
        List<String> problems = new ArrayList<>();
        for (SnapInEntry entry : file.snapIns()) {
            document.load(entry, document.root, snapIns, problems);
        }
        document.dirty = false;
        return new Opened(document, problems);
    }

    private void load(SnapInEntry entry, ConsoleNode parent, Function<String, Optional<SnapIn>> snapIns,
            List<String> problems) {
        String name = entry.name().isBlank() ? entry.snapInId() : entry.name();
        Optional<SnapIn> snapIn = snapIns.apply(entry.snapInId());
        AddedSnapIn loaded;
        if (snapIn.isEmpty()) {
            String reason = "The snap-in " + name + " (" + entry.snapInId() + ") is not installed. Install it and "
                    + "open the console again, or remove it with File > Add/Remove Snap-in. Its settings are kept "
                    + "when you save the console.";
            problems.add(reason);
            loaded = new AddedSnapIn(entry.snapInId(), name,
                    new UnavailableSnapIn(name + " (not available)", reason, entry.settings()), false,
                    !entry.children().isEmpty());
        } else {
            try {
                loaded = new AddedSnapIn(entry.snapInId(), snapIn.get().name(),
                        Objects.requireNonNull(snapIn.get().createRoot(entry.settings()), "root"), true,
                        snapIn.get().container());
            } catch (ConsoleException | RuntimeException e) {
                String reason = "The snap-in " + name + " could not be loaded: " + e.getMessage()
                        + " Remove it with File > Add/Remove Snap-in and add it again.";
                problems.add(reason);
                loaded = new AddedSnapIn(entry.snapInId(), name,
                        new UnavailableSnapIn(name + " (not available)", reason, entry.settings()), false,
                        !entry.children().isEmpty());
            }
        }
        attach(loaded, parent);
        for (SnapInEntry child : entry.children()) {
            load(child, loaded.root(), snapIns, problems);
        }
    }
}
