package org.cairn.console.api.swt;

import java.util.Map;

import org.cairn.console.api.SnapInConfiguration;
import org.eclipse.swt.widgets.Composite;

/**
 * A configuration step a snap-in draws itself with SWT, for choices a
 * {@link org.cairn.console.api.ConfigurationForm} cannot express. The host shows it in a dialog with Finish and
 * Cancel when the user adds the snap-in.
 */
public interface ConfigurationPage extends SnapInConfiguration {

    /**
     * Creates the page's controls.
     *
     * @param parent the composite to draw in (it has a {@code FillLayout}); the host disposes it
     * @param site   where the page says whether the user may finish
     */
    void createControls(Composite parent, ConfigurationSite site);

    /** @return the settings chosen, read when the user clicks Finish */
    Map<String, String> settings();
}
