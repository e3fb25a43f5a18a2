package org.cairn.console.ui.internal;

/**
 * The console host's texts, filled by e4's translation service from {@code OSGI-INF/l10n/bundle.properties}
 * (inject with {@code @Translation Messages}).
 */
public final class Messages {
    public String consoleTree_noItems;
    public String details_column_name;
    public String details_failed;
    public String details_unknownView;
    public String details_reading;
    public String actions_title;
    public String actions_allTasks;
    public String properties_title;
    public String properties_item;
    public String properties_pageFailed;
    public String actions_refresh;
    public String actions_exportList;
    public String actions_properties;
    public String actions_delete;
    public String actions_help;
    public String actions_selectedItems;
    public String status_ready;
    public String status_items;
    public String about_title;
    public String about_text;
    public String about_snapIns;
    public String about_snapIn;
    public String console_untitled;
    public String console_saveChanges;
    public String file_name;
    public String file_browse;
    public String file_type;
    public String file_save;
    public String file_open;
    public String file_openTitle;
    public String file_saveAsTitle;
    public String file_typeConsole;
    public String file_openProblems;
    public String file_replace;
    public String export_title;
    public String export_typeTab;
    public String export_typeComma;
    public String export_selectedOnly;
    public String export_progress;
    public String delete_title;
    public String delete_items;
    public String delete_snapIn;
    public String delete_node;
    public String help_title;
    public String help_console;
    public String help_snapIn;
    public String columns_title;
    public String columns_intro;
    public String columns_atLeastOne;
    public String configuration_unknown;
    public String configuration_finish;
    public String addRemove_title;
    public String addRemove_intro;
    public String addRemove_available;
    public String addRemove_selected;
    public String addRemove_column_snapIn;
    public String addRemove_column_vendor;
    public String addRemove_add;
    public String addRemove_remove;
    public String addRemove_moveUp;
    public String addRemove_moveDown;
    public String addRemove_description;
    public String addRemove_failed;
    public String properties_general;
    public String properties_apply;
}
