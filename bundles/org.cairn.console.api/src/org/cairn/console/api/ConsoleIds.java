package org.cairn.console.api;

/**
 * Stable identifiers of the console host that other bundles contribute to through {@code fragment.e4xmi}
 * model fragments and read from the e4 context.
 * <p>
 * These ids are part of the API: they do not change within a major version.
 */
public final class ConsoleIds {

    /**
     * Model element id of the main window. Contribute to its {@code mainMenu}, {@code trimBars} or
     * {@code handlers} through a fragment whose parent element id is this.
     */
    public static final String MAIN_WINDOW = "org.cairn.console.window.main";

    /**
     * Model element id of the menu bar's Action menu. A fragment that adds menu items to the Action menu uses
     * this as the parent element id and {@code children} as the feature name.
     */
    public static final String ACTION_MENU = "org.cairn.console.menu.action";

    /**
     * Model element id of the {@code Action → All Tasks} submenu: the contribution point for tasks on nodes and
     * items, used the same way by the host's own snap-ins and by third-party extension snap-ins. Contributed
     * items are shown when their {@code visibleWhen} expression (typically the selected node's or item's type)
     * holds. The context menus of the console tree and of the details pane mirror the Action menu, so a task
     * contributed here appears there too.
     */
    public static final String ALL_TASKS_MENU = "org.cairn.console.menu.action.allTasks";

    /** Model element id of the View menu. */
    public static final String VIEW_MENU = "org.cairn.console.menu.view";

    /** Model element id of the Help menu. */
    public static final String HELP_MENU = "org.cairn.console.menu.help";

    /** Part id of the console tree (left). */
    public static final String CONSOLE_TREE_PART = "org.cairn.console.part.tree";

    /** Part id of the details (result) pane (middle). */
    public static final String DETAILS_PART = "org.cairn.console.part.details";

    /** Part id of the Actions pane (right); it can be hidden from the View menu. */
    public static final String ACTIONS_PART = "org.cairn.console.part.actions";

    /**
     * Key, in the main window's e4 context, of the {@link ConsoleNode} selected in the console tree. Parts and
     * handlers receive it with {@code @Named(ConsoleIds.SELECTED_NODE)}; it stays the tree's selection while
     * the focus is in the details pane (whose own selection is the e4 active selection).
     */
    public static final String SELECTED_NODE = "org.cairn.console.selectedNode";

    /**
     * Key, in the main window's e4 context, of the {@link ConsoleNode#nodeTypeId()} of the selected node (a
     * {@code String}). Menu contributions match on it in their {@code visibleWhen} expression, for example the
     * core expression {@code <with variable="org.cairn.console.selectedNodeType"><equals value="..."/></with>}.
     */
    public static final String SELECTED_NODE_TYPE = "org.cairn.console.selectedNodeType";

    /**
     * Key, in the main window's e4 context, of the items selected in the details pane: an unmodifiable
     * {@code List<ResultItem>}, empty when none is selected (never absent while the window is open). Handlers
     * receive it with {@code @Named(ConsoleIds.SELECTED_ITEMS) List<ResultItem>}.
     */
    public static final String SELECTED_ITEMS = "org.cairn.console.selectedItems";

    /**
     * Key, in the main window's e4 context, of the {@link ResultItem#itemTypeId()} shared by all the selected
     * items (a {@code String}); absent when no item is selected or the selected items are of different types.
     * Contributions for items match on it as on {@link #SELECTED_NODE_TYPE}.
     */
    public static final String SELECTED_ITEM_TYPE = "org.cairn.console.selectedItemType";

    /** Model element id of the File menu. */
    public static final String FILE_MENU = "org.cairn.console.menu.file";

    /** Event topic (e4 event broker) asking the console to reload a node's children; the data is the node. */
    public static final String TOPIC_REFRESH = "org/cairn/console/refresh";

    /**
     * Tag of a part descriptor ({@code basic:PartDescriptor} in a {@code fragment.e4xmi} contributed to the
     * application's {@code descriptors}) that is a page of the Properties dialog of a node or item type another
     * bundle owns, as MMC's property sheet extensions. The descriptor's label is the tab's title, its
     * {@code contributionURI} the page class, which the host makes through e4 DI in a context holding the
     * selection and the tab's {@code Composite}, and whose {@code @Persist} method it calls on OK and Apply. A
     * second tag, {@link #NODE_TYPE_TAG_PREFIX} or {@link #ITEM_TYPE_TAG_PREFIX} followed by a type id, says what
     * the page applies to.
     *
     * @since 1.1
     */
    public static final String PROPERTY_PAGE_TAG = "org.cairn.console.propertyPage";

    /**
     * Prefix of the tag naming the {@link ConsoleNode#nodeTypeId()} a {@link #PROPERTY_PAGE_TAG property page}
     * applies to, for example {@code nodeType:org.cairn.console.node.folder}.
     *
     * @since 1.1
     */
    public static final String NODE_TYPE_TAG_PREFIX = "nodeType:";

    /**
     * Prefix of the tag naming the {@link ResultItem#itemTypeId()} a {@link #PROPERTY_PAGE_TAG property page}
     * applies to (when one item is selected), for example {@code itemType:org.cairn.certificates.item.certificate}.
     *
     * @since 1.1
     */
    public static final String ITEM_TYPE_TAG_PREFIX = "itemType:";

    /** Node type id of the Console Root node. */
    public static final String ROOT_NODE_TYPE = "org.cairn.console.node.root";

    private ConsoleIds() {
    }
}
