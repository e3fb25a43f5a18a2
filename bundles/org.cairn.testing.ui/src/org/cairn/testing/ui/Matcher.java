package org.cairn.testing.ui;

import org.eclipse.swt.widgets.Widget;

/**
 * Decides whether a widget is the one searched for; called on the UI thread. Stands in for the
 * Hamcrest matchers SWTBot takes, so finder code moves over by changing imports. Build matchers with
 * {@link WidgetMatcherFactory}; {@link #toString()} describes them in failure
 * messages ("of type Button and with text 'OK'").
 *
 * @param <T> the widget type a match guarantees
 */
public interface Matcher<T extends Widget> {

    /** @return whether {@code widget} matches */
    boolean matches(Widget widget);
}
