package org.cairn.certificates.ui.wizard;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Names controls for screen readers.
 *
 * @deprecated since 1.2: the console's {@link org.cairn.console.api.swt.AccessibleNames} (console API 1.3) does it
 *             for every snap-in; this delegates to it
 */
@Deprecated(since = "1.2")
public final class AccessibleNames {

    private AccessibleNames() {
    }

    /** @see org.cairn.console.api.swt.AccessibleNames#labelledBy(Label, Control) */
    public static <C extends Control> C labelledBy(Label label, C control) {
        return org.cairn.console.api.swt.AccessibleNames.labelledBy(label, control);
    }

    /** @see org.cairn.console.api.swt.AccessibleNames#named(Control, String) */
    public static <C extends Control> C named(C control, String name) {
        return org.cairn.console.api.swt.AccessibleNames.named(control, name);
    }

    /** @see org.cairn.console.api.swt.AccessibleNames#plain(String) */
    public static String plain(String text) {
        return org.cairn.console.api.swt.AccessibleNames.plain(text);
    }
}
