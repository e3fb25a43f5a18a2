package org.cairn.console.api;

import java.util.Map;

/**
 * The root node of a snap-in added to a console, as created by {@link SnapIn#createRoot(Map)}. The host saves
 * its {@link #settings()} in the console file and passes them back to {@code createRoot} when the file is
 * opened.
 */
public interface SnapInRoot extends ConsoleNode {

    /**
     * @return the settings that recreate this root, for example {@code scope=user}; plain strings, never
     *         secrets (console files are not encrypted). Call {@link ActionContext#settingsChanged()} when they
     *         change after creation.
     */
    Map<String, String> settings();
}
