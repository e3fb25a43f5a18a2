package org.cairn.certificates.export.internal;

import org.cairn.certificates.export.ExportSettings;
import org.eclipse.core.runtime.preferences.IPreferencesService;

/**
 * Reads {@link ExportSettings} from the Eclipse preference node {@value ExportSettings#PREFERENCE_NODE}, looking in
 * the instance, configuration and default scopes in the platform's usual order. An invalid value is reported
 * and replaced by its default, so a typo in a preference file never blocks exports.
 */
final class PreferenceSettings {

    private PreferenceSettings() {
    }

    /**
     * @param preferences the preference service
     * @param log         where to report invalid values
     * @return the settings in force now
     */
    static ExportSettings read(IPreferencesService preferences, ExportLog log) {
        int strong = read(preferences, ExportSettings.STRONG_ITERATIONS_KEY, ExportSettings.DEFAULT_STRONG_ITERATIONS, log);
        int standard = read(preferences, ExportSettings.STANDARD_ITERATIONS_KEY,
                ExportSettings.DEFAULT_STANDARD_ITERATIONS, log);
        return new ExportSettings(strong, standard);
    }

    private static int read(IPreferencesService preferences, String key, int defaultValue, ExportLog log) {
        String text = preferences.getString(ExportSettings.PREFERENCE_NODE, key, null, null);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim().replace("_", "").replace(",", ""));
            if (value >= 1 && value <= ExportSettings.MAX_ITERATIONS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        log.warn("Preference " + ExportSettings.PREFERENCE_NODE + "/" + key + " = '" + text + "' is not an iteration "
                + "count from 1 to " + ExportSettings.MAX_ITERATIONS + "; using " + defaultValue + ".", null);
        return defaultValue;
    }
}
