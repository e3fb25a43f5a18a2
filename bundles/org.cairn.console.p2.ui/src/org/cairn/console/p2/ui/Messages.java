package org.cairn.console.p2.ui;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The dialog's texts, from {@code messages.properties}. */
final class Messages {

    private static final String BUNDLE = "org.cairn.console.p2.ui.messages";

    private Messages() {
    }

    static String get(String key, Object... arguments) {
        String text = ResourceBundle.getBundle(BUNDLE, java.util.Locale.getDefault(), Messages.class.getClassLoader())
                .getString(key);
        return arguments.length == 0 ? text : MessageFormat.format(text, arguments);
    }
}
