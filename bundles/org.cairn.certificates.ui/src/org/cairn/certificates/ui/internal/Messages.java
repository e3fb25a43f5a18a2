package org.cairn.certificates.ui.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The snap-in's texts, from {@code OSGI-INF/l10n/bundle.properties} (and its translations) in this bundle. Loaded
 * through the bundle's class loader so that DS components, dialogs and nodes, none of which e4 injects, share
 * one source.
 */
public final class Messages {

    private static final ResourceBundle TEXTS = ResourceBundle.getBundle("OSGI-INF.l10n.bundle", Locale.getDefault(),
            Messages.class.getClassLoader());

    private Messages() {
    }

    /** @return the text for {@code key}; the key in brackets when it is missing, so the gap shows */
    public static String get(String key) {
        try {
            return TEXTS.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
    }

    /** @return whether a text exists for {@code key} */
    public static boolean has(String key) {
        return TEXTS.containsKey(key);
    }

    /** @return the text for {@code key} with {@code {0}}, {@code {1}}... replaced by {@code arguments} */
    public static String format(String key, Object... arguments) {
        return new MessageFormat(get(key).replace("'", "''"), Locale.getDefault()).format(arguments);
    }
}
