package org.cairn.console.api.swt;

import org.cairn.console.api.ResultView;
import org.eclipse.swt.widgets.Composite;

/**
 * A details pane that a snap-in draws itself with SWT, for a node whose content is not a list (a chart, a
 * form). The host creates it when the node is shown and disposes it when another node is shown.
 */
public interface CustomView extends ResultView {

    /**
     * Creates the view's controls in {@code parent} (which has a {@code FillLayout}).
     *
     * @param parent the composite to draw in; the host disposes it, and with it the view's controls
     * @param site   the selection publisher and host services; valid until {@link #dispose()}
     */
    void createControls(Composite parent, ViewSite site);

    /** Gives the keyboard focus to the view's main control. */
    void setFocus();

    /** Releases what the view made besides its controls (images, fonts, listeners); the default does nothing. */
    default void dispose() {
    }
}
