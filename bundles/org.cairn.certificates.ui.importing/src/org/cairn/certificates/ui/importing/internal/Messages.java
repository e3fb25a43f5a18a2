package org.cairn.certificates.ui.importing.internal;

/**
 * The wizard's texts, filled by e4's translation service from {@code OSGI-INF/l10n/bundle.properties} (inject
 * with {@code @Translation Messages}). Texts with {@code {0}} are {@link java.text.MessageFormat} patterns.
 */
public final class Messages {
    public String command_import_name;
    public String command_import_description;
    public String menu_import;
    public String menu_import_tooltip;
    public String menu_import_denied;
    public String wizard_title;
    public String noStoreSelected;
    public String welcome_title;
    public String welcome_text;
    public String welcome_location;
    public String file_title;
    public String file_description;
    public String file_name;
    public String file_browse;
    public String file_required;
    public String file_missing;
    public String file_isFolder;
    public String file_note;
    public String file_note_formats;
    public String file_filter_pfx;
    public String file_filter_cer;
    public String file_filter_p7b;
    public String file_filter_pem;
    public String file_filter_all;
    public String progress_reading;
    public String key_title;
    public String key_description;
    public String key_text;
    public String key_noPassword;
    public String key_password;
    public String key_displayPassword;
    public String key_options;
    public String key_exportable;
    public String key_extendedProperties;
    public String store_title;
    public String store_description;
    public String store_text;
    public String store_automatic;
    public String store_place;
    public String store_label;
    public String store_browse;
    public String store_required;
    public String store_denied;
    public String select_title;
    public String select_text;
    public String complete_title;
    public String complete_description;
    public String complete_settings;
    public String complete_store;
    public String complete_store_automatic;
    public String complete_content;
    public String complete_fileName;
    public String complete_exportable;
    public String complete_extendedProperties;
    public String complete_certificate;
    public String complete_withKey;
    public String complete_yes;
    public String complete_no;
    public String content_pkcs12;
    public String content_der;
    public String content_base64;
    public String content_pkcs7;
    public String content_pem;
    public String progress_importing;
    public String result_success;
    public String result_added;
    public String result_alreadyPresent;
    public String result_note;
    public String result_failed;
    public String result_storeFailed;
}
