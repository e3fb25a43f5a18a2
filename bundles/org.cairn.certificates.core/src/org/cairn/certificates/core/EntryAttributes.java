package org.cairn.certificates.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The editable attributes of a stored certificate: friendly name, description, whether its private key
 * may be exported, and the extended properties (free name/value pairs, exported to PKCS#12 on request).
 *
 * @param friendlyName the friendly name, empty for none
 * @param description  the description, empty for none
 * @param exportable   whether the private key may leave the store; fixed when the key is added
 * @param properties   extended properties, sorted by name; names are non-empty
 */
public record EntryAttributes(String friendlyName, String description, boolean exportable,
        Map<String, String> properties) {

    public EntryAttributes {
        Objects.requireNonNull(friendlyName, "friendlyName");
        Objects.requireNonNull(description, "description");
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey() == null || e.getKey().isEmpty() || e.getValue() == null) {
                throw new IllegalArgumentException("Extended property names must be non-empty and values non-null: "
                        + e.getKey() + "=" + e.getValue());
            }
            sorted.put(e.getKey(), e.getValue());
        }
        properties = Collections.unmodifiableSortedMap(sorted);
    }

    /** @return no friendly name, no description, exportable key, no extended properties */
    public static EntryAttributes defaults() {
        return new EntryAttributes("", "", true, Map.of());
    }

    /** @param name the friendly name @return a copy with that friendly name */
    public EntryAttributes withFriendlyName(String name) {
        return new EntryAttributes(name, description, exportable, properties);
    }

    /** @param text the description @return a copy with that description */
    public EntryAttributes withDescription(String text) {
        return new EntryAttributes(friendlyName, text, exportable, properties);
    }

    /** @param value whether the key may be exported @return a copy with that flag */
    public EntryAttributes withExportable(boolean value) {
        return new EntryAttributes(friendlyName, description, value, properties);
    }

    /** @param map the extended properties @return a copy with exactly those properties */
    public EntryAttributes withProperties(Map<String, String> map) {
        return new EntryAttributes(friendlyName, description, exportable, map);
    }

    /** @param name property name @param value its value @return a copy with that property set */
    public EntryAttributes withProperty(String name, String value) {
        TreeMap<String, String> copy = new TreeMap<>(properties);
        copy.put(name, value);
        return withProperties(copy);
    }

    /** @param name property name @return a copy without that property */
    public EntryAttributes withoutProperty(String name) {
        TreeMap<String, String> copy = new TreeMap<>(properties);
        copy.remove(name);
        return withProperties(copy);
    }
}
