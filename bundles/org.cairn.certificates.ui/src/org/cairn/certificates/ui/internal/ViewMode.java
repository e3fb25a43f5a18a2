package org.cairn.certificates.ui.internal;

import java.util.Map;

/**
 * How the snap-in organizes the console tree (View Options...), saved in the console file with the root's
 * settings.
 *
 * @param byPurpose    Certificate purpose instead of Logical Certificate Stores
 * @param showPhysical each logical store shows its physical stores
 * @param showArchived archived certificates are listed
 */
public record ViewMode(boolean byPurpose, boolean showPhysical, boolean showArchived) {

    static final String VIEW = "view";
    static final String PHYSICAL = "physical";
    static final String ARCHIVED = "archived";
    static final String PURPOSE = "purpose";
    static final String LOGICAL = "logical";

    /** The default: logical stores, no physical stores, no archived certificates. */
    public static final ViewMode DEFAULT = new ViewMode(false, false, false);

    /** @return the mode the settings describe (unknown or missing values read as the default) */
    public static ViewMode from(Map<String, String> settings) {
        return new ViewMode(PURPOSE.equals(settings.get(VIEW)), "true".equals(settings.get(PHYSICAL)),
                "true".equals(settings.get(ARCHIVED)));
    }

    /** Writes this mode into {@code settings}. */
    void into(Map<String, String> settings) {
        settings.put(VIEW, byPurpose ? PURPOSE : LOGICAL);
        settings.put(PHYSICAL, Boolean.toString(showPhysical));
        settings.put(ARCHIVED, Boolean.toString(showArchived));
    }
}
