package org.cairn.console.api.swt;

import java.util.List;

import org.cairn.console.api.ActionContext;
import org.cairn.console.api.ResultItem;

/**
 * What the host gives a {@link CustomView}: the {@link ActionContext} services, and a way to publish the items
 * selected in the view so that the Action menu, All Tasks contributions and Properties act on them.
 */
public interface ViewSite extends ActionContext {

    /** Publishes the items selected in the custom view (empty for none). */
    void setSelectedItems(List<? extends ResultItem> items);
}
