package org.cairn.console.api;

import java.util.Objects;

/**
 * A named value on a {@link PropertySheet}.
 *
 * @param key      stable id, the key in the map passed to {@link PropertySheet#apply(java.util.Map)}
 * @param label    what the property sheet shows before the value
 * @param value    the current value
 * @param editable whether the user may change it
 */
public record Property(String key, String label, String value, boolean editable) {

    /** @throws NullPointerException if any argument is {@code null} */
    public Property {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
    }

    /** @return a read-only property */
    public static Property readOnly(String key, String label, String value) {
        return new Property(key, label, value, false);
    }

    /** @return a property the user may edit */
    public static Property editable(String key, String label, String value) {
        return new Property(key, label, value, true);
    }
}
