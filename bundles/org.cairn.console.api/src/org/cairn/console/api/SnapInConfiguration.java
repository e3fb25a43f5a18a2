package org.cairn.console.api;

/**
 * The configuration step of a snap-in, shown as a page when the user adds it. The host knows two kinds:
 * {@link ConfigurationForm} (fields the host lays out; no UI toolkit needed) and
 * {@code org.cairn.console.api.swt.ConfigurationPage} (a page the snap-in draws with SWT).
 */
public interface SnapInConfiguration {

    /** @return the page title, for example "Certificates snap-in" */
    String title();

    /** @return a line under the title saying what to choose */
    String description();
}
