package org.cairn.console.ui.internal;

/**
 * The console host's texts, filled by e4's translation service from {@code OSGI-INF/l10n/bundle.properties}
 * (inject with {@code @Translation Messages}).
 */
public final class Messages {
    public String consoleTree_noItems;
    public String details_column_name;
    public String actions_title;
    public String actions_refresh;
    public String actions_help;
    public String status_ready;
    public String status_items;
    public String about_title;
    public String about_text;
}
