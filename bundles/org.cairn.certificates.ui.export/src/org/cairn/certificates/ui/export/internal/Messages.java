package org.cairn.certificates.ui.export.internal;

/**
 * The wizard's texts, filled by e4's translation service from {@code OSGI-INF/l10n/bundle.properties} (inject
 * with {@code @Translation Messages}). Texts with {@code {0}} are {@link java.text.MessageFormat} patterns.
 */
public final class Messages {
    public String wizard_title;
    public String welcome_title;
    public String welcome_text;
    public String welcome_certificate;
    public String key_title;
    public String key_description;
    public String key_text;
    public String key_yes;
    public String key_no;
    public String key_notExportable;
    public String key_noAccess;
    public String key_noPrivateKey;
    public String key_reason;
    public String format_title;
    public String format_description;
    public String format_select;
    public String format_der;
    public String format_base64;
    public String format_pkcs7;
    public String format_pkcs12;
    public String format_includeChain;
    public String format_deleteKey;
    public String format_extendedProperties;
    public String security_title;
    public String security_description;
    public String security_password;
    public String security_confirm;
    public String security_showCharacters;
    public String security_strength;
    public String security_strength_none;
    public String security_strength_weak;
    public String security_strength_medium;
    public String security_strength_strong;
    public String security_encryption;
    public String security_note_aes;
    public String security_note_tripleDes;
    public String security_passwordRequired;
    public String security_mismatch;
    public String file_title;
    public String file_description;
    public String file_name;
    public String file_browse;
    public String file_required;
    public String file_isFolder;
    public String file_noFolder;
    public String file_exists;
    public String file_filter_cer;
    public String file_filter_base64;
    public String file_filter_p7b;
    public String file_filter_pfx;
    public String file_filter_all;
    public String complete_title;
    public String complete_description;
    public String complete_settings;
    public String complete_fileName;
    public String complete_exportKeys;
    public String complete_includeChain;
    public String complete_fileFormat;
    public String complete_encryption;
    public String complete_deleteKey;
    public String complete_extendedProperties;
    public String complete_yes;
    public String complete_no;
    public String complete_notApplicable;
    public String progress_exporting;
    public String result_success;
    public String result_keyDeleted;
    public String result_keyNotDeleted;
    public String result_chainIncomplete;
    public String result_failed;
    public String result_storeFailed;
}
